// The summary's cohort figures read from the per-day roll-ups (rollup.ts) instead of the
// facts: the same rows summary.ts would get from grievance_facts, so the rest of the
// summary does not know which it read. Counts are exact; medians and p90s come from the
// histograms (within PERCENTILE_TOLERANCE). The one time-dependent part, grievances whose
// SLA is undecided until their due time passes, is read from the facts through a small
// partial index (the open, undecided ones of the range).
import { LIMITS } from '../../shared/limits'
import type { Database } from '../db/database'
import { SqlParams, filterSql, type ReportSelection } from './query'
import { METRIC, PENDING_SLA_WHERE, bucketValueSql } from './rollup'
import type { CohortResult, FigureRow, ResolvedRow } from './summary'

/** Conditions of the filters and the scope over a roll-up aliased `r` (the same as filterSql over facts). */
function rollupFilterSql(sel: ReportSelection, p: SqlParams, alias = 'r'): string[] {
  const q = sel.query
  const where: string[] = []
  if (q.division !== undefined) where.push(`${alias}.division = ${p.add(q.division)}`)
  if (q.handle !== undefined) where.push(`${alias}.handle = lower(${p.add(q.handle)})`)
  if (q.language !== undefined) where.push(`${alias}.language = ${p.add(q.language)}`)
  if (q.priority !== undefined) where.push(`${alias}.priority = ${p.add(q.priority)}`)
  if (q.officer !== undefined) where.push(`${alias}.assignee = ${p.add(q.officer)}`)
  if (sel.divisions !== null) where.push(`${alias}.division = ANY(${p.add([...sel.divisions])}::text[])`)
  return where
}

function rangeSql(sel: ReportSelection, p: SqlParams, alias: string, column = 'day'): string {
  return `${alias}.${column} BETWEEN ${p.add(sel.query.from)}::date AND ${p.add(sel.query.to)}::date`
}

interface PercentileRow {
  g_division: number
  g_assignee: number
  division: string | null
  assignee: string | null
  metric: number
  p50: number | null
  p90: number | null
}

interface RollupResult {
  [key: string]: unknown
  figures: (Omit<FigureRow, 'fr' | 'res'> & { resolved: number; g_day: number; day: string | null })[] | null
  daily: CohortResult['daily']
  rules: CohortResult['rules']
  tweets: CohortResult['tweets']
  percentiles: PercentileRow[] | null
}

const groupKey = (r: { g_division: number; g_assignee: number; division: string | null; assignee: string | null }) =>
  `${r.g_division}|${r.g_assignee}|${r.division ?? '\u0000'}|${r.assignee ?? '\u0000'}`

/**
 * percentile_cont(p) from a histogram: the values at ranks floor(p·(N−1)) and ceil(p·(N−1))
 * (0-based, in bucket order), each read as its bucket's value, interpolated between.
 */
function percentilesSql(sel: ReportSelection, p: SqlParams): string {
  const where = [rangeSql(sel, p, 't'), ...rollupFilterSql(sel, p, 't')].join(' AND ')
  return `
     h AS (
       SELECT grouping(division) AS g_division, grouping(assignee) AS g_assignee, division, assignee, metric, bucket,
         sum(n) AS n
       FROM report_rollup_times t WHERE ${where}
       GROUP BY GROUPING SETS ((metric, bucket), (division, metric, bucket), (assignee, metric, bucket))),
     hc AS (
       SELECT h.*, sum(n) OVER w - n AS below, sum(n) OVER (PARTITION BY g_division, g_assignee, division, assignee, metric) AS total
       FROM h WINDOW w AS (PARTITION BY g_division, g_assignee, division, assignee, metric ORDER BY bucket)),
     ranks AS (
       SELECT hc.*, q.p, floor(q.p * (total - 1)) AS lo, ceil(q.p * (total - 1)) AS hi
       FROM hc CROSS JOIN (VALUES (0.5::double precision), (0.9::double precision)) AS q(p) WHERE total > 0),
     picked AS (
       SELECT g_division, g_assignee, division, assignee, metric, p, max(p * (total - 1) - lo) AS frac,
         min(bucket) FILTER (WHERE below + n > lo) AS b_lo, min(bucket) FILTER (WHERE below + n > hi) AS b_hi
       FROM ranks GROUP BY g_division, g_assignee, division, assignee, metric, p),
     valued AS (
       SELECT g_division, g_assignee, NULLIF(division, '') AS division, NULLIF(assignee, '') AS assignee, metric, p,
         ${bucketValueSql('b_lo')} + frac * (${bucketValueSql('b_hi')} - ${bucketValueSql('b_lo')}) AS v
       FROM picked),
     percentiles AS (
       SELECT g_division, g_assignee, division, assignee, metric,
         max(v) FILTER (WHERE p = 0.5) AS p50, max(v) FILTER (WHERE p = 0.9) AS p90
       FROM valued GROUP BY g_division, g_assignee, division, assignee, metric)`
}

/** The cohort's figures, series, rules and tweet counts, and the resolved counts, from the roll-ups. */
export async function rollupCohort(
  db: Database,
  sel: ReportSelection,
): Promise<{ cohort: CohortResult; resolved: ResolvedRow[] }> {
  const p = new SqlParams()
  const rollupWhere = [rangeSql(sel, p, 'r'), ...rollupFilterSql(sel, p)].join(' AND ')
  const pendingWhere = [rangeSql(sel, p, 'f', 'opened_day'), ...filterSql(sel, p), PENDING_SLA_WHERE].join(' AND ')
  const asOf = p.add(sel.asOf.toISOString())
  const rulesWhere = [rangeSql(sel, p, 'r'), ...rollupFilterSql(sel, p)].join(' AND ')
  const percentiles = percentilesSql(sel, p)
  const [row] = await db.query<RollupResult>(
    `WITH r AS MATERIALIZED (
       SELECT r.day, r.division, r.assignee, r.opened, r.rejected, r.reopened, r.open_now,
         r.sla_met + r.sla_missed AS decided, r.sla_met AS met, r.straight, r.via_review, r.resolved
       FROM report_rollup r WHERE ${rollupWhere}
       UNION ALL
       -- Undecided by the record, and their due time passed by asOf: decided, not met (slaMetSql).
       SELECT f.opened_day, COALESCE(f.division, ''), COALESCE(f.assignee, ''), 0, 0, 0, 0, 1, 0, 0, 0, 0
       FROM grievance_facts f WHERE ${pendingWhere} AND f.sla_due_at < ${asOf}::timestamptz),
     figures AS (
       SELECT grouping(division) AS g_division, grouping(assignee) AS g_assignee, grouping(day) AS g_day,
         NULLIF(division, '') AS division, NULLIF(assignee, '') AS assignee, to_char(day, 'YYYY-MM-DD') AS day,
         sum(opened)::int AS opened, sum(rejected)::int AS rejected, sum(reopened)::int AS reopened,
         sum(open_now)::int AS open_now, sum(decided)::int AS decided, sum(met)::int AS met,
         sum(resolved)::int AS resolved
       FROM r GROUP BY GROUPING SETS ((), (division), (assignee), (day))),
     daily AS (
       SELECT grouping(division) AS g_division, to_char(day, 'YYYY-MM-DD') AS day, NULLIF(division, '') AS division,
         sum(opened)::int AS opened, sum(decided)::int AS decided, sum(met)::int AS met
       FROM r GROUP BY GROUPING SETS ((day), (day, division))
       HAVING sum(opened) > 0 OR sum(decided) > 0),
     rules AS (
       SELECT r.rule, sum(r.n)::int AS n FROM report_rollup_rules r WHERE ${rulesWhere}
       GROUP BY r.rule HAVING sum(r.n) > 0 ORDER BY n DESC, r.rule LIMIT ${LIMITS.reportTopRules}),
     ${percentiles}
     SELECT (SELECT json_agg(figures) FROM figures) AS figures,
            (SELECT json_agg(daily) FROM daily) AS daily,
            (SELECT json_agg(rules) FROM rules) AS rules,
            (SELECT json_build_object('straight', COALESCE(sum(straight), 0), 'via_review', COALESCE(sum(via_review), 0))
               FROM r) AS tweets,
            (SELECT json_agg(percentiles) FROM percentiles) AS percentiles`,
    p.values,
  )
  const pct = new Map<string, PercentileRow>()
  for (const r of row?.percentiles ?? []) pct.set(`${groupKey(r)}|${r.metric}`, r)
  const pair = (key: string, metric: number): [number, number] | null => {
    const r = pct.get(`${key}|${metric}`)
    return r && r.p50 !== null && r.p90 !== null ? [Number(r.p50), Number(r.p90)] : null
  }
  const figures: FigureRow[] = []
  const resolved: ResolvedRow[] = []
  for (const f of row?.figures ?? []) {
    // Roll-up rows whose counts all went back to 0 stay behind: a group with nothing in it is no group.
    if (f.resolved > 0) resolved.push({ ...f, n: f.resolved })
    if (f.g_day === 0) continue
    // Groups only resolved in the range (opened earlier) have no cohort figures; the total always has.
    if (f.g_division + f.g_assignee < 2 && f.opened === 0) continue
    const key = groupKey(f)
    figures.push({ ...f, fr: pair(key, METRIC.firstResponse), res: pair(key, METRIC.resolution) })
  }
  return {
    cohort: {
      figures,
      daily: row?.daily ?? null,
      rules: row?.rules ?? null,
      tweets: row?.tweets ?? null,
    },
    resolved,
  }
}
