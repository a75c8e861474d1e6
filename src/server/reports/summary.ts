// The report summary: a handful of aggregate queries over grievance_facts (and the
// ingestion tables for tweets and X spend). Totals, divisions and officers come from one
// scan with GROUPING SETS; medians and p90s are percentile_cont over the same rows.
import { ingestionSettings, type OrgConfig } from '../../shared/org'
import { LIMITS } from '../../shared/limits'
import {
  BACKLOG_BUCKETS,
  BACKLOG_BUCKET_START_DAYS,
  DEFAULT_X_PRICES,
  daysInRange,
  dayStartUtcMs,
  type ReportFigures,
  type ReportSummary,
} from '../../shared/reports'
import type { Database, Queryable } from '../db/database'
import { SqlParams, filterSql, openedInRangeSql, slaMetSql, type ReportSelection } from './query'
import { rollupCohort } from './rollup-query'

export interface FigureRow {
  g_division: number
  g_assignee: number
  division: string | null
  assignee: string | null
  opened: number
  rejected: number
  reopened: number
  open_now: number
  fr: [number, number] | null
  res: [number, number] | null
  decided: number
  met: number
}

export interface DailyRow {
  g_division: number
  day: string
  division: string | null
  opened: number
  decided: number
  met: number
}

export interface CohortResult {
  [key: string]: unknown
  figures: FigureRow[] | null
  daily: DailyRow[] | null
  rules: { rule: string; n: number }[] | null
  tweets: { straight: number; via_review: number } | null
}

/** Memory for the cohort's sorts: a year of a busy ministry (~1M grievances) sorts its narrow rows in this. */
const REPORT_WORK_MEM = '64MB'

const num = (v: unknown): number => Number(v ?? 0)
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

/**
 * Everything about the cohort in one statement, so the facts are read once: the rows are
 * materialised narrow, then totals, divisions and officers (GROUPING SETS, percentile_cont
 * over p50 and p90 in one sort each), the per-day series, the top rules and the review
 * counts are aggregated from them.
 */
async function cohort(db: Database, sel: ReportSelection): Promise<CohortResult> {
  const p = new SqlParams()
  const where = openedInRangeSql(sel, p)
  const met = slaMetSql(p.add(sel.asOf.toISOString()))
  // `ticket`: the cohort. A grievance still in the review band is not yet anybody's work.
  const [row] = await db.transaction(async (tx) => {
    // The cohort's sorts (percentiles by division and officer) spill to disk at the default
    // 4 MB; in memory they take about half the time. Local to this transaction.
    await tx.query(`SET LOCAL work_mem = '${REPORT_WORK_MEM}'`)
    return tx.query<CohortResult>(
      `WITH c AS MATERIALIZED (
       SELECT f.opened_day, f.division, f.assignee, f.band <> 'review' AS ticket, f.entered_review, f.status,
              f.reopened_count, f.closed_at, f.first_response_seconds, f.resolution_seconds, f.matched_rules,
              ${met} AS met
       FROM grievance_facts f WHERE ${where}),
     figures AS (
       SELECT grouping(division) AS g_division, grouping(assignee) AS g_assignee, division, assignee,
         count(*)::int AS opened,
         count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
         count(*) FILTER (WHERE reopened_count > 0)::int AS reopened,
         count(*) FILTER (WHERE closed_at IS NULL)::int AS open_now,
         percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_response_seconds) AS fr,
         percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolution_seconds) AS res,
         count(met)::int AS decided,
         count(*) FILTER (WHERE met)::int AS met
       FROM c WHERE ticket GROUP BY GROUPING SETS ((), (division), (assignee))),
     daily AS (
       SELECT grouping(division) AS g_division, to_char(opened_day, 'YYYY-MM-DD') AS day, division,
         count(*)::int AS opened, count(met)::int AS decided, count(*) FILTER (WHERE met)::int AS met
       FROM c WHERE ticket GROUP BY GROUPING SETS ((opened_day), (opened_day, division))),
     rules AS (
       -- Unnest the few distinct sets of rules, not every grievance's: a function call per row is slow.
       SELECT r AS rule, sum(n)::int AS n
       FROM (SELECT matched_rules, count(*) AS n FROM c WHERE ticket GROUP BY matched_rules) m
       CROSS JOIN LATERAL unnest(m.matched_rules) AS r
       GROUP BY r ORDER BY n DESC, r LIMIT ${LIMITS.reportTopRules})
     SELECT (SELECT json_agg(figures) FROM figures) AS figures,
            (SELECT json_agg(daily) FROM daily) AS daily,
            (SELECT json_agg(rules) FROM rules) AS rules,
            (SELECT json_build_object('straight', count(*) FILTER (WHERE NOT entered_review),
                                      'via_review', count(*) FILTER (WHERE entered_review)) FROM c) AS tweets`,
      p.values,
    )
  })
  return row ?? { figures: null, daily: null, rules: null, tweets: null }
}

export interface ResolvedRow {
  [key: string]: unknown
  g_division: number
  g_assignee: number
  g_day: number
  division: string | null
  assignee: string | null
  day: string | null
  n: number
}

/** Grievances resolved within the range (whenever opened): total, by division, assignee and day. */
async function resolvedInRange(db: Queryable, sel: ReportSelection): Promise<ResolvedRow[]> {
  const p = new SqlParams()
  const where = [
    `f.resolved_day BETWEEN ${p.add(sel.query.from)}::date AND ${p.add(sel.query.to)}::date`,
    ...filterSql(sel, p),
  ].join(' AND ')
  return db.query<ResolvedRow>(
    `SELECT grouping(f.division) AS g_division, grouping(f.assignee) AS g_assignee, grouping(f.resolved_day) AS g_day,
       f.division, f.assignee, to_char(f.resolved_day, 'YYYY-MM-DD') AS day, count(*)::int AS n
     FROM grievance_facts f WHERE ${where}
     GROUP BY GROUPING SETS ((), (f.division), (f.assignee), (f.resolved_day))`,
    p.values,
  )
}

/** Open at `asOf`: opened by then and not resolved, closed or rejected by then; bucketed by age. */
async function backlog(db: Queryable, sel: ReportSelection): Promise<ReportSummary['backlog']> {
  const p = new SqlParams()
  const asOf = p.add(sel.asOf.toISOString())
  const where = [
    `f.band <> 'review'`,
    // Open at asOf; written as the expression of the grievance_facts_open_interval index.
    `tstzrange(f.opened_at, GREATEST(f.opened_at, COALESCE(f.closed_at, 'infinity'::timestamptz)), '[)') @> ${asOf}::timestamptz`,
    ...filterSql(sel, p),
  ].join(' AND ')
  const bounds = BACKLOG_BUCKET_START_DAYS.slice(1)
    .map((d) => String(d))
    .join(', ')
  const rows = await db.query<{ bucket: number; n: number }>(
    `SELECT width_bucket(EXTRACT(EPOCH FROM (${asOf}::timestamptz - f.opened_at)) / 86400, ARRAY[${bounds}]::double precision[]) AS bucket,
       count(*)::int AS n
     FROM grievance_facts f WHERE ${where} GROUP BY 1`,
    p.values,
  )
  const counts = new Map(rows.map((r) => [Number(r.bucket), Number(r.n)]))
  return BACKLOG_BUCKETS.map((bucket, i) => ({ bucket, count: counts.get(i) ?? 0 }))
}

/** Ingestion-wide: tweets delivered (and read, counting repeats) and tweets ignored, and our posts on X. */
async function ingestionCounts(db: Queryable, sel: ReportSelection) {
  const range = [sel.start.toISOString(), sel.end.toISOString()]
  const [seen] = await db.query<{ received: number; reads: number }>(
    `SELECT count(*)::int AS received, COALESCE(sum(times_seen), 0)::bigint AS reads FROM seen_tweets
     WHERE first_seen_at >= $1::timestamptz AND first_seen_at < $2::timestamptz`,
    range,
  )
  const [ignored] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ignored_tweets WHERE at >= $1::timestamptz AND at < $2::timestamptz`,
    range,
  )
  const [posted] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM reply_outbox
     WHERE state = 'posted' AND created_at >= $1::timestamptz AND created_at < $2::timestamptz`,
    range,
  )
  return { received: num(seen?.received), reads: num(seen?.reads), ignored: num(ignored?.n), posts: num(posted?.n) }
}

function figuresOf(row: FigureRow | undefined, resolved: number): ReportFigures {
  const decided = num(row?.decided)
  return {
    grievancesOpened: num(row?.opened),
    grievancesResolved: resolved,
    grievancesRejected: num(row?.rejected),
    grievancesReopened: num(row?.reopened),
    firstResponseMedianSeconds: numOrNull(row?.fr?.[0]),
    firstResponseP90Seconds: numOrNull(row?.fr?.[1]),
    resolutionMedianSeconds: numOrNull(row?.res?.[0]),
    resolutionP90Seconds: numOrNull(row?.res?.[1]),
    slaMetShare: decided === 0 ? null : num(row?.met) / decided,
    slaDecided: decided,
  }
}

/** Every day of the range, as YYYY-MM-DD. */
function daysOf(from: string, to: string): string[] {
  const start = dayStartUtcMs(from)
  return Array.from({ length: daysInRange(from, to) }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  )
}

/** Cents are what a budget is read in; floating sums of 0.005 would print 0.30000000000000004. */
const usd = (n: number): number => Math.round(n * 1e6) / 1e6

/**
 * Where the cohort figures are read from: the roll-ups (rollup.ts; counts exact,
 * percentiles within PERCENTILE_TOLERANCE) as the signed plan reads them, or with
 * migration 19's months, blocks and days, or the facts row by row (exact; the reference
 * the roll-ups are tested against, and what they are maintained from).
 */
export type FiguresSource = 'rollup' | 'rollup-months' | 'facts'

async function cohortAndResolved(db: Database, sel: ReportSelection, source: FiguresSource) {
  if (source === 'rollup') return rollupCohort(db, sel)
  // Migration 19's plan (months, blocks, days): what the bench and the tests hold the coarser grains against.
  if (source === 'rollup-months') return rollupCohort(db, sel, 'months')
  const [c, resolved] = await Promise.all([cohort(db, sel), resolvedInRange(db, sel)])
  return { cohort: c, resolved }
}

export async function reportSummary(
  db: Database,
  org: OrgConfig,
  sel: ReportSelection,
  now: Date = new Date(),
  source: FiguresSource = 'rollup',
): Promise<ReportSummary> {
  const [{ cohort: c, resolved }, backlogCounts, ingestion] = await Promise.all([
    cohortAndResolved(db, sel, source),
    backlog(db, sel),
    ingestionCounts(db, sel),
  ])
  const figures = c.figures ?? []
  const daily = c.daily ?? []
  const rules = (c.rules ?? []).map((r) => ({ rule: r.rule, grievances: num(r.n) }))
  const total = figures.find((r) => r.g_division === 1 && r.g_assignee === 1)
  const resolvedTotal = num(resolved.find((r) => r.g_division === 1 && r.g_assignee === 1 && r.g_day === 1)?.n)
  const resolvedByDivision = new Map(resolved.filter((r) => r.g_division === 0).map((r) => [r.division, num(r.n)]))
  const resolvedByOfficer = new Map(resolved.filter((r) => r.g_assignee === 0).map((r) => [r.assignee, num(r.n)]))
  const resolvedByDay = new Map(resolved.filter((r) => r.g_day === 0).map((r) => [r.day, num(r.n)]))

  const divisionNames = new Map(org.divisions.map((d) => [d.id, d]))
  const divisionRows = figures.filter((r) => r.g_division === 0)
  const divisionIds = new Set<string | null>([...divisionRows.map((r) => r.division), ...resolvedByDivision.keys()])
  const byDivision = [...divisionIds]
    .map((id) => {
      const row = divisionRows.find((r) => r.division === id)
      const named = id === null ? undefined : divisionNames.get(id)
      return {
        division: id,
        name: named?.name ?? null,
        nameHi: named?.nameHi ?? null,
        ...figuresOf(row, resolvedByDivision.get(id) ?? 0),
      }
    })
    .sort((a, b) => b.grievancesOpened - a.grievancesOpened || String(a.division).localeCompare(String(b.division)))

  const officerRows = figures.filter((r) => r.g_assignee === 0 && r.assignee !== null)
  const officerNames = new Set<string>([
    ...officerRows.map((r) => r.assignee as string),
    ...[...resolvedByOfficer.keys()].filter((a): a is string => a !== null),
  ])
  const byOfficer = [...officerNames]
    .map((officer) => {
      const row = officerRows.find((r) => r.assignee === officer)
      return { officer, open: num(row?.open_now), ...figuresOf(row, resolvedByOfficer.get(officer) ?? 0) }
    })
    .sort((a, b) => b.grievancesOpened - a.grievancesOpened || a.officer.localeCompare(b.officer))
    .slice(0, LIMITS.reportOfficers)

  const openedByDay = new Map(daily.filter((r) => r.g_division === 1).map((r) => [r.day, num(r.opened)]))
  const days = daysOf(sel.query.from, sel.query.to)
  const slaByDivision = daily
    .filter((r) => r.g_division === 0)
    .map((r) => ({
      day: r.day,
      division: r.division,
      decided: num(r.decided),
      slaMetShare: num(r.decided) === 0 ? null : num(r.met) / num(r.decided),
    }))
    .sort((a, b) => a.day.localeCompare(b.day) || String(a.division).localeCompare(String(b.division)))

  const prices = ingestionSettings(org).budget.prices ?? DEFAULT_X_PRICES
  const readUsd = usd(ingestion.reads * prices.readUsd)
  const postUsd = usd(ingestion.posts * prices.postUsd)
  const totalUsd = usd(readUsd + postUsd)
  const totals = figuresOf(total, resolvedTotal)
  const q = sel.query
  return {
    from: q.from,
    to: q.to,
    generatedAt: now.toISOString(),
    filters: {
      ...(q.division !== undefined ? { division: q.division } : {}),
      ...(q.handle !== undefined ? { handle: q.handle } : {}),
      ...(q.language !== undefined ? { language: q.language } : {}),
      ...(q.priority !== undefined ? { priority: q.priority } : {}),
      ...(q.officer !== undefined ? { officer: q.officer } : {}),
    },
    tweets: {
      received: ingestion.received,
      actionable: num(c.tweets?.straight),
      review: num(c.tweets?.via_review),
      ignored: ingestion.ignored,
    },
    ...totals,
    byDivision,
    byOfficer,
    backlog: backlogCounts,
    topRules: rules,
    cost: {
      reads: ingestion.reads,
      posts: ingestion.posts,
      readUsd,
      postUsd,
      totalUsd,
      perGrievanceUsd: totals.grievancesOpened === 0 ? null : usd(totalUsd / totals.grievancesOpened),
      prices: { readUsd: prices.readUsd, postUsd: prices.postUsd },
    },
    series: {
      daily: days.map((day) => ({ day, opened: openedByDay.get(day) ?? 0, resolved: resolvedByDay.get(day) ?? 0 })),
      slaByDivision,
    },
  }
}
