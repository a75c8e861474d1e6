// The roll-ups (src/server/reports/rollup.ts) against the facts they summarise: random
// grievances over seven months across a year's end, written through the real insert and
// save paths, then forwarded, reopened, re-prioritised and resolved; for many ranges,
// filters and scopes the summary read from the roll-ups — planned with years and quarters
// as well as months, and with months, blocks and days only — equals the one read row by
// row from the facts (counts exactly, medians and p90s within the documented tolerance),
// and the roll-ups kept in step by the saves equal what migrations 19 and 20 build.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffUser } from '../../src/server/auth/users'
import { openDatabase, writeTransaction, type Database, type Queryable } from '../../src/server/db/database'
import { MIGRATIONS, migrate } from '../../src/server/db/migrations'
import { insertGrievance, loadGrievance, nextVersion, saveGrievance } from '../../src/server/grievances'
import { bucketValue, histogramPercentile } from '../../src/server/reports/histogram'
import { reportSelection } from '../../src/server/reports/query'
import { dailyWithTotals } from '../../src/server/reports/rollup-query'
import { signedBlocks, wholeBlocks, type RangePart } from '../../src/server/reports/range-plan'
import {
  ALL_ROLLUP_TABLES,
  COARSE_GRAIN_BACKFILL,
  PERCENTILE_TOLERANCE,
  ROLLUP_BACKFILL,
} from '../../src/server/reports/rollup'
import { reportSummary } from '../../src/server/reports/summary'
import type { Grievance, GrievanceSla, ThreadEntry } from '../../src/shared/grievance'
import { ReportQuery, type ReportFigures, type ReportQueryInput, type ReportSummary } from '../../src/shared/reports'
import { freshDatabase, type TestDatabase } from './helpers'
import { ORG } from './seed'

const SEED = Number(process.env.ROLLUP_TEST_SEED ?? 20261203)
/** A small deterministic generator (mulberry32), so a failure can be replayed with its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rnd = random(SEED)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
const HOUR = 3_600_000
const iso = (ms: number): string => new Date(ms).toISOString()

const DIVISIONS = ['cyber', 'police', 'disaster', null] as const
const OFFICERS: Record<string, string[]> = {
  cyber: ['officer.cyber', 'officer.cyber2'],
  police: ['officer.police'],
  disaster: ['officer.disaster'],
}
// October 2025 to April 2026: two whole quarters, a year's end, and a calendar year (2025) with data.
const START = Date.parse('2025-10-01T00:00:00Z')
const SPAN = 211 * 24 * HOUR
/** "Now" for every summary: inside the data, so some SLAs are still undecided at the ends of ranges. */
const NOW = new Date('2026-04-20T12:00:00Z')

let seq = 1_900_000_000_000_000_000n
function randomGrievance(): Grievance {
  const tweetId = String(seq++)
  const opened = START + Math.floor(rnd() * SPAN)
  const division = pick(DIVISIONS)
  const assignee = division === null || rnd() < 0.1 ? null : pick(OFFICERS[division]!)
  const status = pick(['assigned', 'in_progress', 'resolved', 'resolved', 'closed', 'rejected'] as const)
  const done = ['resolved', 'closed', 'rejected'].includes(status)
  const updated = opened + (done ? Math.floor(rnd() * 20 * 24 * HOUR) : 60_000)
  const due = opened + pick([24, 72, 21 * 24]) * HOUR
  const thread: ThreadEntry[] = [{ id: `citizen:${tweetId}`, kind: 'citizen', text: 'help', at: iso(opened), by: 'c' }]
  if (rnd() < 0.8)
    thread.push({
      id: randomUUID(),
      kind: 'reply',
      text: 'on it',
      // Seconds to a first reply from under one to a few days, some within the same second.
      at: iso(opened + Math.floor(Math.exp(rnd() * 12.5))),
      by: assignee ?? 'x',
      post: { state: 'posted', attempts: 1 },
    })
  const slaState = pick(['none', 'none', 'on_track', 'met', 'breached'] as const)
  const sla: GrievanceSla | undefined =
    slaState === 'none'
      ? undefined
      : {
          policy: 'test',
          clock: '24x7',
          firstResponseDueAt: iso(due),
          resolutionDueAt: iso(due),
          interimDueAt: null,
          firstResponseAt: null,
          responseAts: [],
          resolvedAt: null,
          breachedAt: slaState === 'breached' ? iso(due) : null,
          state: slaState,
          escalationLevel: 0,
          escalatedAt: null,
        }
  return {
    id: randomUUID(),
    ticket: `MHA-26-${String(Number(seq % 1_000_000n)).padStart(6, '0')}`,
    source: {
      tweetId,
      conversationId: tweetId,
      authorId: `a${tweetId}`,
      authorUsername: `citizen${Math.floor(rnd() * 50)}`,
      text: 'help',
      language: pick(['en', 'hi', 'hi', 'und']),
      createdAt: iso(opened),
      via: { kind: 'mention', handle: pick(['HMOIndia', 'hmoindia', 'CyberDost', undefined]) },
      media: [],
    },
    thread,
    division,
    matchedRules: [...new Set([pick(['visa', 'cyber-fraud', 'flood']), pick(['visa', 'police-verification'])])].slice(
      0,
      Math.floor(rnd() * 3),
    ),
    priority: pick(['critical', 'high', 'normal', 'normal', 'low'] as const),
    triage: { actionable: true, reasons: [], band: rnd() < 0.1 ? 'review' : 'ticket' },
    status,
    statusReason: null,
    assignee,
    slaDueAt: iso(due),
    ...(sla ? { sla } : {}),
    createdAt: iso(opened),
    updatedAt: iso(updated),
    version: 1,
  }
}

const ADMIN: StaffUser = {
  username: 'admin',
  displayName: 'Admin',
  role: 'admin',
  divisions: ['*'],
  languages: ['en'],
  capacity: 0,
  available: true,
}
const SUPERVISOR: StaffUser = { ...ADMIN, username: 'sup', role: 'supervisor', divisions: ['cyber', 'disaster'] }

const PERCENTILES = [
  'firstResponseMedianSeconds',
  'firstResponseP90Seconds',
  'resolutionMedianSeconds',
  'resolutionP90Seconds',
] as const

/** Checks the percentiles of `a` (roll-ups) against `b` (facts) and returns both with them blanked out. */
function comparePercentiles(a: ReportFigures, b: ReportFigures, where: string): void {
  for (const k of PERCENTILES) {
    const got = a[k]
    const exact = b[k]
    if (exact === null) {
      expect(got, `${where} ${k}`).toBeNull()
      continue
    }
    expect(got, `${where} ${k}`).not.toBeNull()
    expect(Math.abs(got! - exact), `${where} ${k}: ${got} vs exact ${exact}`).toBeLessThanOrEqual(
      Math.abs(exact) * PERCENTILE_TOLERANCE.relative + PERCENTILE_TOLERANCE.seconds,
    )
  }
}
function withoutPercentiles<T extends ReportFigures>(f: T): T {
  const copy = { ...f }
  for (const k of PERCENTILES) copy[k] = null
  return copy
}
function withoutGenerated(s: ReportSummary) {
  return {
    ...withoutPercentiles(s),
    byDivision: s.byDivision.map(withoutPercentiles),
    byOfficer: s.byOfficer.map(withoutPercentiles),
  }
}

async function expectSameFigures(db: Database, user: StaffUser, query: ReportQueryInput): Promise<ReportSummary> {
  const sel = reportSelection(user, ReportQuery.parse(query), NOW)
  const exact = await reportSummary(db, ORG, sel, NOW, 'facts')
  for (const source of ['rollup', 'rollup-months'] as const) {
    const rolled = await reportSummary(db, ORG, sel, NOW, source)
    const where = `${source} ${user.username} ${JSON.stringify(query)}`
    // Counts, shares, series, rules, divisions and officers (with their order): exactly.
    expect(withoutGenerated(rolled), where).toEqual(withoutGenerated(exact))
    comparePercentiles(rolled, exact, where)
    rolled.byDivision.forEach((d, i) => comparePercentiles(d, exact.byDivision[i]!, `${where} ${d.division}`))
    rolled.byOfficer.forEach((o, i) => comparePercentiles(o, exact.byOfficer[i]!, `${where} ${o.officer}`))
  }
  return exact
}

const QUERIES: ReportQueryInput[] = [
  // All the data: two whole quarters and a month.
  { from: '2025-10-01', to: '2026-04-30' },
  { from: '2026-02-01', to: '2026-04-30' },
  { from: '2026-03-15', to: '2026-03-15' },
  { from: '2026-02-10', to: '2026-03-09' },
  // A whole month (from its 'm' rows) between partial ones (day by day), with each set of roll-ups.
  { from: '2026-02-15', to: '2026-04-10' },
  { from: '2026-02-15', to: '2026-04-10', language: 'en' },
  { from: '2026-02-15', to: '2026-04-10', handle: 'cyberdost', officer: 'officer.cyber2' },
  // Seven-day blocks and single days at both ends.
  { from: '2026-02-03', to: '2026-04-26' },
  { from: '2026-03-08', to: '2026-03-28', priority: 'critical' },
  { from: '2026-02-27', to: '2026-03-02', division: 'cyber' },
  { from: '2026-04-01', to: '2026-04-30' },
  { from: '2026-02-01', to: '2026-04-30', division: 'cyber' },
  { from: '2026-02-01', to: '2026-04-30', handle: 'HMOINDIA' },
  { from: '2026-02-01', to: '2026-04-30', language: 'hi', priority: 'normal' },
  { from: '2026-03-01', to: '2026-04-30', officer: 'officer.cyber' },
  { from: '2026-02-01', to: '2026-04-30', division: 'police', language: 'en', handle: 'cyberdost' },
  // Inside one month, whole blocks and days only.
  { from: '2025-11-02', to: '2025-11-27' },
  { from: '2026-01-09', to: '2026-01-20', language: 'hi' },
  // Quarters and years: a calendar year, and quarters between partial months at both ends.
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2025-06-01', to: '2026-05-31', officer: 'officer.cyber' },
  { from: '2025-11-20', to: '2026-04-10' },
  { from: '2025-11-20', to: '2026-04-10', division: 'cyber', priority: 'normal' },
  { from: '2025-12-31', to: '2026-01-01', handle: 'hmoindia' },
  { from: '2025-10-04', to: '2026-03-31', language: 'en' },
]

async function rollupRows(db: Queryable) {
  const rows: Record<string, unknown[]> = {}
  for (const t of ALL_ROLLUP_TABLES)
    // Rows whose counts all went back to 0 are left behind by the saves; they count nothing.
    rows[t] = await db.query(
      `SELECT * FROM ${t} t WHERE ${t.startsWith('report_rollup_times') || t.startsWith('report_rollup_rules') ? 'n' : 'opened + straight + via_review + resolved'} <> 0
       ORDER BY t::text`,
    )
  return rows
}

let db: Database
let testDb: TestDatabase
const ids: string[] = []

beforeAll(async () => {
  // PGlite, or a throw-away PostgreSQL database when DATABASE_URL is set (npm run test:pg).
  testDb = await freshDatabase()
  db = await openDatabase(testDb.databaseUrl ? { databaseUrl: testDb.databaseUrl } : {})
  await migrate(db)
  for (let i = 0; i < 500; i++) {
    const g = randomGrievance()
    ids.push(g.id)
    await writeTransaction(db, (tx) => insertGrievance(tx, g))
  }
}, 120_000)

afterAll(async () => {
  await db?.close()
  await testDb?.drop()
})

describe('report roll-ups', () => {
  it('read a range, in migration 19’s plan, as whole months, then seven-day blocks, then days', () => {
    expect(wholeBlocks('2025-01-03', '2025-03-30')).toEqual([
      ['d', '2025-01-03', '2025-01-08'],
      ['w', '2025-01-08', '2025-02-01'],
      ['m', '2025-02-01', '2025-03-01'],
      ['w', '2025-03-01', '2025-03-29'],
      ['d', '2025-03-29', '2025-03-31'],
    ])
    expect(wholeBlocks('2025-06-10', '2025-06-10')).toEqual([['d', '2025-06-10', '2025-06-11']])
    expect(wholeBlocks('2025-01-01', '2026-01-01')).toEqual([
      ['m', '2025-01-01', '2026-01-01'],
      ['d', '2026-01-01', '2026-01-02'],
    ])
  })

  it('read a range as years, quarters, months, blocks and days added and taken away', () => {
    const plan = (from: string, to: string) =>
      signedBlocks(from, to).map((p) => `${p.sign > 0 ? '+' : '-'}${p.grain} ${p.start} ${p.end}`)
    expect(plan('2025-01-01', '2025-12-31')).toEqual(['+y 2025-01-01 2026-01-01'])
    expect(plan('2025-01-01', '2026-01-01')).toEqual(['+d 2026-01-01 2026-01-02', '+y 2025-01-01 2026-01-01'])
    expect(plan('2025-06-01', '2025-06-30')).toEqual(['+m 2025-06-01 2025-07-01'])
    expect(plan('2025-06-10', '2025-06-10')).toEqual(['+d 2025-06-10 2025-06-11'])
    // The year less January, December and the days outside the range in February and November.
    expect(plan('2025-02-03', '2025-11-26')).toEqual([
      '+y 2025-01-01 2026-01-01',
      '-d 2025-02-01 2025-02-03',
      '-d 2025-11-27 2025-12-01',
      '-m 2025-01-01 2025-02-01',
      '-m 2025-12-01 2026-01-01',
    ])
    // Whatever the range, the parts count every day of it once and no other day.
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
    const DAY = 86_400_000
    const coverage = (parts: RangePart[]) => {
      const net = new Map<string, number>()
      for (const p of parts)
        for (let ms = Date.parse(p.start); ms < Date.parse(p.end); ms += DAY)
          net.set(day(ms), (net.get(day(ms)) ?? 0) + p.sign)
      return [...net].filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b))
    }
    for (let i = 0; i < 60; i++) {
      const from = Date.parse('2024-01-01') + Math.floor(rnd() * 900) * DAY
      const to = from + Math.floor(rnd() * 366) * DAY
      const expected: [string, number][] = []
      for (let ms = from; ms <= to; ms += DAY) expected.push([day(ms), 1])
      expect(coverage(signedBlocks(day(from), day(to))), `${day(from)} – ${day(to)}`).toEqual(expected)
    }
  })

  it('add up each day’s series total from its divisions, before dropping rows with nothing opened or resolved', () => {
    const rows = dailyWithTotals([
      { day: '2026-03-01', division: 'cyber', opened: 3, decided: 2, met: 1, resolved: 0 },
      { day: '2026-03-01', division: 'police', opened: 0, decided: 1, met: 0, resolved: 0 },
      { day: '2026-03-01', division: null, opened: 1, decided: 0, met: 0, resolved: 2 },
      { day: '2026-03-02', division: 'police', opened: 0, decided: 0, met: 0, resolved: 0 },
    ])
    expect(rows).toEqual([
      { g_division: 0, day: '2026-03-01', division: 'cyber', opened: 3, decided: 2, met: 1, resolved: 0 },
      { g_division: 0, day: '2026-03-01', division: null, opened: 1, decided: 0, met: 0, resolved: 2 },
      // The police row (only a decided SLA) is dropped, but its count stays in the day's total.
      { g_division: 1, day: '2026-03-01', division: null, opened: 4, decided: 3, met: 1, resolved: 2 },
    ])
  })

  it('read medians and p90s from a histogram as percentile_cont reads the values its buckets stand for', () => {
    // Values 0 s, b3, b3, b10, b20 (bucket values): the median is the third, the p90 0.6 of the way from b10 to b20.
    const h = new Map([
      [20, 1],
      [3, 2],
      [0, 1],
      [10, 1],
      [7, 0],
    ])
    expect(histogramPercentile(h, 0.5)).toBeCloseTo(bucketValue(3), 9)
    expect(histogramPercentile(h, 0.9)).toBeCloseTo(bucketValue(10) + 0.6 * (bucketValue(20) - bucketValue(10)), 9)
    expect(histogramPercentile(new Map([[5, 1]]), 0.9)).toBeCloseTo(bucketValue(5), 9)
    // Buckets whose counts went back to 0 are no values.
    expect(histogramPercentile(new Map([[4, 0]]), 0.5)).toBeNull()
  })

  it('give the facts’ figures for every range, filter and scope on random grievances', async () => {
    const all = await expectSameFigures(db, ADMIN, QUERIES[0]!)
    // The data set exercises what the figures are made of.
    expect(all.grievancesOpened).toBeGreaterThan(300)
    expect(all.slaDecided).toBeGreaterThan(100)
    expect(all.byOfficer.length).toBeGreaterThan(3)
    expect(all.resolutionMedianSeconds).not.toBeNull()
    for (const q of QUERIES) await expectSameFigures(db, ADMIN, q)
    for (const q of QUERIES.slice(0, 4)) await expectSameFigures(db, SUPERVISOR, q)
  })

  it('stay equal after forwards, reopenings, priority changes and resolutions', async () => {
    let moved = 0
    for (const id of ids) {
      if (rnd() > 0.4) continue
      await writeTransaction(db, async (tx) => {
        const before = (await loadGrievance(tx, id, true))!
        const at = new Date(Math.max(Date.parse(before.updatedAt) + 60_000, Date.parse(before.createdAt) + HOUR))
        const next = nextVersion(before, at)
        const change = pick(['forward', 'reopen', 'priority', 'resolve'] as const)
        if (change === 'forward') {
          const division = pick(DIVISIONS.filter((d) => d !== before.division))
          next.division = division
          next.assignee = division === null ? null : pick(OFFICERS[division]!)
        } else if (change === 'reopen' && ['resolved', 'closed'].includes(before.status)) {
          next.status = 'reopened'
        } else if (change === 'priority') {
          next.priority = before.priority === 'critical' ? 'low' : 'critical'
          next.slaDueAt = iso(Date.parse(before.createdAt) + pick([4, 24, 96]) * HOUR)
          if (next.sla) next.sla = { ...next.sla, resolutionDueAt: next.slaDueAt }
        } else if (!['resolved', 'closed', 'rejected'].includes(before.status)) {
          next.status = 'resolved'
        } else {
          next.assignee = before.assignee === null ? null : `${before.assignee}.relief`
        }
        await saveGrievance(tx, before, next)
        moved++
      })
    }
    expect(moved).toBeGreaterThan(100)
    for (const q of QUERIES) await expectSameFigures(db, ADMIN, q)
    const all = await expectSameFigures(db, ADMIN, QUERIES[0]!)
    expect(all.grievancesReopened).toBeGreaterThan(0)
  })

  it('kept in step by the saves hold what migrations 19 and 20 would backfill from the facts', async () => {
    const kept = await rollupRows(db)
    expect(MIGRATIONS.find((m) => m.version === 19)!.sql).toEqual(expect.arrayContaining([...ROLLUP_BACKFILL]))
    expect(MIGRATIONS.find((m) => m.version === 20)!.sql).toEqual([...COARSE_GRAIN_BACKFILL])
    const rebuilt = await db
      .transaction(async (tx) => {
        for (const t of ALL_ROLLUP_TABLES) await tx.query(`DELETE FROM ${t}`)
        for (const statement of [...ROLLUP_BACKFILL, ...COARSE_GRAIN_BACKFILL]) await tx.query(statement)
        throw Object.assign(new Error('roll back'), { rows: await rollupRows(tx) })
      })
      .catch((e: { rows?: unknown }) => e.rows)
    expect(kept['report_rollup']!.length).toBeGreaterThan(100)
    // The saves kept quarters and years too (2025's and 2026's).
    const grains = new Set((kept['report_rollup'] as { grain: string }[]).map((r) => r.grain))
    expect([...grains].sort()).toEqual(['d', 'm', 'q', 'w', 'y'])
    expect(rebuilt).toEqual(kept)
  })
})
