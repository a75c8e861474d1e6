// The budget report over stored counts: this month only (last month's posts do not count),
// X's read figure when it is higher than ours, and a projection from the recent window
// only — a busy first week does not inflate a quiet month's end.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBudgetReport } from '../../src/server/budget'
import { openDatabase, type Database } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrations'
import { DEFAULT_ORG_FILE } from '../../src/server/index'
import { countBilled } from '../../src/server/x/usage'
import { OrgConfig } from '../../src/shared/org'
import { freshDatabase, type TestDatabase } from './helpers'

const org = OrgConfig.parse({
  ...(JSON.parse(readFileSync(DEFAULT_ORG_FILE, 'utf-8')) as object),
  budget: { monthlyBudget: 10, projectionDays: 7 },
})
const NOW = new Date('2026-12-20T12:00:00Z')
const day = (d: number) => new Date(Date.UTC(2026, 11, d, 9))

let test: TestDatabase
let db: Database

beforeAll(async () => {
  test = await freshDatabase()
  db = await openDatabase(test.databaseUrl ? { databaseUrl: test.databaseUrl } : {})
  await migrate(db)
  // Last month: not this month's spend.
  await countBilled(db, 'url-post', 50, new Date('2026-11-30T23:00:00Z'))
  // A busy first week of December: 100 posts a day on the 1st–7th.
  for (let d = 1; d <= 7; d++) await countBilled(db, 'post', 100, day(d))
  // The last 7 days (14th–20th): 10 posts and 1 URL post a day, 200 reads a day.
  for (let d = 14; d <= 20; d++) {
    await countBilled(db, 'post', 10, day(d))
    await countBilled(db, 'url-post', 1, day(d))
    await countBilled(db, 'read', 200, day(d))
  }
})
afterAll(async () => {
  await db?.close()
  await test?.drop()
})

const build = (xReportedReads?: number) =>
  buildBudgetReport({ db, org, now: NOW, xReportedReads, editable: false, configVersion: 1 })

describe('budget report', () => {
  it("adds up this month's counts at X's prices", async () => {
    const report = await build()
    expect(report.period).toBe('2026-12')
    expect(report.spent.counts).toEqual({ reads: 1_400, posts: 770, urlPosts: 7 })
    expect(report.spent.reads).toBe(7)
    expect(report.spent.posts).toBe(11.55)
    expect(report.spent.urlPosts).toBe(1.4)
    expect(report.spent.total).toBe(19.95)
  })

  it("takes X's own read figure when it is higher", async () => {
    expect((await build(3_000)).spent.counts.reads).toBe(3_000)
    expect((await build(10)).spent.counts.reads).toBe(1_400)
  })

  it('projects from the last seven days only', async () => {
    const report = await build()
    // Recent window: the 7 UTC days 14–20 December, 6.5 of them gone by at noon on the 20th;
    // $0.15 + $0.20 + $1.00 = $1.35 on each of those days.
    const recent = 7 * (10 * 0.015 + 0.2 + 200 * 0.005)
    const rate = recent / 6.5
    expect(report.projection.dailyRate).toBeCloseTo(rate, 5)
    expect(report.projection.monthEnd).toBeCloseTo(19.95 + rate * 11.5, 4)
    expect(report.projection.overBudget).toBe(true)
    // The busy first week's 100 posts a day would have projected far more.
    expect(report.projection.monthEnd).toBeLessThan(19.95 + 5 * 11.5)
  })
})
