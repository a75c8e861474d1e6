// A person's reply goes before automatic acknowledgements, which never take the whole
// posting window: 300 actionable tweets arrive at once under a posting limit (30 posts a
// window in the simulator, like X's 200 per 15 minutes but smaller), then an officer
// replies, and the reply is on X within 60 s although hundreds of acknowledgements are
// still queued. A reply that has to wait for the next window shows its place and when it
// should be on X.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import type { RunningServer } from '../../src/server/index'
import type { Grievance } from '../../src/shared/grievance'
import { eventually, freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'

const TWEETS = 300
const POSTS_PER_WINDOW = 30
const WINDOW_MS = 120_000
const PRIMARY = 'HMOIndia'

let sim: Simulator
let db: TestDatabase
let server: RunningServer

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    scenario: false,
    rateLimits: { 'POST /2/tweets': POSTS_PER_WINDOW },
    rateLimitWindowMs: WINDOW_MS,
  })
  db = await freshDatabase()
  server = await startTestServer(db, {
    xApiBase: sim.url,
    acknowledge: true,
    pollIntervalMs: 200,
    instanceId: 'reply-priority',
  })
})

afterAll(async () => {
  await server?.close()
  await sim?.close()
  await db?.drop()
})

async function count(sql: string): Promise<number> {
  const [row] = await server.db.query<{ n: number }>(sql)
  return Number(row!.n)
}

async function grievances(): Promise<Grievance[]> {
  const rows = await server.db.query<{ doc: Grievance }>('SELECT doc FROM grievances ORDER BY created_at, id')
  return rows.map((r) => r.doc)
}

describe('reply priority under an acknowledgement backlog', () => {
  it('posts an officer reply within 60 s while hundreds of acknowledgements wait', async () => {
    for (let n = 0; n < TWEETS; n++)
      sim.injectTweet({
        author: `citizen_${n}`,
        text: `@CyberDost I lost ${1000 + n} rupees in a UPI fraud yesterday, please help`,
      })
    await eventually(async () => (await count('SELECT count(*)::int AS n FROM grievances')) >= TWEETS, 180_000)
    const backlog = await count(`SELECT count(*)::int AS n FROM reply_outbox WHERE automatic AND state <> 'posted'`)
    // The acknowledgements cannot all have gone out: the window holds 30 posts.
    expect(backlog).toBeGreaterThan(TWEETS - 2 * POSTS_PER_WINDOW)

    const supervisor = await loggedIn(server, 'supervisor')
    const target = (await grievances())[TWEETS - 1]!
    const text = `We have asked the cyber cell to call you today about the fraud (${target.ticket})`
    const askedAt = Date.now()
    const result = await supervisor.act(target.id, target.version, { type: 'reply', text })
    expect(result.status).toBe('applied')
    await eventually(async () => sim.tweetsBy(PRIMARY).some((t) => t.text === text), 60_000)
    const waitedMs = Date.now() - askedAt
    const stillQueued = await count(`SELECT count(*)::int AS n FROM reply_outbox WHERE automatic AND state <> 'posted'`)
    console.log(
      `[reply-priority] officer reply on X after ${(waitedMs / 1000).toFixed(1)} s with ${backlog} acknowledgements queued ` +
        `(${stillQueued} still queued; posting limit ${POSTS_PER_WINDOW} per ${WINDOW_MS / 1000} s)`,
    )
    // Acknowledgements stopped short of the window: people's share was still there.
    expect(stillQueued).toBeGreaterThan(0)
  }, 300_000)

  it('shows a waiting reply its place in the queue and an estimate', async () => {
    const supervisor = await loggedIn(server, 'supervisor')
    const targets = (await grievances()).slice(0, POSTS_PER_WINDOW + 10)
    for (const g of targets)
      expect(
        (await supervisor.act(g.id, g.version, { type: 'reply', text: `Update on your complaint ${g.ticket}` })).status,
      ).toBe('applied')
    // More replies than one window holds: the last ones wait for a later window and say so.
    const waiting = await eventually(async () => {
      for (const g of await grievances()) {
        const entry = g.thread.find(
          (e) => e.kind === 'reply' && e.text.startsWith('Update on') && e.post?.queuePosition,
        )
        if (entry?.post?.state === 'pending') return entry.post
      }
      return null
    }, 60_000)
    expect(waiting.queuePosition).toBeGreaterThanOrEqual(1)
    expect(Date.parse(waiting.estimatedAt!)).toBeGreaterThan(Date.now())
  }, 120_000)
})
