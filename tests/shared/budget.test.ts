// The X budget in money: prices and their defaults, exact arithmetic, the projection to
// month end from the recent rate, URL detection, and automatic texts refused with a link.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  BudgetConfig,
  budgetSettings,
  containsUrl,
  costOf,
  projectMonthEnd,
  urlCostRatio,
} from '../../src/shared/budget'
import { OrgConfig } from '../../src/shared/org'

const X_PRICES = { postRead: 0.005, postCreated: 0.015, postWithUrl: 0.2 }

describe('prices', () => {
  it("default to X's pay-per-use prices and no budget", () => {
    expect(budgetSettings({})).toEqual({ prices: X_PRICES, monthlyBudget: 0, projectionDays: 7 })
    expect(budgetSettings({ budget: { monthlyBudget: 500, prices: { postRead: 0.004 } } }).prices).toEqual({
      ...X_PRICES,
      postRead: 0.004,
    })
  })

  it('refuse a price past $10 a post and a negative budget', () => {
    expect(BudgetConfig.safeParse({ prices: { postWithUrl: 20 } }).success).toBe(false)
    expect(BudgetConfig.safeParse({ monthlyBudget: -1 }).success).toBe(false)
  })

  it('say a post with a link costs about 13 plain ones', () => {
    expect(urlCostRatio(X_PRICES)).toBe(13)
    expect(urlCostRatio({ ...X_PRICES, postCreated: 0 })).toBe(0)
  })
})

describe('costOf', () => {
  it('adds reads, plain posts and posts with a URL at their own prices, to the exact cent', () => {
    expect(costOf({ reads: 3, posts: 0, urlPosts: 0 }, X_PRICES)).toBe(0.015)
    expect(costOf({ reads: 0, posts: 2, urlPosts: 0 }, X_PRICES)).toBe(0.03)
    expect(costOf({ reads: 0, posts: 0, urlPosts: 1 }, X_PRICES)).toBe(0.2)
    // 15,000 reads (the Basic tier's month) + 1,000 replies + 10 with a link.
    expect(costOf({ reads: 15_000, posts: 1_000, urlPosts: 10 }, X_PRICES)).toBe(75 + 15 + 2)
    // Float arithmetic would say 0.30000000000000004 here.
    expect(costOf({ reads: 0, posts: 20, urlPosts: 0 }, X_PRICES)).toBe(0.3)
  })
})

describe('projectMonthEnd', () => {
  it('carries the recent daily rate to the end of the month', () => {
    // 10 December, midday: $50 spent, $21 in the last 7 days → $3/day, 21.5 days left.
    const at = new Date('2026-12-10T12:00:00Z')
    const p = projectMonthEnd({ spent: 50, recentSpent: 21, now: at, windowDays: 7 })
    expect(p.dailyRate).toBe(3)
    expect(p.monthEnd).toBe(50 + 3 * 21.5)
  })

  it('takes the rate only from the days of this month gone by', () => {
    // 2 February at midnight: one day of history, not seven.
    const p = projectMonthEnd({ spent: 4, recentSpent: 4, now: new Date('2026-02-02T00:00:00Z'), windowDays: 7 })
    expect(p.dailyRate).toBe(4)
    expect(p.monthEnd).toBe(4 + 4 * 27)
  })

  it('does not blow a minute of a new month up into a day', () => {
    const p = projectMonthEnd({ spent: 0.2, recentSpent: 0.2, now: new Date('2026-03-01T00:01:00Z'), windowDays: 7 })
    // At least an hour of window: $0.20/hour = $4.80/day, not $288/day.
    expect(p.dailyRate).toBeCloseTo(4.8, 6)
  })

  it('ends at what was spent on the last instant of the month', () => {
    const p = projectMonthEnd({ spent: 99, recentSpent: 30, now: new Date('2026-04-30T23:59:59.999Z'), windowDays: 7 })
    expect(p.monthEnd).toBeCloseTo(99, 4)
  })
})

describe('links', () => {
  it('finds URLs as X does, bare domains too', () => {
    expect(containsUrl('see https://mha.gov.in/help')).toBe(true)
    expect(containsUrl('visit passportindia.gov.in for the form')).toBe(true)
    expect(containsUrl('ticket MHA-26-000123 is with the division.')).toBe(false)
    expect(containsUrl('आपकी शिकायत दर्ज है')).toBe(false)
  })

  it('refuses an acknowledgement text with a link in the org configuration', () => {
    const org = JSON.parse(readFileSync(new URL('../../resources/orgs/mha.json', import.meta.url), 'utf-8')) as {
      acknowledge: { en: string; hi: string }
    }
    expect(OrgConfig.safeParse(org).success).toBe(true)
    const linked = {
      ...org,
      acknowledge: { ...org.acknowledge, en: `${org.acknowledge.en} Track it at mha.gov.in/track` },
    }
    const refused = OrgConfig.safeParse(linked)
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.path).toEqual(['acknowledge', 'en'])
    expect(refused.error?.issues[0]?.message).toMatch(/link/)
  })
})
