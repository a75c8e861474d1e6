// GET /2/usage/tweets: how many Posts the project has read this billing period, as X
// counts them (our own count misses other apps on the same project).
import type { TwitterApiReadOnly } from 'twitter-api-v2'
import type { Queryable } from '../db/database'

export interface XUsage {
  projectCap: number
  projectUsage: number
  capResetDay?: number
  fetchedAt: string
}

interface UsageBody {
  data?: { project_cap?: string | number; project_usage?: string | number; cap_reset_day?: number }
}

export const USAGE_ENDPOINT = 'GET /2/usage/tweets'

export async function fetchXUsage(x: TwitterApiReadOnly, now: Date = new Date()): Promise<XUsage | null> {
  const body = await x.v2.get<UsageBody>('usage/tweets', { 'usage.fields': 'cap_reset_day,project_cap,project_usage' })
  const data = body.data
  if (!data || data.project_cap === undefined || data.project_usage === undefined) return null
  const cap = Number(data.project_cap)
  const usage = Number(data.project_usage)
  if (!Number.isFinite(cap) || !Number.isFinite(usage)) return null
  return {
    projectCap: cap,
    projectUsage: usage,
    ...(typeof data.cap_reset_day === 'number' ? { capResetDay: data.cap_reset_day } : {}),
    fetchedAt: now.toISOString(),
  }
}

/** What X bills, as counted per UTC day in x_usage_daily. */
export type BilledKind = 'read' | 'post' | 'url-post'

/** 'YYYY-MM-DD' of the UTC day. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10)

/** Adds to a day's count (reads as the budget governor counts them; posts as the reply worker settles them). */
export async function countBilled(db: Queryable, kind: BilledKind, count: number, at: Date): Promise<void> {
  if (count <= 0) return
  await db.query(
    `INSERT INTO x_usage_daily (day, kind, count) VALUES ($1::date, $2, $3)
     ON CONFLICT (day, kind) DO UPDATE SET count = x_usage_daily.count + EXCLUDED.count`,
    [utcDay(at), kind, count],
  )
}

/** Counts per kind over [from, to) whole UTC days. */
export async function billedBetween(db: Queryable, from: Date, to: Date): Promise<Record<BilledKind, number>> {
  const rows = await db.query<{ kind: BilledKind; count: string | number }>(
    `SELECT kind, SUM(count) AS count FROM x_usage_daily WHERE day >= $1::date AND day < $2::date GROUP BY kind`,
    [utcDay(from), utcDay(to)],
  )
  const totals: Record<BilledKind, number> = { read: 0, post: 0, 'url-post': 0 }
  for (const row of rows) totals[row.kind] = Number(row.count)
  return totals
}
