// The pure parts of ingestion: query and stream-rule building within X's 512 characters,
// follow-up queries, backoff bounds, the rate-limit pacer, and the budget's pause order.
import { describe, expect, it } from 'vitest'
import { ingestionSettings, type KeywordRule } from '../../src/shared/org'
import {
  buildSearchQueries,
  buildStreamRules,
  MAX_QUERY_LENGTH,
  termClause,
} from '../../src/server/ingest/keyword-queries'
import { buildFollowUpQueries } from '../../src/server/ingest/sources/follow-ups'
import { snowflakeAt, snowflakeTime } from '../../src/server/ingest/tweets'
import { BudgetGovernor } from '../../src/server/ingest/budget'
import { backoffDelay } from '../../src/server/x/backoff'
import { endpointKey, RateLimitPacer, RateLimitWait } from '../../src/server/x/rate-limits'
import type { Database } from '../../src/server/db/database'
import { ORG } from './seed'

const OWN = ORG.handles.map((h) => h.username)

function rule(id: string, terms: string[], enabled = true): KeywordRule {
  return { id, division: 'd', terms, exclude: [], priorityBoost: 0, enabled }
}

describe('keyword queries', () => {
  it('covers every enabled term of the org in queries of at most 512 characters, without retweets or our own tweets', () => {
    const queries = buildSearchQueries(ORG.rules, OWN)
    expect(queries.length).toBeGreaterThan(1)
    for (const q of queries) {
      expect(q.value.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
      expect(q.value).toMatch(/\) -is:retweet -from:HMOIndia -from:MHA_Grievance/)
    }
    const all = queries.map((q) => q.value).join(' ')
    for (const r of ORG.rules.filter((x) => x.enabled)) {
      for (const term of r.terms) expect(all).toContain(termClause(term)!)
    }
    expect(new Set(queries.flatMap((q) => q.ruleIds))).toEqual(
      new Set(ORG.rules.filter((x) => x.enabled).map((x) => x.id)),
    )
  })

  it('quotes phrases and operator-like words, keeps single words (any script) bare, skips disabled rules', () => {
    expect(termClause('visa')).toBe('visa')
    expect(termClause('वीज़ा')).toBe('वीज़ा')
    expect(termClause('e-visa')).toBe('"e-visa"')
    expect(termClause('police  verification')).toBe('"police verification"')
    expect(termClause('say "hi"')).toBe('"say hi"')
    expect(termClause('OR')).toBe('"OR"')
    const queries = buildSearchQueries([rule('a', ['flood', 'relief camp']), rule('b', ['secret'], false)], ['Org'])
    expect(queries).toEqual([{ value: '(flood OR "relief camp") -is:retweet -from:Org', ruleIds: ['a'] }])
  })

  it('splits one long rule into several stream rules tagged with its id', () => {
    const terms = Array.from({ length: 120 }, (_, i) => `term${i}`)
    const rules = buildStreamRules([rule('big', terms), rule('small', ['flood'])], OWN)
    const big = rules.filter((r) => r.tag === 'big')
    expect(big.length).toBeGreaterThan(1)
    for (const r of rules) expect(r.value.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
    const covered = big.flatMap((r) => /^\((.*)\)/.exec(r.value)![1]!.split(' OR '))
    expect(covered).toEqual(terms)
    expect(rules.at(-1)).toMatchObject({ tag: 'small', value: expect.stringContaining('(flood)') })
  })

  it('builds follow-up queries by conversation and author, since the oldest known tweet of each chunk', () => {
    const conversations = Array.from({ length: 30 }, (_, i) => ({
      conversationId: String(1_900_000_000_000_000_000n + BigInt(i)),
      author: `citizen_${i}`,
      latestTweetId: String(1_900_000_000_000_001_000n - BigInt(i)),
    }))
    const queries = buildFollowUpQueries(conversations)
    expect(queries.length).toBeGreaterThan(1)
    for (const q of queries) {
      expect(q.value.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
      expect(q.value.endsWith(' -is:retweet')).toBe(true)
      // Every conversation in the chunk has its latest tweet at or after the chunk's since_id.
      for (const c of conversations.filter((x) => q.value.includes(`conversation_id:${x.conversationId} `))) {
        expect(BigInt(c.latestTweetId) >= BigInt(q.sinceId)).toBe(true)
      }
    }
    expect(
      queries
        .map((q) => q.value)
        .join(' ')
        .match(/conversation_id:/g),
    ).toHaveLength(30)
  })

  it('converts between snowflake ids and time', () => {
    const at = Date.UTC(2026, 0, 15, 10, 0, 0)
    expect(snowflakeTime(snowflakeAt(at))).toBe(at)
    expect(BigInt(snowflakeAt(at + 1)) > BigInt(snowflakeAt(at))).toBe(true)
  })
})

describe('backoff and pacing', () => {
  it('doubles the backoff per failure, with jitter, up to the cap', () => {
    const policy = { baseMs: 100, capMs: 1_000 }
    expect(backoffDelay(0, policy)).toBe(0)
    expect(backoffDelay(1, policy, () => 0)).toBe(50)
    expect(backoffDelay(1, policy, () => 1)).toBe(100)
    expect(backoffDelay(3, policy, () => 1)).toBe(400)
    expect(backoffDelay(20, policy, () => 1)).toBe(1_000)
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(4, policy)
      expect(d).toBeGreaterThanOrEqual(400)
      expect(d).toBeLessThanOrEqual(800)
    }
  })

  it('names endpoints the way X limits them', () => {
    expect(endpointKey('GET', 'http://127.0.0.1:1/2/users/1400000000007919/mentions?since_id=1')).toBe(
      'GET /2/users/:id/mentions',
    )
    expect(endpointKey('get', 'https://api.x.com/2/users/by/username/HMOIndia')).toBe(
      'GET /2/users/by/username/:username',
    )
    expect(endpointKey('GET', 'https://api.x.com/2/tweets/search/recent?query=x')).toBe('GET /2/tweets/search/recent')
  })

  it('goes freely while plenty is left, spreads the rest over the window, waits for the reset when none is left', async () => {
    let now = 1_000_000
    const pacer = new RateLimitPacer({ now: () => now, lowWater: 0.2 })
    const ep = 'GET /2/tweets/search/recent'
    const reset = (now + 100_000) / 1000
    pacer.observe(ep, { limit: 100, remaining: 50, reset })
    expect(pacer.readyAt(ep)).toBe(0)
    pacer.observe(ep, { limit: 100, remaining: 10, reset })
    expect(pacer.readyAt(ep)).toBe(now + 10_000)
    pacer.observe(ep, { limit: 100, remaining: 0, reset })
    expect(pacer.readyAt(ep)).toBe(reset * 1000)
    await expect(pacer.acquire(ep, 1_000)).rejects.toBeInstanceOf(RateLimitWait)
    pacer.observe(ep, { limit: 100, remaining: 99, reset }, 429)
    expect(pacer.readyAt(ep)).toBe(reset * 1000)
    now = reset * 1000 + 1
    expect(pacer.readyAt(ep)).toBe(0)
    await pacer.acquire(ep)
  })
})

describe('budget governor', () => {
  const noDb = { query: async () => [] } as unknown as Database

  it('pauses sources in the admin-configured order as the budget runs out; mentions never', async () => {
    const settings = ingestionSettings({ ingestion: { budget: { monthlyPostsCap: 1_000 } } }).budget
    expect(settings.priority).toEqual(['mentions', 'follow-ups', 'stream', 'search'])
    const budget = new BudgetGovernor(noDb, settings)
    await budget.load()
    const paused = () => (['mentions', 'follow-ups', 'stream', 'search'] as const).filter((s) => budget.pauseReason(s))
    expect(paused()).toEqual([])
    await budget.record('search', 850) // 15% left
    expect(paused()).toEqual(['search'])
    expect(budget.pauseReason('search')).toMatch(/15\.0% left, search pauses below 20%/)
    await budget.record('stream', 60) // 9% left
    expect(paused()).toEqual(['stream', 'search'])
    await budget.record('mentions', 60) // 3% left
    expect(paused()).toEqual(['follow-ups', 'stream', 'search'])
    await budget.record('mentions', 100) // over the cap
    expect(paused()).toEqual(['follow-ups', 'stream', 'search'])
    expect(budget.status()).toMatchObject({
      cap: 1_000,
      used: 1_070,
      remaining: 0,
      bySource: { search: 850, stream: 60, mentions: 160 },
    })
  })

  it('follows a reordered priority and takes X’s figures when they are stricter', async () => {
    const settings = ingestionSettings({
      ingestion: { budget: { monthlyPostsCap: 1_000, priority: ['mentions', 'search', 'follow-ups', 'stream'] } },
    }).budget
    const budget = new BudgetGovernor(noDb, settings)
    await budget.load()
    budget.setXUsage({ projectCap: 500, projectUsage: 460, fetchedAt: new Date().toISOString() }) // 8% of 500 left
    expect(budget.cap).toBe(500)
    expect(budget.pauseReason('stream')).not.toBeNull()
    expect(budget.pauseReason('follow-ups')).not.toBeNull()
    expect(budget.pauseReason('search')).toBeNull()
    expect(() =>
      ingestionSettings({ ingestion: { budget: { priority: ['mentions', 'mentions', 'stream', 'search'] } } } as never),
    ).toThrow(/each of/)
  })
})
