// The summary's cohort figures read from the roll-ups (rollup.ts; the blocks chosen by
// range-plan.ts) instead of the facts: the same rows summary.ts would get from
// grievance_facts, so the rest of the summary does not know which it read. Counts are
// exact; medians and p90s come from the histograms (within PERCENTILE_TOLERANCE), merged
// per officer in SQL and read in histogram.ts. The one time-dependent part, grievances whose
// SLA is undecided until their due time passes, is read from the facts through a small
// partial index (the open, undecided ones of the range).
import { LIMITS } from '../../shared/limits'
import type { Database } from '../db/database'
import { addBuckets, histogramPercentile, type Histogram } from './histogram'
import { SqlParams, filterSql, type ReportSelection } from './query'
import { signedBlocks, wholeBlocks, type RangePart } from './range-plan'
import { BY_OFFICER, FULL, METRIC, PENDING_SLA_WHERE, rollupTables, type RollupVariant } from './rollup'
import type { CohortResult, DailyRow, FigureRow, ResolvedRow } from './summary'

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

/** How a range is read: signed blocks of every grain (the summary), or migration 19's months, blocks and days. */
export type Planner = 'signed' | 'months'

function planRange(from: string, to: string, planner: Planner): RangePart[] {
  if (planner === 'signed') return signedBlocks(from, to)
  return wholeBlocks(from, to).map(([grain, start, end]) => ({ grain, start, end, sign: 1 }))
}

/**
 * The rows of a roll-up aliased `alias` that add up to the range (each part a range of its
 * primary key: grain, day, …), and the sign each row counts with.
 */
function rangeSql(sel: ReportSelection, p: SqlParams, alias: string, planner: Planner) {
  const parts = planRange(sel.query.from, sel.query.to, planner).map((part) => ({
    sign: part.sign,
    sql: `(${alias}.grain = '${part.grain}' AND ${alias}.day >= ${p.add(part.start)}::date AND ${alias}.day < ${p.add(part.end)}::date)`,
  }))
  const taken = parts.filter((part) => part.sign < 0).map((part) => part.sql)
  return {
    where: `(${parts.map((part) => part.sql).join(' OR ')})`,
    sign: taken.length === 0 ? '1' : `CASE WHEN ${taken.join(' OR ')} THEN -1 ELSE 1 END`,
  }
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

/** One officer's (division, assignee) histogram of one metric over the range. */
interface HistogramRow {
  division: string
  assignee: string
  metric: number
  buckets: number[]
  counts: number[]
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
  daily: DivisionDayRow[] | null
  rules: CohortResult['rules']
  histograms: HistogramRow[] | null
}

/** One day and division of the range, as the roll-up statement returns it. */
type DivisionDayRow = Omit<DailyRow, 'g_division'> & { resolved: number }

/**
 * The series rows as the facts path groups them: each (day, division) and each day's
 * total (g_division 1), kept when something was opened or resolved. The totals are summed
 * over every (day, division) row before that filter, as GROUPING SETS ((day)) would.
 */
export function dailyWithTotals(rows: readonly DivisionDayRow[]): (DailyRow & { resolved: number })[] {
  const totals = new Map<string, DailyRow & { resolved: number }>()
  const result: (DailyRow & { resolved: number })[] = []
  for (const r of rows) {
    let t = totals.get(r.day)
    if (!t)
      totals.set(r.day, (t = { g_division: 1, day: r.day, division: null, opened: 0, decided: 0, met: 0, resolved: 0 }))
    t.opened += r.opened
    t.decided += r.decided
    t.met += r.met
    t.resolved += r.resolved
    result.push({ g_division: 0, ...r })
  }
  return [...result, ...totals.values()].filter((d) => d.opened > 0 || d.resolved > 0)
}

const groupKey = (r: { g_division: number; g_assignee: number; division: string | null; assignee: string | null }) =>
  `${r.g_division}|${r.g_assignee}|${r.division ?? '\u0000'}|${r.assignee ?? '\u0000'}`

/** Each officer's (division, assignee) buckets over the range, added up: the figures' histograms are merged from these. */
function histogramsSql(sel: ReportSelection, p: SqlParams, table: string, planner: Planner): string {
  const range = rangeSql(sel, p, 't', planner)
  const where = [range.where, ...rollupFilterSql(sel, p, 't')].join(' AND ')
  return `
     histograms AS (
       SELECT division, assignee, metric, array_agg(bucket) AS buckets, array_agg(n) AS counts
       FROM (SELECT division, assignee, metric, bucket, sum(n * ${range.sign})::int AS n FROM ${table} t WHERE ${where}
             GROUP BY division, assignee, metric, bucket HAVING sum(n) <> 0) h
       GROUP BY division, assignee, metric)`
}

/**
 * The medians and p90s of the total, each division and each officer (keyed as groupKey),
 * per metric, from the officers' histograms.
 */
function percentilesFrom(rows: readonly HistogramRow[]): Map<string, [number, number]> {
  const merged = new Map<string, Histogram>()
  const add = (key: string, r: HistogramRow) => {
    let h = merged.get(key)
    if (!h) merged.set(key, (h = new Map()))
    addBuckets(h, r.buckets, r.counts)
  }
  const none = { g_division: 1, g_assignee: 1, division: null, assignee: null }
  for (const r of rows) {
    add(`${groupKey(none)}|${r.metric}`, r)
    add(`${groupKey({ ...none, g_division: 0, division: r.division || null })}|${r.metric}`, r)
    add(`${groupKey({ ...none, g_assignee: 0, assignee: r.assignee || null })}|${r.metric}`, r)
  }
  const result = new Map<string, [number, number]>()
  for (const [key, h] of merged) {
    const p50 = histogramPercentile(h, 0.5)
    const p90 = histogramPercentile(h, 0.9)
    if (p50 !== null && p90 !== null) result.set(key, [p50, p90])
  }
  return result
}

/** The cohort's figures, series, rules and tweet counts, and the resolved counts, from the roll-ups. */
export async function rollupCohort(
  db: Database,
  sel: ReportSelection,
  planner: Planner = 'signed',
): Promise<{ cohort: CohortResult; resolved: ResolvedRow[] }> {
  const p = new SqlParams()
  const tables = rollupTables(variantFor(sel))
  const range = rangeSql(sel, p, 'r', planner)
  const rollupWhere = [range.where, ...rollupFilterSql(sel, p)].join(' AND ')
  const daysWhere = [daysSql(sel, p, 'r'), ...rollupFilterSql(sel, p)].join(' AND ')
  const pendingWhere = [
    `f.opened_day BETWEEN ${p.add(sel.query.from)}::date AND ${p.add(sel.query.to)}::date`,
    ...filterSql(sel, p),
    PENDING_SLA_WHERE,
  ].join(' AND ')
  const asOf = p.add(sel.asOf.toISOString())
  const histograms = histogramsSql(sel, p, tables.times, planner)
  const counts = (sign: string) =>
    [
      ...['opened', 'rejected', 'reopened', 'open_now'].map((c) => `r.${c} * ${sign} AS ${c}`),
      `(r.sla_met + r.sla_missed) * ${sign} AS decided`,
      `r.sla_met * ${sign} AS met`,
      ...['straight', 'via_review', 'resolved'].map((c) => `r.${c} * ${sign} AS ${c}`),
    ].join(', ')
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
       SELECT r.division, r.assignee, ${counts(range.sign)} FROM ${tables.counts} r WHERE ${rollupWhere}
       UNION ALL SELECT division, assignee, opened, rejected, reopened, open_now, decided, met, straight, via_review, resolved
       FROM pending),
     r_days AS (
       -- Only the four counts the series shows: a year is ~50,000 day rows at 100,000 grievances.
       SELECT r.day, r.division, r.opened, r.sla_met + r.sla_missed AS decided, r.sla_met AS met, r.resolved
       FROM ${tables.counts} r WHERE ${daysWhere}
       UNION ALL SELECT day, division, opened, decided, met, resolved FROM pending),
     figures AS (
       SELECT grouping(division) AS g_division, grouping(assignee) AS g_assignee, 1 AS g_day,
         NULLIF(division, '') AS division, NULLIF(assignee, '') AS assignee, NULL AS day,
         sum(opened)::int AS opened, sum(rejected)::int AS rejected, sum(reopened)::int AS reopened,
         sum(open_now)::int AS open_now, sum(decided)::int AS decided, sum(met)::int AS met,
         sum(resolved)::int AS resolved, sum(straight)::int AS straight, sum(via_review)::int AS via_review
       FROM r GROUP BY GROUPING SETS ((), (division), (assignee))),
     daily AS (
       -- By day and division only; the day totals are added up from these in memory (dailyWithTotals),
       -- which halves the aggregation of the range's day rows, the summary's largest read.
       SELECT to_char(day, 'YYYY-MM-DD') AS day, NULLIF(division, '') AS division,
         sum(opened)::int AS opened, sum(decided)::int AS decided, sum(met)::int AS met, sum(resolved)::int AS resolved
       FROM r_days GROUP BY day, division),
     rules AS (
       SELECT r.rule, sum(r.n * ${range.sign})::int AS n FROM ${tables.rules} r WHERE ${rollupWhere}
       GROUP BY r.rule HAVING sum(r.n) > 0 ORDER BY n DESC, r.rule LIMIT ${LIMITS.reportTopRules}),
     ${histograms}
     SELECT (SELECT json_agg(figures) FROM figures) AS figures,
            (SELECT json_agg(daily) FROM daily) AS daily,
            (SELECT json_agg(rules) FROM rules) AS rules,
            (SELECT json_agg(histograms) FROM histograms) AS histograms`,
      p.values,
    )
  })
  const pct = percentilesFrom(row?.histograms ?? [])
  const pair = (key: string, metric: number) => pct.get(`${key}|${metric}`) ?? null
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
  const daily = dailyWithTotals(row?.daily ?? [])
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
