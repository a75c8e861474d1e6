// Rate limits, fault injection and the /_sim control routes.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import { asUser, call } from './helpers'

let sim: Simulator
let clock = Date.UTC(2026, 2, 1, 10, 0, 0)

beforeAll(async () => {
  sim = await startSimulator({ now: () => clock, rateLimits: { 'GET /2/users/me': 3 } })
})
afterAll(() => sim.close())
afterEach(async () => {
  await call(sim.url, 'POST', '/_sim/faults', { body: {} })
})

describe('rate limits', () => {
  it('reports x-rate-limit-* per token and endpoint, then answers 429 until the window resets', async () => {
    const me = () => call(sim.url, 'GET', '/2/users/me', { auth: asUser('limited') })
    const first = await me()
    expect(first.headers.get('x-rate-limit-limit')).toBe('3')
    expect(first.headers.get('x-rate-limit-remaining')).toBe('2')
    expect(Number(first.headers.get('x-rate-limit-reset'))).toBe(Math.ceil((clock + 15 * 60_000) / 1000))
    await me()
    await me()
    const blocked = await me()
    expect(blocked.status).toBe(429)
    expect(blocked.body).toMatchObject({ title: 'Too Many Requests', status: 429 })
    expect(blocked.headers.get('x-rate-limit-remaining')).toBe('0')
    // Another token has its own window.
    expect((await call(sim.url, 'GET', '/2/users/me', { auth: asUser('other') })).status).toBe(200)
    clock += 15 * 60_000
    expect((await me()).status).toBe(200)
  })

  it('every /2 answer carries the headers, errors included', async () => {
    const notFound = await call(sim.url, 'GET', '/2/tweets/123')
    expect(notFound.headers.get('x-rate-limit-limit')).toBe('300')
    const noAuth = await call(sim.url, 'GET', '/2/tweets/123', { auth: null })
    expect(noAuth.status).toBe(401)
    expect(noAuth.headers.get('x-rate-limit-remaining')).not.toBeNull()
  })
})

describe('faults', () => {
  it('are validated, reported and cleared by {}', async () => {
    expect((await call(sim.url, 'POST', '/_sim/faults', { body: { rate429: 2 } })).status).toBe(400)
    expect((await call(sim.url, 'POST', '/_sim/faults', { body: { explode: true } })).status).toBe(400)
    const set = await call(sim.url, 'POST', '/_sim/faults', { body: { rate503: 0.5, latencyMs: 5 } })
    expect(set.body).toMatchObject({ rate503: 0.5, latencyMs: 5, rate429: 0 })
    expect((await call(sim.url, 'GET', '/_sim/faults')).body).toMatchObject({ rate503: 0.5 })
    await call(sim.url, 'POST', '/_sim/faults', { body: {} })
    expect((await call(sim.url, 'GET', '/_sim/faults')).body).toMatchObject({
      rate503: 0,
      latencyMs: 0,
      duplicateRate: 0,
    })
  })

  it('rate429 and rate503 answer every request when set to 1, and nothing when off', async () => {
    await call(sim.url, 'POST', '/_sim/faults', { body: { rate503: 1 } })
    const down = await call(sim.url, 'GET', '/2/users/by/username/HMOIndia')
    expect(down.status).toBe(503)
    expect(down.body).toMatchObject({ title: 'Service Unavailable' })
    await call(sim.url, 'POST', '/_sim/faults', { body: { rate429: 1 } })
    const limited = await call(sim.url, 'GET', '/2/users/by/username/HMOIndia')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0')
    await call(sim.url, 'POST', '/_sim/faults', { body: {} })
    expect((await call(sim.url, 'GET', '/2/users/by/username/HMOIndia')).status).toBe(200)
    const stats = await call<{ injected503: number; injected429: number }>(sim.url, 'GET', '/_sim/stats')
    expect(stats.body.injected503).toBeGreaterThanOrEqual(1)
    expect(stats.body.injected429).toBeGreaterThanOrEqual(1)
  })

  it('latencyMs delays answers', async () => {
    await call(sim.url, 'POST', '/_sim/faults', { body: { latencyMs: 150 } })
    const t0 = performance.now()
    await call(sim.url, 'GET', '/2/users/by/username/HMOIndia')
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140)
  })

  it('timeoutAfterPostRate stores the tweet but never answers', async () => {
    await call(sim.url, 'POST', '/_sim/faults', { body: { timeoutAfterPostRate: 1, timeoutDelayMs: 50 } })
    const text = 'Reply that X accepted but the client never heard about'
    await expect(
      call(sim.url, 'POST', '/2/tweets', { auth: asUser('MHA_Grievance'), body: { text } }),
    ).rejects.toThrow()
    expect(sim.tweetsBy('MHA_Grievance').map((t) => t.text)).toEqual([text])
    await call(sim.url, 'POST', '/_sim/faults', { body: {} })
    // A retry of the same text is now refused as a duplicate: the client must reconcile.
    const retry = await call(sim.url, 'POST', '/2/tweets', { auth: asUser('MHA_Grievance'), body: { text } })
    expect(retry.status).toBe(403)
  })

  it('duplicateRate repeats a tweet in pages and outOfOrder shuffles them', async () => {
    const user = sim.store.ensureUser('dup_target')
    for (let i = 0; i < 10; i++) sim.injectTweet({ author: 'dupper', text: `@dup_target number ${i}` })
    await call(sim.url, 'POST', '/_sim/faults', { body: { duplicateRate: 1 } })
    const dup = await call<{ data: Array<{ id: string }> }>(
      sim.url,
      'GET',
      `/2/users/${user.id}/mentions?max_results=10`,
    )
    expect(dup.body.data).toHaveLength(11)
    expect(new Set(dup.body.data.map((t) => t.id)).size).toBe(10)
    await call(sim.url, 'POST', '/_sim/faults', { body: { outOfOrder: 1 } })
    const shuffled = await call<{ data: Array<{ id: string }> }>(
      sim.url,
      'GET',
      `/2/users/${user.id}/mentions?max_results=10`,
    )
    const ids = shuffled.body.data.map((t) => t.id)
    const newestFirst = [...new Set(dup.body.data.map((t) => t.id))].sort().reverse()
    expect([...ids].sort().reverse()).toEqual(newestFirst)
    expect(ids).not.toEqual(newestFirst)
  })
})

describe('usage cap', () => {
  it('counts posts read and answers 429 UsageCapExceeded once the project cap is used up', async () => {
    const capped = await startSimulator({ projectCap: 3 })
    try {
      const ids = [1, 2, 3].map((i) => capped.injectTweet({ author: 'reader', text: `post ${i}` }).id)
      const read = await call(capped.url, 'GET', `/2/tweets?ids=${ids.join(',')}`)
      expect(read.status).toBe(200)
      const usage = await call<{ data: { project_usage: string; project_cap: string } }>(
        capped.url,
        'GET',
        '/2/usage/tweets',
      )
      expect(usage.body.data).toMatchObject({ project_usage: '3', project_cap: '3' })
      const over = await call(capped.url, 'GET', `/2/tweets/${ids[0]}`)
      expect(over.status).toBe(429)
      expect(over.body).toMatchObject({ title: 'UsageCapExceeded' })
      // Writes are not capped.
      expect(
        (await call(capped.url, 'POST', '/2/tweets', { auth: asUser('HMOIndia'), body: { text: 'still posting' } }))
          .status,
      ).toBe(201)
    } finally {
      await capped.close()
    }
  })
})

describe('control routes', () => {
  it('POST /_sim/tweets creates users and tweets; GET lists them oldest first', async () => {
    const a = await call<{ id: string }>(sim.url, 'POST', '/_sim/tweets', {
      body: { author: 'fresh_citizen', text: '@HMOIndia first' },
    })
    expect(a.status).toBe(201)
    const b = await call<{ id: string }>(sim.url, 'POST', '/_sim/tweets', {
      body: { author: 'fresh_citizen', text: 'second', in_reply_to_tweet_id: a.body.id },
    })
    const listed = await call<Array<Record<string, unknown>>>(sim.url, 'GET', '/_sim/tweets?author=fresh_citizen')
    expect(listed.body.map((t) => t.id)).toEqual([a.body.id, b.body.id])
    expect(listed.body[1]).toMatchObject({
      author: 'fresh_citizen',
      in_reply_to_tweet_id: a.body.id,
      conversation_id: a.body.id,
      author_id: expect.any(String),
      created_at: expect.any(String),
    })
    expect((await call(sim.url, 'POST', '/_sim/tweets', { body: { author: 'bad name!', text: 'x' } })).status).toBe(400)
    expect(
      (await call(sim.url, 'POST', '/_sim/tweets', { body: { author: 'ok', text: 'x', in_reply_to_tweet_id: '1' } }))
        .status,
    ).toBe(400)
  })

  it('scenario on/off, stats and reset', async () => {
    expect((await call(sim.url, 'POST', '/_sim/scenario', { body: { tweetsPerMinute: -1 } })).status).toBe(400)
    const on = await call(sim.url, 'POST', '/_sim/scenario', { body: { tweetsPerMinute: 6000 } })
    expect(on.body).toMatchObject({ tweetsPerMinute: 6000 })
    await new Promise((r) => setTimeout(r, 300))
    await call(sim.url, 'POST', '/_sim/scenario', { body: { tweetsPerMinute: 0 } })
    const stats = await call<{ scenario: { generated: number; tweetsPerMinute: number }; tweets: number }>(
      sim.url,
      'GET',
      '/_sim/stats',
    )
    expect(stats.body.scenario.generated).toBeGreaterThan(0)
    expect(stats.body.scenario.tweetsPerMinute).toBe(0)
    await call(sim.url, 'POST', '/_sim/reset')
    const after = await call<{ tweets: number; users: number }>(sim.url, 'GET', '/_sim/stats')
    expect(after.body.tweets).toBe(0)
    expect(after.body.users).toBe(5)
    expect((await call(sim.url, 'GET', '/_sim/nope')).status).toBe(404)
  })
})
