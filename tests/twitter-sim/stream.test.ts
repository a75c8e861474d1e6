// The filtered stream: delivery with matching_rules, keep-alives, one connection at a
// time, drops and duplicates.

import http from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import { APP, asUser, call } from './helpers'

interface StreamClient {
  status: number
  raw: () => string
  events: () => Array<{
    data: { id: string; text: string; author_id?: string }
    includes?: { users: unknown[] }
    matching_rules: Array<{ id: string; tag?: string }>
  }>
  ended: Promise<void>
  close: () => void
}

function connect(base: string, path = '/2/tweets/search/stream', auth = APP): Promise<StreamClient> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { headers: { authorization: auth } }, (res) => {
      let raw = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (raw += chunk))
      const ended = new Promise<void>((done) => res.on('close', () => done()))
      resolve({
        status: res.statusCode ?? 0,
        raw: () => raw,
        events: () =>
          raw
            .split('\r\n')
            .filter((l) => l.trim().length > 0)
            .map((l) => JSON.parse(l) as ReturnType<StreamClient['events']>[number]),
        ended,
        close: () => req.destroy(),
      })
    })
    req.on('error', reject)
  })
}

const waitFor = async (check: () => boolean, ms = 3000): Promise<void> => {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

let sim: Simulator
let open: StreamClient | undefined

beforeAll(async () => {
  sim = await startSimulator({ keepAliveMs: 100 })
  const rules = await call(sim.url, 'POST', '/2/tweets/search/stream/rules', {
    body: {
      add: [
        { value: '@HMOIndia -is:retweet', tag: 'hmo' },
        { value: 'passport OR पासपोर्ट', tag: 'passport' },
      ],
    },
  })
  expect(rules.status).toBe(201)
})
afterEach(async () => {
  open?.close()
  open = undefined
  // The simulator frees the single stream slot when it sees the socket close.
  await waitFor(() => !sim.context.stream.connected)
})
afterAll(() => sim.close())

describe('filtered stream', () => {
  it('delivers matching tweets with matching_rules and expansions, skipping others', async () => {
    open = await connect(sim.url, '/2/tweets/search/stream?tweet.fields=author_id,created_at&expansions=author_id')
    expect(open.status).toBe(200)
    const hit = sim.injectTweet({ author: 'citizen_a', text: '@HMOIndia my passport is stuck' })
    sim.injectTweet({ author: 'citizen_b', text: 'nothing to see here' })
    sim.injectTweet({ author: 'citizen_c', text: '', retweet_of: hit.id })
    const hindi = sim.injectTweet({ author: 'citizen_d', text: 'मेरा पासपोर्ट अटका है' })
    await waitFor(() => open!.events().length >= 3)
    const events = open.events()
    expect(events.map((e) => e.data.id)).toEqual([hit.id, events[1]!.data.id, hindi.id])
    expect(events[0]!.matching_rules.map((r) => r.tag).sort()).toEqual(['hmo', 'passport'])
    expect(events[0]!.data.author_id).toBe(hit.authorId)
    expect(events[0]!.includes!.users).toHaveLength(1)
    // The retweet matches "passport" only (the handle rule excludes retweets).
    expect(events[1]!.matching_rules.map((r) => r.tag)).toEqual(['passport'])
  })

  it('sends \\r\\n keep-alives', async () => {
    open = await connect(sim.url)
    await new Promise((r) => setTimeout(r, 350))
    expect(open.raw()).toMatch(/^(\r\n){2,}$/)
  })

  it('allows one connection at a time (429 TooManyConnections), and app-only auth', async () => {
    open = await connect(sim.url)
    const second = await call(sim.url, 'GET', '/2/tweets/search/stream')
    expect(second.status).toBe(429)
    expect(second.body).toMatchObject({ connection_issue: 'TooManyConnections' })
    const asUserCtx = await call(sim.url, 'GET', '/2/tweets/search/stream', { auth: asUser('HMOIndia') })
    expect(asUserCtx.status).toBe(403)
    open.close()
    await open.ended
    await waitFor(() => !sim.context.stream.connected)
    open = await connect(sim.url)
    expect(open.status).toBe(200)
  })

  it('dropStreamEvery closes the connection after N events; duplicateRate repeats events', async () => {
    await call(sim.url, 'POST', '/_sim/faults', { body: { dropStreamEvery: 2, duplicateRate: 1 } })
    open = await connect(sim.url)
    for (let i = 0; i < 3; i++) sim.injectTweet({ author: 'citizen_e', text: `@HMOIndia help ${i}` })
    await open.ended
    const ids = open.events().map((e) => e.data.id)
    expect(ids).toHaveLength(4)
    expect(new Set(ids).size).toBe(2)
    await call(sim.url, 'POST', '/_sim/faults', { body: {} })
    await waitFor(() => !sim.context.stream.connected)
  })

  it('outOfOrder shuffles bursts of events', async () => {
    await call(sim.url, 'POST', '/_sim/faults', { body: { outOfOrder: 1 } })
    open = await connect(sim.url)
    const ids = Array.from(
      { length: 6 },
      (_, i) => sim.injectTweet({ author: 'citizen_g', text: `@HMOIndia burst ${i}` }).id,
    )
    await waitFor(() => open!.events().length >= 6)
    const got = open.events().map((e) => e.data.id)
    expect([...got].sort()).toEqual([...ids].sort())
    expect(got).not.toEqual(ids)
    await call(sim.url, 'POST', '/_sim/faults', { body: {} })
  })

  it('backfill_minutes replays recent matching tweets on connect', async () => {
    const earlier = sim.injectTweet({ author: 'citizen_f', text: '@HMOIndia backfilled complaint' })
    open = await connect(sim.url, '/2/tweets/search/stream?backfill_minutes=2')
    await waitFor(() => open!.events().some((e) => e.data.id === earlier.id))
    expect((await call(sim.url, 'GET', '/2/tweets/search/stream?backfill_minutes=9')).status).toBe(400)
  })

  it('rules: validation, duplicates, dry_run, delete and delete_all', async () => {
    const invalid = await call<{ errors: unknown[]; meta: { summary: { invalid: number; created: number } } }>(
      sim.url,
      'POST',
      '/2/tweets/search/stream/rules',
      {
        body: { add: [{ value: 'visa' }, { value: '(broken' }] },
      },
    )
    expect(invalid.status).toBe(400)
    expect(invalid.body.meta.summary).toMatchObject({ created: 0, invalid: 1 })
    const dup = await call<{ errors: Array<{ title: string }> }>(sim.url, 'POST', '/2/tweets/search/stream/rules', {
      body: { add: [{ value: 'passport OR पासपोर्ट' }] },
    })
    expect(dup.body.errors[0]!.title).toBe('DuplicateRule')
    const dry = await call(sim.url, 'POST', '/2/tweets/search/stream/rules?dry_run=true', {
      body: { add: [{ value: 'oci card' }] },
    })
    expect(dry.status).toBe(200)
    const list = await call<{ data: Array<{ id: string; value: string }>; meta: { result_count: number } }>(
      sim.url,
      'GET',
      '/2/tweets/search/stream/rules',
    )
    expect(list.body.data.map((r) => r.value)).toEqual(['@HMOIndia -is:retweet', 'passport OR पासपोर्ट'])
    const del = await call<{ meta: { summary: { deleted: number; not_deleted: number } } }>(
      sim.url,
      'POST',
      '/2/tweets/search/stream/rules',
      {
        body: { delete: { ids: [list.body.data[0]!.id, '1'] } },
      },
    )
    expect(del.body.meta.summary).toEqual({ deleted: 1, not_deleted: 1 })
    await call(sim.url, 'POST', '/2/tweets/search/stream/rules?delete_all=true', { body: {} })
    const none = await call(sim.url, 'GET', '/2/tweets/search/stream/rules')
    expect(none.body).toMatchObject({ meta: { result_count: 0 } })
    expect(
      (await call(sim.url, 'POST', '/2/tweets/search/stream/rules', { body: { add: [], delete: { ids: [] } } })).status,
    ).toBe(400)
  })
})
