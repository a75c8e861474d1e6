// GET /2/usage/tweets: how many Posts the project has read this billing period, as X
// counts them (our own count misses other apps on the same project).
import type { TwitterApiReadOnly } from 'twitter-api-v2'

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
