// The X budget in money. X's pay-per-use API bills each Post read, each Post created,
// and a Post that carries a link at a far higher price; the admin sets a monthly budget
// and sees what the month has cost so far, where the recent rate takes it by month end,
// and what one grievance costs. Arithmetic is in micro-dollars (integers), so $0.005 ×
// 3 is $0.015 exactly.
import { z } from 'zod'
import { LIMITS } from './limits'
import { extractUrls } from './text/entities'

export const BUDGET_PATHS = {
  /** Supervisors and admins: prices, this month's spend, the projection, cost per grievance. */
  budget: '/api/v1/supervisor/budget',
} as const

/** A price in US dollars per Post (a typo of 200 for 0.20 is refused). */
const Price = z.number().min(0).max(LIMITS.xPriceMaxDollars)

export const XPrices = z.object({
  /** Each Post a read returns or the stream delivers. */
  postRead: Price.default(0.005),
  /** Each Post we create (a reply, an acknowledgement, each part of a thread). */
  postCreated: Price.default(0.015),
  /** A created Post that contains a URL: billed at this instead of postCreated. */
  postWithUrl: Price.default(0.2),
})
export type XPrices = z.infer<typeof XPrices>

/** The optional `budget` block of an org file; every field has a default. */
export const BudgetConfig = z.object({
  prices: XPrices.prefault({}),
  /** What the ministry allows for X per calendar month (UTC), in dollars; 0 = not set. */
  monthlyBudget: z.number().min(0).max(LIMITS.monthlyBudgetMaxDollars).default(0),
  /** Recent days the month-end projection takes its rate from. */
  projectionDays: z.number().int().min(1).max(LIMITS.budgetProjectionMaxDays).default(7),
})
export type BudgetConfig = z.infer<typeof BudgetConfig>
export type BudgetConfigInput = z.input<typeof BudgetConfig>

export function budgetSettings(org: { budget?: BudgetConfigInput | undefined }): BudgetConfig {
  return BudgetConfig.parse(org.budget ?? {})
}

/** What X bills: Posts read, plain Posts created, Posts created with a URL. */
export interface XUsageCounts {
  reads: number
  posts: number
  urlPosts: number
}

const MICROS = 1_000_000
const micros = (dollars: number): number => Math.round(dollars * MICROS)
/** Dollars from micro-dollars, kept to the micro-dollar (no float dust like 0.30000000000000004). */
const dollars = (amount: number): number => Math.round(amount) / MICROS

export function costOf(counts: XUsageCounts, prices: XPrices): number {
  return dollars(
    counts.reads * micros(prices.postRead) +
      counts.posts * micros(prices.postCreated) +
      counts.urlPosts * micros(prices.postWithUrl),
  )
}

/** How many plain Posts one Post with a URL costs (13 at X's prices). */
export function urlCostRatio(prices: XPrices): number {
  return prices.postCreated > 0 ? Math.round(prices.postWithUrl / prices.postCreated) : 0
}

/** Whether X will bill this text as a Post with a URL (as twitter-text finds URLs, bare domains too). */
export function containsUrl(text: string): boolean {
  return extractUrls(text).length > 0
}

export interface ProjectionInput {
  /** Spent so far this month, in dollars. */
  spent: number
  /** Spent over the recent window, in dollars. */
  recentSpent: number
  now: Date
  /** Length of the recent window in days (cut to the part of it inside this month). */
  windowDays: number
}

/** Start of the UTC month of `at`, and of the next one. */
export function monthBounds(at: Date): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1)),
    end: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)),
  }
}

/**
 * Spend at month end if the recent daily rate holds: spent + rate × days left. The window
 * is cut to the days of this month gone by (early in the month there is less history), and
 * at least an hour, so the first minutes of a month do not project a day's rate from nothing.
 */
export function projectMonthEnd(input: ProjectionInput): { monthEnd: number; dailyRate: number } {
  const { start, end } = monthBounds(input.now)
  const dayMs = 86_400_000
  const elapsedDays = Math.max((input.now.getTime() - start.getTime()) / dayMs, 1 / 24)
  const windowDays = Math.min(input.windowDays, elapsedDays)
  const dailyRate = input.recentSpent / windowDays
  const daysLeft = Math.max(0, (end.getTime() - input.now.getTime()) / dayMs)
  return {
    monthEnd: dollars(micros(input.spent) + micros(dailyRate * daysLeft)),
    dailyRate: dollars(micros(dailyRate)),
  }
}

const Money = z.number()
const Counts = z.object({ reads: z.number().int(), posts: z.number().int(), urlPosts: z.number().int() })

export const BudgetReport = z.object({
  /** 'YYYY-MM' (UTC). */
  period: z.string(),
  currency: z.literal('USD'),
  prices: XPrices,
  monthlyBudget: Money,
  /** This month so far: counts and their cost. Reads are the higher of ours and X's own figure. */
  spent: z.object({ counts: Counts, reads: Money, posts: Money, urlPosts: Money, total: Money }),
  projection: z.object({
    monthEnd: Money,
    dailyRate: Money,
    windowDays: z.number().int(),
    /** monthEnd above a set budget. */
    overBudget: z.boolean(),
  }),
  /** This month's spend over the grievances created this month (null before the first). */
  perGrievance: z.object({ grievances: z.number().int(), cost: Money.nullable() }),
  /** The read budget in Posts and how sources pause as it runs out (ingestion.budget). */
  ingestion: z.object({
    /** Which sources run (kept as they are when the budget part is saved). */
    sources: z.record(z.string(), z.boolean()),
    monthlyPostsCap: z.number().int(),
    priority: z.array(z.string()),
    pauseBelow: z.array(z.number()),
  }),
  /** Whether the asker may change prices, budget and pauses (admins, through the configuration API). */
  editable: z.boolean(),
  /** The configuration version in force: the baseVersion of a section save. */
  configVersion: z.number().int(),
})
export type BudgetReport = z.infer<typeof BudgetReport>
