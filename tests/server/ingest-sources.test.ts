// Polling sources against the X simulator: mentions, keyword search, follow-ups and
// deletion checks; one grievance per tweet however many sources and repeats see it;
// 429 honoured until the reset, 5xx backed off; the budget governor pausing search
// before mentions; and the admin endpoint that shows it all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import type { RunningServer } from '../../src/server/index'
import { IngestionStatus } from '../../src/shared/protocol'
import { freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'
import { grievanceOf, grievances, orgWith, sleep } from './ingest-helpers'

let sim: Simulator
let db: TestDatabase
let server: RunningServer

const RATE_WINDOW_MS = 3_000

beforeAll(async () => {
  // A short rate-limit window, so "wait until the reset" takes a second, not 15 minutes.
  sim = await startSimulator({ port: 0, scenario: false, rateLimitWindowMs: RATE_WINDOW_MS })
  db = await freshDatabase()
  server = await startTestServer(db, {
    xApiBase: sim.url,
    org: orgWith({
      sources: { mentions: true, search: true, followUps: true, stream: false },
      budget: { monthlyPostsCap: 100_000 },
    }),
    ingestion: { backoff: { baseMs: 1_000, capMs: 2_000 }, tuning: { deletionCheckIntervalMs: 0 } },
    replyBackoffMs: 0,
  })
})
afterAll(async () => {
  await server?.close()
  await sim?.close()
  await db?.drop()
})

/** Runs passes until one creates grievances (or time runs out): robust on a loaded machine. */
async function ingestUntilCreated(pass: () => Promise<number>, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const created = await pass()
    if (created > 0 || Date.now() > deadline) return created
    await sleep(100)
  }
}

describe('sources', () => {
  it('finds keyword complaints by search, and makes one grievance of a tweet seen by mentions, search and repeats', async () => {
    const keywordOnly = sim.injectTweet({
      author: 'ramesh_k',
      text: 'My e-visa application is pending for 3 weeks, nobody answers, please help',
    })
    const both = sim.injectTweet({
      author: 'leela_m',
      text: '@HMOIndia I lost 20000 in a UPI fraud yesterday, please help',
    })
    const ours = sim.injectTweet({
      author: 'HMOIndia',
      text: 'Citizens facing visa delays may write to us, please help us help you',
    })
    sim.context.faults.duplicateRate = 1
    const created = await Promise.all([server.ingestNow(), server.ingestNow()])
    sim.context.faults.duplicateRate = 0
    expect(created[0] + created[1]).toBe(2)
    expect(await server.ingestNow()).toBe(0)

    const list = await grievances(server)
    expect(list.filter((g) => g.source.tweetId === both.id)).toHaveLength(1)
    expect(await grievanceOf(server, both.id)).toMatchObject({
      source: { via: { kind: 'mention', handle: 'HMOIndia' } },
    })
    expect(await grievanceOf(server, keywordOnly.id)).toMatchObject({
      division: 'foreigners',
      source: { via: { kind: 'search', rule: 'visa' } },
    })
    expect(await grievanceOf(server, ours.id)).toBeUndefined()
    const [seen] = await server.db.query<{ times_seen: number; first_source: string }>(
      'SELECT times_seen, first_source FROM seen_tweets WHERE tweet_id = $1',
      [both.id],
    )
    expect(seen).toMatchObject({ first_source: 'mentions' })
    expect(seen!.times_seen).toBeGreaterThan(1)
  })

  it('ingests out-of-order pages oldest first: the thread starter is the grievance, the later tweet joins it', async () => {
    const first = sim.injectTweet({
      author: 'anil_t',
      text: '@HMOIndia my OCI card application is stuck for two months, please help',
    })
    const second = sim.injectTweet({
      author: 'anil_t',
      text: '@HMOIndia adding: the file number is OCI 2025 0042 and it still shows pending',
      in_reply_to_tweet_id: first.id,
    })
    sim.context.faults.outOfOrder = 1
    await server.ingestNow()
    sim.context.faults.outOfOrder = 0
    const g = await grievanceOf(server, first.id)
    expect(g?.thread.filter((e) => e.kind === 'citizen').map((e) => e.tweetId)).toEqual([first.id, second.id])
    expect(await grievanceOf(server, second.id)).toBeUndefined()
  })

  it('joins a follow-up that does not mention us, and reopens the resolved grievance', async () => {
    const start = sim.injectTweet({
      author: 'divya_p',
      text: '@HMOIndia police verification for my passport is pending since two months',
    })
    await server.ingestNow()
    const officer = await loggedIn(server, 'officer.police')
    const g = (await grievanceOf(server, start.id))!
    expect((await officer.act(g.id, g.version, { type: 'resolve', note: 'done' })).status).toBe('applied')

    const later = sim.injectTweet({
      author: 'divya_p',
      text: 'still nothing has happened, any update?',
      in_reply_to_tweet_id: start.id,
    })
    expect(await server.ingestNow()).toBe(0)
    const after = (await grievanceOf(server, start.id))!
    expect(after.status).toBe('reopened')
    expect(after.thread.filter((e) => e.kind === 'citizen').map((e) => e.tweetId)).toEqual([start.id, later.id])
    // Somebody else's reply in the conversation is not the citizen's follow-up, and is not judged by this source.
    const stranger = sim.injectTweet({
      author: 'some_one',
      text: 'same here, no update',
      in_reply_to_tweet_id: start.id,
    })
    await server.ingestNow()
    expect((await grievanceOf(server, start.id))!.thread.some((e) => e.tweetId === stranger.id)).toBe(false)
    expect(await server.db.query('SELECT 1 FROM seen_tweets WHERE tweet_id = $1', [stranger.id])).toHaveLength(0)
  })

  it('reopens work of an officer who is no longer available into the division queue, not to them', async () => {
    const start = sim.injectTweet({
      author: 'kavya_s',
      text: '@HMOIndia police are not registering my FIR for a stolen bike, please help',
    })
    await server.ingestNow()
    const officer = await loggedIn(server, 'officer.police')
    const g = (await grievanceOf(server, start.id))!
    expect(g.assignee).toBe('officer.police')
    expect((await officer.act(g.id, g.version, { type: 'resolve', note: 'registered' })).status).toBe('applied')
    // The only police officer goes off duty; the citizen writes again.
    await server.db.query(`UPDATE users SET available = false WHERE username = 'officer.police'`)
    try {
      sim.injectTweet({ author: 'kavya_s', text: 'no, nothing registered yet', in_reply_to_tweet_id: start.id })
      await server.ingestNow()
      const after = (await grievanceOf(server, start.id))!
      expect(after).toMatchObject({ status: 'reopened', assignee: null, division: 'police' })
    } finally {
      await server.db.query(`UPDATE users SET available = true WHERE username = 'officer.police'`)
    }
  })

  it('marks a deleted tweet on its grievance instead of losing the grievance', async () => {
    const tweet = sim.injectTweet({
      author: 'gopal_r',
      text: '@CyberDost I was scammed by a fake call, lost 5000, please help',
    })
    await server.ingestNow()
    expect(sim.store.deleteTweet(tweet.id)).toBe(true)
    await server.ingestNow()
    const g = (await grievanceOf(server, tweet.id))!
    expect(g.source).toMatchObject({ deleted: true, text: tweet.text })
    expect(g.thread.at(-1)).toMatchObject({
      kind: 'system',
      text: expect.stringContaining('deleted the original tweet'),
    })
    const version = g.version
    await server.ingestNow()
    expect((await grievanceOf(server, tweet.id))!.version).toBe(version)
  })
})

describe('replies', () => {
  it('posts each reply once when X stores posts but the answers time out, and our replies never come back as grievances', async () => {
    const tweets = [
      sim.injectTweet({
        author: 'kiran_a',
        text: '@HMOIndia my e-visa payment failed but money was deducted, please help',
      }),
      sim.injectTweet({ author: 'lata_s', text: '@CyberDost I lost 8000 in a UPI fraud today, please help' }),
      sim.injectTweet({
        author: 'manoj_d',
        text: '@NDMA_India we are stranded by the flood in our village, please send rescue',
      }),
    ]
    await server.ingestNow()
    const supervisor = await loggedIn(server, 'supervisor')
    for (const [i, t] of tweets.entries()) {
      const g = (await grievanceOf(server, t.id))!
      const result = await supervisor.act(g.id, g.version, {
        type: 'reply',
        text: `We have noted your complaint, case ${i}.`,
      })
      expect(result.status).toBe('applied')
    }
    Object.assign(sim.context.faults, { timeoutAfterPostRate: 1, timeoutDelayMs: 50 })
    expect(await server.postRepliesNow()).toBe(0)
    sim.context.faults.timeoutAfterPostRate = 0
    expect(await server.postRepliesNow()).toBe(3)
    await server.postRepliesNow()
    for (const [i, t] of tweets.entries()) {
      const posted = sim
        .tweetsBy('HMOIndia')
        .filter((p) => p.text.startsWith(`We have noted your complaint, case ${i}.`))
      expect(posted).toHaveLength(1)
      expect(posted[0]!.inReplyToTweetId).toBe(t.id)
      expect((await grievanceOf(server, t.id))!.thread.at(-1)!.post).toMatchObject({ state: 'posted' })
    }
    const before = (await grievances(server)).length
    expect(await server.ingestNow()).toBe(0)
    expect(await grievances(server)).toHaveLength(before)
    expect((await grievances(server)).some((g) => g.source.authorUsername === 'HMOIndia')).toBe(false)
  })
})

describe('rate limits and faults', () => {
  it('honours a 429 until the reset, then catches up without loss', async () => {
    // A fresh rate-limit window starts with this request, so its reset is a whole window
    // (3 s) away — long enough to observe the pause even on a loaded machine.
    sim.context.limiter.reset()
    sim.context.faults.rate429 = 1
    expect(await server.ingestNow()).toBe(0)
    sim.context.faults.rate429 = 0
    const waiting = sim.injectTweet({
      author: 'sunil_b',
      text: '@NDMA_India we are stranded by the flood near the school, please send rescue',
    })
    const mentions = (await server.ingestion!.status()).sources.find((s) => s.name === 'mentions')!
    expect(mentions).toMatchObject({ paused: true, reason: expect.stringContaining('rate limited until') })
    const until = Date.parse(/until (\S+)/.exec(mentions.reason!)![1]!)
    // The reset X gave is in whole seconds of a window that may have started a while ago.
    if (Date.now() < until - 200) {
      const before = sim.context.stats.requests
      expect(await server.ingestNow()).toBe(0)
      expect(sim.context.stats.requests).toBe(before) // nothing sent before the reset
    }
    await sleep(Math.max(0, until - Date.now()) + 50)
    // The reset is in whole seconds: poll a little past it rather than trusting one tick.
    expect(await ingestUntilCreated(() => server.ingestNow(), 10_000)).toBe(1)
    expect(await grievanceOf(server, waiting.id)).toBeDefined()
  })

  it('backs off after a 503, growing and capped, and resumes when X recovers', async () => {
    const supervisor = server.ingestion!
    sim.context.faults.rate503 = 1
    await supervisor.runDue()
    sim.context.faults.rate503 = 0
    const tweet = sim.injectTweet({
      author: 'farida_z',
      text: '@HMOIndia my visa extension is pending for weeks, please help',
    })
    // The first retry waits 500–1000 ms (base 1 s, half of it jitter): nothing is read yet.
    expect(await supervisor.runDue()).toBe(0)
    const mentions = (await supervisor.status()).sources.find((s) => s.name === 'mentions')!
    expect(mentions).toMatchObject({
      paused: true,
      reason: expect.stringContaining('backing off after 1 failure'),
      lastError: expect.stringContaining('503'),
    })
    expect(await ingestUntilCreated(() => supervisor.runDue(), 10_000)).toBe(1)
    expect(await grievanceOf(server, tweet.id)).toBeDefined()
    expect((await supervisor.status()).sources.find((s) => s.name === 'mentions')).toMatchObject({ paused: false })
  })
})

describe('budget and admin endpoint', () => {
  it('pauses search when the budget runs low while mentions go on, and shows it to supervisors and admins only', async () => {
    const status0 = await server.ingestion!.status()
    // Spend the budget down to 10% left: search (below 20%) pauses, follow-ups (5%) and mentions go on.
    const used = status0.budget.used
    const period = new Date().toISOString().slice(0, 7)
    await server.db.query(
      `INSERT INTO ingest_usage (period, source, posts) VALUES ($1, 'search', $2)
       ON CONFLICT (period, source) DO UPDATE SET posts = ingest_usage.posts + EXCLUDED.posts`,
      [period, 90_000 - used],
    )
    const mention = sim.injectTweet({
      author: 'harsh_v',
      text: '@HMOIndia my e-visa was rejected without reason, please help',
    })
    const keyword = sim.injectTweet({
      author: 'isha_n',
      text: 'My e-visa status shows pending for a month, please help',
    })
    const searchesBefore = await server.db.query<{ posts: number }>(
      `SELECT posts FROM ingest_usage WHERE period = $1 AND source = 'search'`,
      [period],
    )
    expect(await server.ingestNow()).toBe(1)
    expect(await grievanceOf(server, mention.id)).toBeDefined()
    expect(await grievanceOf(server, keyword.id)).toBeUndefined()
    const searchesAfter = await server.db.query<{ posts: number }>(
      `SELECT posts FROM ingest_usage WHERE period = $1 AND source = 'search'`,
      [period],
    )
    expect(searchesAfter).toEqual(searchesBefore)

    // A tweet the database refused even on its own is shown to supervisors (set-aside.ts).
    await server.db.query(
      `INSERT INTO set_aside_tweets (tweet_id, source, author_username, text, error)
       VALUES ('4200', 'mentions', 'asha', '@HMOIndia help', 'ingest failed: row is too big')`,
    )
    const supervisor = await loggedIn(server, 'supervisor')
    const res = await supervisor.request('GET', '/api/v1/supervisor/ingestion')
    expect(res.status).toBe(200)
    const status = IngestionStatus.parse(res.body)
    expect(status.setAside).toMatchObject({
      count: 1,
      recent: [{ tweetId: '4200', authorUsername: 'asha', error: 'ingest failed: row is too big' }],
    })
    expect(status.budget).toMatchObject({
      cap: 100_000,
      resetsAt: expect.any(String),
      xReported: { projectCap: 10_000_000 },
    })
    expect(status.budget.remaining).toBeLessThanOrEqual(10_000)
    expect(status.sources.map((s) => s.name)).toEqual(['mentions', 'follow-ups', 'stream', 'search'])
    expect(status.sources.find((s) => s.name === 'search')).toMatchObject({
      enabled: true,
      paused: true,
      reason: expect.stringContaining('search pauses below 20%'),
    })
    expect(status.sources.find((s) => s.name === 'mentions')).toMatchObject({
      enabled: true,
      paused: false,
      lastRunAt: expect.any(String),
      cursor: expect.stringContaining('@HMOIndia>'),
    })
    expect(status.sources.find((s) => s.name === 'stream')).toMatchObject({ enabled: false, paused: false })

    expect((await (await loggedIn(server, 'admin')).request('GET', '/api/v1/admin/ingestion')).status).toBe(200)
    const officer = await loggedIn(server, 'officer.cyber')
    expect(await officer.request('GET', '/api/v1/supervisor/ingestion')).toMatchObject({
      status: 403,
      body: { error: 'forbidden' },
    })
  })
})
