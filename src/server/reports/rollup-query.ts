// The summary's cohort figures read from the roll-ups (rollup.ts: days, seven-day blocks, months) instead of the
// facts: the same rows summary.ts would get from grievance_facts, so the rest of the
// summary does not know which it read. Counts are exact; medians and p90s come from the
// histograms (within PERCENTILE_TOLERANCE). The one time-dependent part, grievances whose
// SLA is undecided until their due time passes, is read from the facts through a small
// partial index (the open, undecided ones of the range).
import { LIMITS } from '../../shared/limits'
import type { Database } from '../db/database'
import { SqlParams, filterSql, type ReportSelection } from './query'
import {
  BY_OFFICER,
  FULL,
  GRAINS,
  METRIC,
  PENDING_SLA_WHERE,
  bucketValueSql,
  rollupTables,
  type Grain,
  type RollupVariant,
} from './rollup'
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

const MS_PER_DAY = 86_400_000
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`)
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)
/** The grains a range is planned with, coarsest first. */
export type Planner = readonly Grain[]
/** Every grain the saves keep: a year, a quarter, a month, a seven-day block, a day. */
export const PLANNER: Planner = [...GRAINS].reverse()
/** Migration 19's grains only (months, blocks, days): the bench's baseline for the coarser ones. */
export const MONTH_PLANNER: Planner = ['m', 'w', 'd']

/** The first day after the block of grain `grain` that starts on `day`, or null when no such block starts there. */
function blockEnd(day: string, grain: Grain): string | null {
  const d = new Date(dayMs(day))
  const dom = d.getUTCDate()
  const month = d.getUTCMonth()
  if (grain === 'd') return dayOf(d.getTime() + MS_PER_DAY)
  const monthsLater = (n: number) => dayOf(Date.UTC(d.getUTCFullYear(), month + n, 1))
  if (grain === 'w') {
    if ((dom - 1) % 7 !== 0) return null
    const week = dayOf(d.getTime() + 7 * MS_PER_DAY)
    return week < monthsLater(1) ? week : monthsLater(1)
  }
  if (dom !== 1) return null
  if (grain === 'm') return monthsLater(1)
  if (grain === 'q') return month % 3 === 0 ? monthsLater(3) : null
  return month === 0 ? monthsLater(12) : null
}

/**
 * The range as the fewest roll-up rows per key: from each day, the largest block (year,
 * quarter, month, seven-day block, day, as far as `planner` has them) that starts there
 * and ends within the range. Consecutive blocks of one grain are merged: [grain, first
 * day, first day after].
 */
export function wholeBlocks(from: string, to: string, planner: Planner = PLANNER): [Grain, string, string][] {
  const after = dayOf(dayMs(to) + MS_PER_DAY)
  const parts: [Grain, string, string][] = []
  for (let day = from; day < after;) {
    let grain: Grain = 'd'
    let end = blockEnd(day, 'd')!
    for (const g of planner) {
      const e = blockEnd(day, g)
      if (e !== null && e <= after) {
        grain = g
        end = e
        break
      }
    }
    const last = parts[parts.length - 1]
    if (last && last[0] === grain && last[2] === day) last[2] = end
    else parts.push([grain, day, end])
    day = end
  }
  return parts
}

/** The rows of a roll-up aliased `alias` that add up to the range, each part a range of its primary key (grain, day, …). */
function rangeSql(sel: ReportSelection, p: SqlParams, alias: string, planner: Planner): string {
  const parts = wholeBlocks(sel.query.from, sel.query.to, planner).map(
    ([grain, start, end]) =>
      `(${alias}.grain = '${grain}' AND ${alias}.day >= ${p.add(start)}::date AND ${alias}.day < ${p.add(end)}::date)`,
  )
  return `(${parts.join(' OR ')})`
}

/** Every day of the range, one row each (for the series). */
function daysSql(sel: ReportSelection, p: SqlParams, alias: string): string {
  return `${alias}.grain = 'd' AND ${alias}.day BETWEEN ${p.add(sel.query.from)}::date AND ${p.add(sel.query.to)}::date`
}

/** The smaller roll-ups answer when the filters are among their dimensions. */
function variantFor(sel: ReportSelection): RollupVariant {
  const q = sel.query
  return q.language === undefined && q.priority === undefined ? BY_OFFICER : FULL
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
  figures:
    | (Omit<FigureRow, 'fr' | 'res'> & {
        resolved: number
        g_day: number
        day: string | null
        straight: number
        via_review: number
      })[]
    | null
  daily: (NonNullable<CohortResult['daily']>[number] & { resolved: number })[] | null
  rules: CohortResult['rules']
  percentiles: PercentileRow[] | null
}

const groupKey = (r: { g_division: number; g_assignee: number; division: string | null; assignee: string | null }) =>
  `${r.g_division}|${r.g_assignee}|${r.division ?? '\u0000'}|${r.assignee ?? '\u0000'}`

/**
 * percentile_cont(p) from a histogram: the values at ranks floor(p·(N−1)) and ceil(p·(N−1))
 * (0-based, in bucket order), each read as its bucket's value, interpolated between.
 */
function percentilesSql(sel: ReportSelection, p: SqlParams, table: string, planner: Planner): string {
  const where = [rangeSql(sel, p, 't', planner), ...rollupFilterSql(sel, p, 't')].join(' AND ')
  return `
     -- Merged per officer first (one hash over the many roll-up rows), then the three groupings over that.
     h_officer AS (
       SELECT division, assignee, metric, bucket, sum(n) AS n FROM ${table} t WHERE ${where}
       GROUP BY division, assignee, metric, bucket),
     h AS (
       SELECT grouping(division) AS g_division, grouping(assignee) AS g_assignee, division, assignee, metric, bucket,
         sum(n) AS n
       FROM h_officer GROUP BY GROUPING SETS ((metric, bucket), (division, metric, bucket), (assignee, metric, bucket))),
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
  planner: Planner = PLANNER,
): Promise<{ cohort: CohortResult; resolved: ResolvedRow[] }> {
  const p = new SqlParams()
  const tables = rollupTables(variantFor(sel))
  const rollupWhere = [rangeSql(sel, p, 'r', planner), ...rollupFilterSql(sel, p)].join(' AND ')
  const daysWhere = [daysSql(sel, p, 'r'), ...rollupFilterSql(sel, p)].join(' AND ')
  const pendingWhere = [
    `f.opened_day BETWEEN ${p.add(sel.query.from)}::date AND ${p.add(sel.query.to)}::date`,
    ...filterSql(sel, p),
    PENDING_SLA_WHERE,
  ].join(' AND ')
  const asOf = p.add(sel.asOf.toISOString())
  const rulesWhere = [rangeSql(sel, p, 'r', planner), ...rollupFilterSql(sel, p)].join(' AND ')
  const percentiles = percentilesSql(sel, p, tables.times, planner)
  const counts = `r.opened, r.rejected, r.reopened, r.open_now, r.sla_met + r.sla_missed AS decided, r.sla_met AS met,
         r.straight, r.via_review, r.resolved`
  const [row] = await db.transaction(async (tx) => {
    // The planner's cost for a year of histograms crosses jit_above_cost, and compiling the
    // statement took a quarter of a second, longer than running it with the coarse grains.
    await tx.query(`SET LOCAL jit = off`)
    return tx.query<RollupResult>(
      `WITH pending AS MATERIALIZED (
       -- Undecided by the record, and their due time passed by asOf: decided, not met (slaMetSql).
       SELECT f.opened_day AS day, COALESCE(f.division, '') AS division, COALESCE(f.assignee, '') AS assignee,
         0 AS opened, 0 AS rejected, 0 AS reopened, 0 AS open_now, 1 AS decided, 0 AS met,
         0 AS straight, 0 AS via_review, 0 AS resolved
       FROM grievance_facts f WHERE ${pendingWhere} AND f.sla_due_at < ${asOf}::timestamptz),
     r AS (
       SELECT r.division, r.assignee, ${counts} FROM ${tables.counts} r WHERE ${rollupWhere}
       UNION ALL SELECT division, assignee, opened, rejected, reopened, open_now, decided, met, straight, via_review, resolved
       FROM pending),
     r_days AS (
       SELECT r.day, r.division, ${counts} FROM ${tables.counts} r WHERE ${daysWhere}
       UNION ALL SELECT day, division, opened, rejected, reopened, open_now, decided, met, straight, via_review, resolved
       FROM pending),
     figures AS (
       SELECT grouping(division) AS g_division, grouping(assignee) AS g_assignee, 1 AS g_day,
         NULLIF(division, '') AS division, NULLIF(assignee, '') AS assignee, NULL AS day,
         sum(opened)::int AS opened, sum(rejected)::int AS rejected, sum(reopened)::int AS reopened,
         sum(open_now)::int AS open_now, sum(decided)::int AS decided, sum(met)::int AS met,
         sum(resolved)::int AS resolved, sum(straight)::int AS straight, sum(via_review)::int AS via_review
       FROM r GROUP BY GROUPING SETS ((), (division), (assignee))),
     daily AS (
       SELECT grouping(division) AS g_division, to_char(day, 'YYYY-MM-DD') AS day, NULLIF(division, '') AS division,
         sum(opened)::int AS opened, sum(decided)::int AS decided, sum(met)::int AS met, sum(resolved)::int AS resolved
       FROM r_days GROUP BY GROUPING SETS ((day), (day, division))),
     rules AS (
       SELECT r.rule, sum(r.n)::int AS n FROM ${tables.rules} r WHERE ${rulesWhere}
       GROUP BY r.rule HAVING sum(r.n) > 0 ORDER BY n DESC, r.rule LIMIT ${LIMITS.reportTopRules}),
     ${percentiles}
     SELECT (SELECT json_agg(figures) FROM figures) AS figures,
            (SELECT json_agg(daily) FROM daily WHERE opened > 0 OR resolved > 0) AS daily,
            (SELECT json_agg(rules) FROM rules) AS rules,
            (SELECT json_agg(percentiles) FROM percentiles) AS percentiles`,
      p.values,
    )
  })
  const pct = new Map<string, PercentileRow>()
  for (const r of row?.percentiles ?? []) pct.set(`${groupKey(r)}|${r.metric}`, r)
  const pair = (key: string, metric: number): [number, number] | null => {
    const r = pct.get(`${key}|${metric}`)
    return r && r.p50 !== null && r.p90 !== null ? [Number(r.p50), Number(r.p90)] : null
  }
  const figures: FigureRow[] = []
  const resolved: ResolvedRow[] = []
  let tweets: CohortResult['tweets'] = null
  for (const f of row?.figures ?? []) {
    // Roll-up rows whose counts all went back to 0 stay behind: a group with nothing in it is no group.
    if (f.resolved > 0) resolved.push({ ...f, n: f.resolved })
    const total = f.g_division + f.g_assignee === 2
    if (total) tweets = { straight: f.straight, via_review: f.via_review }
    // Groups only resolved in the range (opened earlier) have no cohort figures; the total always has.
    if (!total && f.opened === 0) continue
    const key = groupKey(f)
    figures.push({ ...f, fr: pair(key, METRIC.firstResponse), res: pair(key, METRIC.resolution) })
  }
  const daily = row?.daily ?? []
  for (const d of daily)
    if (d.g_division === 1 && d.resolved > 0)
      resolved.push({
        g_division: 1,
        g_assignee: 1,
        g_day: 0,
        division: null,
        assignee: null,
        day: d.day,
        n: d.resolved,
      })
  return {
    // A day with only resolutions is no day of the cohort's series.
    cohort: { figures, daily: daily.filter((d) => d.opened > 0), rules: row?.rules ?? null, tweets },
    resolved,
  }
}
