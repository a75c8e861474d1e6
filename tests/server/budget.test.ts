// GET /api/v1/supervisor/budget against the simulator: reads counted as ingestion reads them,
// the acknowledgement counted as a plain post and an officer's reply with a link as a URL
// post, in money at the org's prices, with the projection and the cost per grievance;
// supervisors and admins only.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import { DEFAULT_ORG_FILE, type RunningServer } from '../../src/server/index'
import { costOf, type BudgetReport } from '../../src/shared/budget'
import type { Grievance } from '../../src/shared/grievance'
import { OrgConfig } from '../../src/shared/org'
import { ApiClient, freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'

const PRICES = { postRead: 0.004, postCreated: 0.015, postWithUrl: 0.2 }
const TICKET_TEXT = '@HMOIndia my passport verification is pending for 3 months, please help'

let sim: Simulator
let db: TestDatabase
let server: RunningServer

beforeAll(async () => {
  sim = await startSimulator({ port: 0, scenario: false })
  db = await freshDatabase()
  const org = OrgConfig.parse({
    ...(JSON.parse(readFileSync(DEFAULT_ORG_FILE, 'utf-8')) as object),
    budget: { monthlyBudget: 0.25, prices: PRICES },
  })
  server = await startTestServer(db, { org, model: null, xApiBase: sim.url, acknowledge: true, replyBackoffMs: 0 })
})
afterAll(async () => {
  await server?.close()
  await sim?.close()
  await db?.drop()
})

async function report(client: ApiClient): Promise<BudgetReport> {
  const res = await client.request('GET', '/api/v1/supervisor/budget')
  expect(res.status).toBe(200)
  return res.body as BudgetReport
}

async function grievanceOf(client: ApiClient, tweetId: string): Promise<Grievance> {
  const res = await client.changes(0, 500)
  const found = res.changes.flatMap((c) =>
    c.kind === 'upsert' && c.grievance.source.tweetId === tweetId ? [c.grievance] : [],
  )
  return found.at(-1)!
}

describe('who may see the budget', () => {
  it('answers 401 without a session and 403 to an officer', async () => {
    expect((await new ApiClient(server.url).request('GET', '/api/v1/supervisor/budget')).status).toBe(401)
    const officer = await loggedIn(server, 'officer.cyber')
    const refused = await officer.request('GET', '/api/v1/supervisor/budget')
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ error: 'forbidden' })
  })

  it('shows supervisors and admins the same figures; only admins may change them', async () => {
    const [a, b] = await Promise.all([
      report(await loggedIn(server, 'supervisor')),
      report(await loggedIn(server, 'admin')),
    ])
    expect({ ...a, editable: true }).toEqual(b)
    expect(a.editable).toBe(false)
    expect(b.editable).toBe(true)
    expect(a).toMatchObject({ currency: 'USD', prices: PRICES, monthlyBudget: 0.25 })
    expect(a.ingestion.priority).toEqual(['mentions', 'follow-ups', 'stream', 'search'])
  })
})

describe('changing the budget', () => {
  it('saves through the configuration API and the report follows at once', async () => {
    const admin = await loggedIn(server, 'admin')
    const before = await report(admin)
    const put = (section: string, value: unknown, baseVersion: number) =>
      admin.request('PUT', `/api/v1/admin/config/sections/${section}`, { baseVersion, value, comment: 'budget test' })
    const saved = await put('budget', { monthlyBudget: 0.3, prices: PRICES }, before.configVersion)
    expect(saved.status).toBe(200)
    const after = await report(admin)
    expect(after.monthlyBudget).toBe(0.3)
    expect(after.configVersion).toBeGreaterThan(before.configVersion)
    // A price past the limit is refused with a reason, not stored.
    const refused = await put('budget', { prices: { postWithUrl: 200 } }, after.configVersion)
    expect(refused.status).toBe(400)
    // So is an acknowledgement that would carry a link.
    const ack = await put(
      'acknowledge',
      { enabled: true, en: '@{name} Registered as {ticket}; track it at mha.gov.in/track', hi: '{ticket} दर्ज' },
      after.configVersion,
    )
    expect(ack.status).toBe(400)
    expect(JSON.stringify(ack.body)).toMatch(/link|URL/i)
    // Back to the figures the spend test expects.
    expect((await put('budget', { monthlyBudget: 0.25, prices: PRICES }, after.configVersion)).status).toBe(200)
    expect((await report(admin)).monthlyBudget).toBe(0.25)
  })
})

describe('spend this month', () => {
  it('counts reads, the acknowledgement and a reply with a link at their prices', async () => {
    const supervisor = await loggedIn(server, 'supervisor')
    const before = await report(supervisor)
    expect(before.spent.counts).toMatchObject({ posts: 0, urlPosts: 0 })
    expect(before.perGrievance).toEqual({ grievances: 0, cost: null })

    const tweet = sim.injectTweet({ author: 'asha_p', text: TICKET_TEXT })
    expect(await server.ingestNow()).toBe(1)
    await server.postRepliesNow()
    const afterAck = await report(supervisor)
    expect(afterAck.spent.counts.reads).toBeGreaterThan(before.spent.counts.reads)
    expect(afterAck.spent.counts).toMatchObject({ posts: 1, urlPosts: 0 })

    const g = await grievanceOf(supervisor, tweet.id)
    const officer = await loggedIn(server, g.assignee!)
    const sent = await officer.act(g.id, g.version, {
      type: 'reply',
      text: `@asha_p ${g.ticket}: the form is at https://passportindia.gov.in/verify`,
    })
    expect(sent.status).toBe('applied')
    await server.postRepliesNow()
    await server.postRepliesNow() // Nothing more to post: counted once.

    const now = await report(supervisor)
    expect(now.spent.counts).toMatchObject({ posts: 1, urlPosts: 1 })
    const counts = now.spent.counts
    expect(now.spent.reads).toBe(costOf({ reads: counts.reads, posts: 0, urlPosts: 0 }, PRICES))
    expect(now.spent.posts).toBe(0.015)
    expect(now.spent.urlPosts).toBe(0.2)
    expect(now.spent.total).toBe(costOf(counts, PRICES))
    expect(now.perGrievance).toEqual({ grievances: 1, cost: now.spent.total })
    // All of it happened today: the projection carries it on, past the $0.25 budget.
    expect(now.projection.monthEnd).toBeGreaterThanOrEqual(now.spent.total)
    expect(now.projection.dailyRate).toBeGreaterThan(0)
    expect(now.projection.overBudget).toBe(now.projection.monthEnd > 0.25)
  })
})
