// The real client the server uses, twitter-api-v2, works against the simulator.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiResponseError, ETwitterStreamEvent, type TweetV2SingleStreamResult } from 'twitter-api-v2'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import { simulatorClient } from './x-client'

let sim: Simulator
const agents: Array<{ destroy(): void }> = []

beforeAll(async () => {
  sim = await startSimulator({ keepAliveMs: 200 })
})
afterAll(async () => {
  for (const agent of agents) agent.destroy()
  await sim.close()
})

function client(token: string) {
  const made = simulatorClient(sim.url, token)
  agents.push(made.agent)
  return made.client
}

describe('twitter-api-v2 against the simulator', () => {
  it('me, userMentionTimeline with pagination, search, and tweet replies', async () => {
    const officer = client('sim-user-HMOIndia')
    const me = await officer.v2.me()
    expect(me.data.username).toBe('HMOIndia')
    const full = await officer.v2.get('users/me', undefined, { fullResponse: true })
    expect(full.rateLimit).toMatchObject({ limit: 75, remaining: 73 })

    const first = sim.injectTweet({ author: 'kavita_nair', text: '@HMOIndia my OCI card is delayed for 3 months' })
    for (let i = 0; i < 12; i++) sim.injectTweet({ author: `citizen${i}`, text: `@HMOIndia visa query ${i}` })
    const timeline = await officer.v2.userMentionTimeline(me.data.id, {
      max_results: 5,
      'tweet.fields': ['author_id', 'created_at', 'conversation_id', 'lang'],
      expansions: ['author_id'],
    })
    expect(timeline.tweets).toHaveLength(5)
    await timeline.fetchLast(100)
    expect(timeline.tweets).toHaveLength(13)
    expect(timeline.tweets[12]!.id).toBe(first.id)
    expect(timeline.includes.author(timeline.tweets[12]!)?.username).toBe('kavita_nair')

    const app = client('app-bearer')
    const search = await app.v2.search('visa -is:retweet', { max_results: 10 })
    expect(search.tweets).toHaveLength(10)
    expect(search.meta.next_token).toBeDefined()

    const reply = await officer.v2.reply('@kavita_nair Registered as MHA-26-000007.', first.id)
    expect(reply.data.text).toContain('MHA-26-000007')
    expect(sim.tweetsBy('HMOIndia')[0]!.inReplyToTweetId).toBe(first.id)
    const posted = await officer.v2.tweet({ text: 'Advisory: beware of digital arrest scams.' })
    expect(posted.data.id).toMatch(/^\d+$/)
  })

  it('surfaces X errors as ApiResponseError (duplicate content, app-only post)', async () => {
    const officer = client('sim-user-CyberDost')
    await officer.v2.tweet('Call 1930 to report cyber fraud.')
    const duplicate = await officer.v2.tweet('Call 1930 to report cyber fraud.').catch((e: unknown) => e)
    expect(duplicate).toBeInstanceOf(ApiResponseError)
    expect((duplicate as ApiResponseError).code).toBe(403)
    expect((duplicate as ApiResponseError).data.detail).toContain('duplicate content')
    const appOnly = await client('app-bearer')
      .v2.tweet('from an app token')
      .catch((e: unknown) => e)
    expect((appOnly as ApiResponseError).code).toBe(403)
  })

  it('searchStream receives matching tweets', async () => {
    const app = client('app-bearer')
    await app.v2.updateStreamRules({ add: [{ value: '@NDMA_India', tag: 'ndma' }] })
    const stream = await app.v2.searchStream({ 'tweet.fields': ['author_id'], autoConnect: true })
    try {
      const received = new Promise<TweetV2SingleStreamResult>((resolve) => stream.on(ETwitterStreamEvent.Data, resolve))
      const tweet = sim.injectTweet({
        author: 'bikash_bora',
        text: '@NDMA_India flood water entering our village in Dhemaji',
      })
      const event = await received
      expect(event.data.id).toBe(tweet.id)
      expect(event.matching_rules[0]!.tag).toBe('ndma')
    } finally {
      stream.close()
    }
  })

  it('searchStream reconnects after the simulator drops the connection', async () => {
    const app = client('app-bearer')
    await app.v2.updateStreamRules({ add: [{ value: '@CyberDost', tag: 'cyber' }] })
    await fetch(`${sim.url}/_sim/faults`, { method: 'POST', body: JSON.stringify({ dropStreamEvery: 1 }) })
    // The previous test's stream must be gone: X allows one connection at a time.
    for (let i = 0; i < 100 && sim.context.stream.connected; i++) await new Promise((r) => setTimeout(r, 10))
    const stream = await app.v2.searchStream({ autoConnect: true })
    stream.autoReconnect = true
    stream.nextRetryTimeout = () => 20
    const seen: string[] = []
    stream.on(ETwitterStreamEvent.Data, (e: TweetV2SingleStreamResult) => seen.push(e.data.id))
    const reconnected = new Promise<void>((resolve) => stream.on(ETwitterStreamEvent.Reconnected, () => resolve()))
    try {
      const first = sim.injectTweet({ author: 'moumita_ghosh', text: '@CyberDost OTP fraud, lost money' })
      await reconnected
      const second = sim.injectTweet({ author: 'moumita_ghosh', text: '@CyberDost complaint ack pending' })
      for (let i = 0; i < 200 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 10))
      expect(seen).toEqual([first.id, second.id])
      const stats = (await (await fetch(`${sim.url}/_sim/stats`)).json()) as {
        streamDrops: number
        streamConnections: number
      }
      expect(stats.streamDrops).toBeGreaterThanOrEqual(1)
      expect(stats.streamConnections).toBeGreaterThanOrEqual(2)
    } finally {
      stream.close()
      await fetch(`${sim.url}/_sim/faults`, { method: 'POST', body: '{}' })
    }
  })
})
