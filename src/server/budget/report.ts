// This month's X spend in money, from what we counted (reads per source in ingest_usage,
// reads and posts per day in x_usage_daily) and X's own read figure when it is higher.
import { budgetSettings, costOf, monthBounds, projectMonthEnd, type BudgetReport } from '../../shared/budget'
import { ingestionSettings, type OrgConfig } from '../../shared/org'
import type { Queryable } from '../db/database'
import { budgetPeriod } from '../ingest/budget'
import { billedBetween } from '../x/usage'

export interface BudgetReportInput {
  db: Queryable
  org: OrgConfig
  now: Date
  /** X's own figure of Posts read this period (GET /2/usage/tweets), when ingestion has it. */
  xReportedReads?: number | undefined
  editable: boolean
  /** The configuration version the figures were computed with (the base of a section save). */
  configVersion: number
}

const DAY_MS = 86_400_000

export async function buildBudgetReport(input: BudgetReportInput): Promise<BudgetReport> {
  const { db, now } = input
  const settings = budgetSettings(input.org)
  const { sources, budget: ingestion } = ingestionSettings(input.org)
  const period = budgetPeriod(now)
  const { start } = monthBounds(now)
  const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1))

  const [sourceReads] = await db.query<{ posts: string | number | null }>(
    'SELECT SUM(posts) AS posts FROM ingest_usage WHERE period = $1',
    [period],
  )
  const month = await billedBetween(db, start, tomorrow)
  const reads = Math.max(Number(sourceReads?.posts ?? 0), month.read, input.xReportedReads ?? 0)
  const counts = { reads, posts: month.post, urlPosts: month['url-post'] }
  const prices = settings.prices
  const spent = {
    counts,
    reads: costOf({ reads, posts: 0, urlPosts: 0 }, prices),
    posts: costOf({ reads: 0, posts: counts.posts, urlPosts: 0 }, prices),
    urlPosts: costOf({ reads: 0, posts: 0, urlPosts: counts.urlPosts }, prices),
    total: costOf(counts, prices),
  }

  // The recent window: the last `projectionDays` UTC days up to now (today counts in part).
  const windowStart = new Date(Math.max(start.getTime(), tomorrow.getTime() - settings.projectionDays * DAY_MS))
  const recent = await billedBetween(db, windowStart, tomorrow)
  const recentSpent = costOf({ reads: recent.read, posts: recent.post, urlPosts: recent['url-post'] }, prices)
  const windowDays = (now.getTime() - windowStart.getTime()) / DAY_MS
  const projection = projectMonthEnd({ spent: spent.total, recentSpent, now, windowDays })

  const [made] = await db.query<{ n: string | number }>('SELECT COUNT(*) AS n FROM grievances WHERE created_at >= $1', [
    start,
  ])
  const grievances = Number(made?.n ?? 0)

  return {
    period,
    currency: 'USD',
    prices,
    monthlyBudget: settings.monthlyBudget,
    spent,
    projection: {
      ...projection,
      windowDays: settings.projectionDays,
      overBudget: settings.monthlyBudget > 0 && projection.monthEnd > settings.monthlyBudget,
    },
    perGrievance: {
      grievances,
      cost: grievances > 0 ? Math.round((spent.total / grievances) * 1_000_000) / 1_000_000 : null,
    },
    ingestion: {
      sources: { ...sources },
      monthlyPostsCap: ingestion.monthlyPostsCap,
      priority: [...ingestion.priority],
      pauseBelow: [...ingestion.pauseBelow],
    },
    editable: input.editable,
    configVersion: input.configVersion,
  }
}
