// Mentions and recent search: newest first, since_id/until_id, pagination tokens,
// parameter validation, and speed on a soak-sized store.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import { call } from './helpers'

interface Page {
  data?: Array<{ id: string; text: string }>
  meta: { result_count: number; newest_id?: string; oldest_id?: string; next_token?: string }
}

let sim: Simulator
let hmoId: string
const mentionIds: string[] = []

beforeAll(async () => {
  sim = await startSimulator()
  hmoId = sim.store.userByName('HMOIndia')!.id
  for (let i = 0; i < 23; i++) {
    mentionIds.push(
      sim.injectTweet({ author: `citizen${i % 5}`, text: `@HMOIndia complaint number ${i} about visa` }).id,
    )
    sim.injectTweet({ author: 'someone', text: `unrelated chatter ${i}` })
  }
})
afterAll(() => sim.close())

async function allPages(path: string): Promise<string[]> {
  const ids: string[] = []
  let token: string | undefined
  for (let guard = 0; guard < 50; guard++) {
    const sep = path.includes('?') ? '&' : '?'
    const res = await call<Page>(sim.url, 'GET', token ? `${path}${sep}pagination_token=${token}` : path)
    expect(res.status).toBe(200)
    ids.push(...(res.body.data ?? []).map((t) => t.id))
    token = res.body.meta.next_token
    if (!token) return ids
  }
  throw new Error('pagination did not end')
}

describe('mentions timeline', () => {
  it('pages newest first through every mention exactly once', async () => {
    const ids = await allPages(`/2/users/${hmoId}/mentions?max_results=5`)
    expect(ids).toEqual([...mentionIds].reverse())
  })

  it('since_id returns only newer mentions; until_id only older', async () => {
    const since = await call<Page>(
      sim.url,
      'GET',
      `/2/users/${hmoId}/mentions?since_id=${mentionIds[19]}&max_results=100`,
    )
    expect(since.body.data!.map((t) => t.id)).toEqual(mentionIds.slice(20).reverse())
    expect(since.body.meta).toMatchObject({ result_count: 3, newest_id: mentionIds[22], oldest_id: mentionIds[20] })
    expect(since.body.meta.next_token).toBeUndefined()
    const until = await call<Page>(sim.url, 'GET', `/2/users/${hmoId}/mentions?until_id=${mentionIds[2]}`)
    expect(until.body.data!.map((t) => t.id)).toEqual([mentionIds[1], mentionIds[0]])
    const nothing = await call<Page>(sim.url, 'GET', `/2/users/${hmoId}/mentions?since_id=${mentionIds[22]}`)
    expect(nothing.body).toEqual({ meta: { result_count: 0 } })
  })

  it('validates parameters like X', async () => {
    for (const q of [
      'max_results=4',
      'max_results=101',
      'max_results=ten',
      'since_id=abc',
      'pagination_token=!!!',
      'tweet.fields=bogus',
      'expansions=nope',
    ]) {
      const res = await call(sim.url, 'GET', `/2/users/${hmoId}/mentions?${q}`)
      expect(res.status, q).toBe(400)
    }
    const unknownUser = await call<{ errors: unknown[] }>(sim.url, 'GET', '/2/users/999/mentions')
    expect(unknownUser.status).toBe(200)
    expect(unknownUser.body.errors).toHaveLength(1)
  })
})

describe('recent search', () => {
  it('matches the query and paginates with next_token', async () => {
    const first = await call<Page>(
      sim.url,
      'GET',
      `/2/tweets/search/recent?query=${encodeURIComponent('visa from:citizen1')}&max_results=10`,
    )
    const expected = mentionIds.filter((_, i) => i % 5 === 1).reverse()
    expect(first.body.data!.map((t) => t.id)).toEqual(expected)
    const paged = await call<Page>(sim.url, 'GET', `/2/tweets/search/recent?query=visa&max_results=10`)
    expect(paged.body.meta.result_count).toBe(10)
    const second = await call<Page>(
      sim.url,
      'GET',
      `/2/tweets/search/recent?query=visa&max_results=10&next_token=${paged.body.meta.next_token}`,
    )
    expect(second.body.data![0]!.id).toBe(mentionIds[12])
  })

  it('answers 400 for bad queries and bounds', async () => {
    for (const q of [
      'query=',
      'query=%28visa',
      'query=is%3Aretweet',
      'query=visa&max_results=5',
      'query=visa&sort_order=random',
    ]) {
      const res = await call(sim.url, 'GET', `/2/tweets/search/recent?${q}`)
      expect(res.status, q).toBe(400)
    }
  })

  it('only sees the last 7 days', async () => {
    let clock = Date.UTC(2026, 0, 1)
    const timed = await startSimulator({ now: () => clock })
    try {
      timed.injectTweet({ author: 'old_timer', text: 'old visa complaint' })
      clock += 8 * 24 * 3600 * 1000
      timed.injectTweet({ author: 'new_timer', text: 'new visa complaint' })
      const res = await call<Page>(timed.url, 'GET', '/2/tweets/search/recent?query=visa')
      expect(res.body.data!.map((t) => t.text)).toEqual(['new visa complaint'])
    } finally {
      await timed.close()
    }
  })
})

describe('soak-sized store', () => {
  it('keeps 20,000 tweets and answers mention pages quickly', async () => {
    const big = await startSimulator()
    try {
      const started = performance.now()
      let lastMention = ''
      for (let i = 0; i < 20_000; i++) {
        const t = big.injectTweet({
          author: `c${i % 300}`,
          text: i % 4 === 0 ? `@CyberDost fraud report ${i}` : `general post ${i} #news`,
        })
        if (i % 4 === 0) lastMention = t.id
      }
      const insertMs = performance.now() - started
      const cyberId = big.store.userByName('CyberDost')!.id
      const t0 = performance.now()
      const page = await call<Page>(big.url, 'GET', `/2/users/${cyberId}/mentions?max_results=100&since_id=${'1'}`)
      const search = await call<Page>(
        big.url,
        'GET',
        `/2/tweets/search/recent?query=${encodeURIComponent('fraud @CyberDost')}&max_results=100`,
      )
      const queryMs = performance.now() - t0
      expect(page.body.data![0]!.id).toBe(lastMention)
      expect(page.body.meta.result_count).toBe(100)
      expect(search.body.meta.result_count).toBe(100)
      expect(insertMs).toBeLessThan(5000)
      expect(queryMs).toBeLessThan(1500)
    } finally {
      await big.close()
    }
  })
})
