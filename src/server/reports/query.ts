// What one report request selects: the range as instants, the filters as SQL over
// grievance_facts, and the viewer's scope. Shared by the summary and the exports so both
// always count the same grievances.
import { REPORT_DAY_OFFSET_MINUTES, dayStartUtcMs, type ReportQuery } from '../../shared/reports'
import type { SqlParam } from '../db/database'
import { HttpError } from '../http/errors'
import { ORG_WIDE } from '../scope'
import type { StaffUser } from '../auth/users'

const MS_PER_DAY = 86_400_000

/** Positional parameters collected while the SQL is written. */
export class SqlParams {
  readonly values: SqlParam[] = []
  add(value: SqlParam): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

export interface ReportSelection {
  query: ReportQuery
  /** Divisions the viewer may report on; null = the whole organisation. */
  divisions: readonly string[] | null
  /** First instant of `from` and first instant after `to`, in IST. */
  start: Date
  end: Date
  /** The backlog and open-SLA instant: the end of the range, or now when that is sooner. */
  asOf: Date
}

/**
 * The viewer's selection. A supervisor reports on their divisions (ORG_WIDE: all); asking
 * for a division outside them is a 403, not an empty report that looks like good news.
 */
export function reportSelection(user: StaffUser, query: ReportQuery, now: Date = new Date()): ReportSelection {
  const divisions = user.role === 'admin' || user.divisions.includes(ORG_WIDE) ? null : user.divisions
  if (divisions !== null && query.division !== undefined && !divisions.includes(query.division))
    throw new HttpError(403, 'forbidden', `Division ${query.division} is not among the divisions you supervise`)
  const offset = REPORT_DAY_OFFSET_MINUTES * 60_000
  const start = new Date(dayStartUtcMs(query.from) - offset)
  const end = new Date(dayStartUtcMs(query.to) + MS_PER_DAY - offset)
  return { query, divisions, start, end, asOf: new Date(Math.min(end.getTime(), now.getTime())) }
}

/** Conditions of the filters and the scope (not the range), over grievance_facts aliased `f`. */
export function filterSql(sel: ReportSelection, p: SqlParams): string[] {
  const q = sel.query
  const where: string[] = []
  if (q.division !== undefined) where.push(`f.division = ${p.add(q.division)}`)
  if (q.handle !== undefined) where.push(`lower(f.handle) = lower(${p.add(q.handle)})`)
  if (q.language !== undefined) where.push(`f.language = ${p.add(q.language)}`)
  if (q.priority !== undefined) where.push(`f.priority = ${p.add(q.priority)}`)
  if (q.officer !== undefined) where.push(`f.assignee = ${p.add(q.officer)}`)
  if (sel.divisions !== null) where.push(`f.division = ANY(${p.add([...sel.divisions])}::text[])`)
  return where
}

/** Grievances opened in the range and matching the filters (every band). */
export function openedInRangeSql(sel: ReportSelection, p: SqlParams): string {
  return [
    `f.opened_day BETWEEN ${p.add(sel.query.from)}::date AND ${p.add(sel.query.to)}::date`,
    ...filterSql(sel, p),
  ].join(' AND ')
}

/**
 * Whether the SLA was met: false once breached (the SLA record says when), true when the
 * record says met or it was resolved by the due time, false when the due time passed with
 * it still open; undecided (NULL) otherwise and for rejected grievances.
 */
export function slaMetSql(asOfParam: string): string {
  return `CASE WHEN f.status = 'rejected' THEN NULL
    WHEN f.breached_at IS NOT NULL THEN FALSE
    WHEN f.sla_state = 'met' THEN TRUE
    WHEN f.resolved_at IS NOT NULL THEN f.resolved_at <= f.sla_due_at
    WHEN f.sla_due_at < ${asOfParam}::timestamptz THEN FALSE
    ELSE NULL END`
}
