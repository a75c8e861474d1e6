// The reports' contract: what supervisors and admins ask for (a range of days and a few
// filters) and what they get back (the summary, and two exports of the grievances behind
// it). The figures are computed on the server (src/server/reports) from a facts table,
// never by reading grievance documents per request.
import { z } from 'zod'
import { Priority } from './grievance'
import { LIMITS, safeString } from './limits'

export const REPORTS_PATHS = {
  /** Supervisors and admins: `?from=YYYY-MM-DD&to=YYYY-MM-DD[&division=&handle=&language=&priority=&officer=]`. */
  summary: '/api/v1/reports/summary',
  /** The grievances opened in the range, one row each, plus a summary sheet (audited). */
  grievancesXlsx: '/api/v1/reports/grievances.xlsx',
  /** The same rows as CSV: UTF-8 with BOM, RFC 4180 quoting, formulas defused (audited). */
  grievancesCsv: '/api/v1/reports/grievances.csv',
} as const

/**
 * Report days are calendar days in India Standard Time (UTC+05:30, no daylight saving):
 * a grievance opened at 23:00 UTC on the 1st counts on the 2nd, as the desk sees it.
 */
export const REPORT_DAY_OFFSET_MINUTES = 330

/** Backlog age buckets, in days: [0,1), [1,3), [3,7), [7,21), [21,∞). */
export const BACKLOG_BUCKETS = ['0-1d', '1-3d', '3-7d', '7-21d', '21d+'] as const
export const BacklogBucket = z.enum(BACKLOG_BUCKETS)
export type BacklogBucket = z.infer<typeof BacklogBucket>
/** Lower bound of each bucket, in days (same order as BACKLOG_BUCKETS). */
export const BACKLOG_BUCKET_START_DAYS = [0, 1, 3, 7, 21] as const

/** X API prices in US dollars unless the budget configuration says otherwise. */
export const DEFAULT_X_PRICES = { readUsd: 0.005, postUsd: 0.015 } as const

const DAY = /^\d{4}-\d{2}-\d{2}$/
const MS_PER_DAY = 86_400_000

/** Milliseconds since the epoch of a `YYYY-MM-DD` day's UTC midnight, or NaN when it is no real date. */
export function dayStartUtcMs(day: string): number {
  if (!DAY.test(day)) return Number.NaN
  const ms = Date.parse(`${day}T00:00:00Z`)
  // Date.parse rolls 2026-02-30 over to March 2: a real day prints back the same.
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === day ? ms : Number.NaN
}

/** How many days from `from` to `to`, both included. */
export function daysInRange(from: string, to: string): number {
  return Math.round((dayStartUtcMs(to) - dayStartUtcMs(from)) / MS_PER_DAY) + 1
}

/** The report day (IST) an instant falls on. */
export function reportDayOf(at: string | Date): string {
  const ms = (typeof at === 'string' ? Date.parse(at) : at.getTime()) + REPORT_DAY_OFFSET_MINUTES * 60_000
  return new Date(ms).toISOString().slice(0, 10)
}

const Day = safeString(10).refine((d) => Number.isFinite(dayStartUtcMs(d)), {
  message: 'must be a date as YYYY-MM-DD',
})

/** Optional filter value; an empty string (an untouched select) means no filter. */
const Filter = (max: number) =>
  safeString(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v))

export const ReportQuery = z
  .object({
    from: Day,
    to: Day,
    division: Filter(LIMITS.nameChars),
    /** The handle a grievance came in through (username, no @). */
    handle: Filter(LIMITS.nameChars),
    /** The source tweet's language as X detected it (en, hi, und…). */
    language: Filter(LIMITS.languageChars),
    priority: z
      .union([Priority, z.literal('')])
      .optional()
      .transform((v) => (v === '' ? undefined : v)),
    /** The assignee's username. */
    officer: Filter(LIMITS.nameChars),
  })
  .superRefine((q, issue) => {
    const days = daysInRange(q.from, q.to)
    if (days < 1) issue.addIssue({ code: 'custom', path: ['to'], message: '`to` must not be before `from`' })
    else if (days > LIMITS.reportRangeDays)
      issue.addIssue({
        code: 'custom',
        path: ['to'],
        message: `a report covers at most ${LIMITS.reportRangeDays} days (this range has ${days})`,
      })
  })
export type ReportQuery = z.infer<typeof ReportQuery>
/** As sent in the address: every value a string. */
export type ReportQueryInput = z.input<typeof ReportQuery>

const Seconds = z.number().nonnegative().nullable()
const Share = z.number().min(0).max(1).nullable()
const Count = z.number().int().nonnegative()

/**
 * The figures reported for the whole range, for each division and for each officer.
 * Cohort: the grievances opened in the range (and matching the filters). Times are in
 * seconds, null when nothing in the cohort has one yet; `slaMetShare` is over the
 * grievances whose SLA is decided (met, or breached), null when none is.
 */
export const ReportFigures = z.object({
  grievancesOpened: Count,
  /** Grievances resolved within the range (whenever they were opened): the sum of the series' `resolved`. */
  grievancesResolved: Count,
  /** Of the cohort: rejected as not actionable. */
  grievancesRejected: Count,
  /** Of the cohort: reopened at least once by the citizen writing again. */
  grievancesReopened: Count,
  firstResponseMedianSeconds: Seconds,
  firstResponseP90Seconds: Seconds,
  resolutionMedianSeconds: Seconds,
  resolutionP90Seconds: Seconds,
  slaMetShare: Share,
  /** Grievances of the cohort whose SLA is decided: the denominator of slaMetShare. */
  slaDecided: Count,
})
export type ReportFigures = z.infer<typeof ReportFigures>

export const DivisionFigures = ReportFigures.extend({
  /** Division id; null for grievances not routed to any division. */
  division: z.string().nullable(),
  name: z.string().nullable(),
  nameHi: z.string().nullable(),
})
export type DivisionFigures = z.infer<typeof DivisionFigures>

export const OfficerFigures = ReportFigures.extend({
  /** The assignee's username. Unassigned grievances are not in this table. */
  officer: z.string(),
  /** Of the cohort assigned to them: still open now. */
  open: Count,
})
export type OfficerFigures = z.infer<typeof OfficerFigures>

export const ReportSummary = z.object({
  from: z.string(),
  to: z.string(),
  /** When the figures were computed (ISO time); the backlog is counted at min(this, end of `to`). */
  generatedAt: z.string(),
  /** The filters that applied, after the supervisor's scope. */
  filters: z.object({
    division: z.string().optional(),
    handle: z.string().optional(),
    language: z.string().optional(),
    priority: Priority.optional(),
    officer: z.string().optional(),
  }),
  /**
   * Tweets ingestion saw in the range. `received` and `ignored` are ingestion-wide (an
   * ignored tweet belongs to no division, so no filter applies to them); `actionable`
   * and `review` are grievances of the cohort and follow the filters.
   */
  tweets: z.object({
    /** Every tweet a source delivered (mentions, search, stream, follow-ups), once each. */
    received: Count,
    /** Became tickets straight away (ticket band). */
    actionable: Count,
    /** Waited for a person's decision (review band), whatever was decided. */
    review: Count,
    /** Kept as not grievances (ignore band, retweets, spam…). */
    ignored: Count,
  }),
  ...ReportFigures.shape,
  byDivision: z.array(DivisionFigures),
  byOfficer: z.array(OfficerFigures).max(LIMITS.reportOfficers),
  /** Still open at the end of the range, by how long they had been open. */
  backlog: z.array(z.object({ bucket: BacklogBucket, count: Count })),
  /** The keyword rules that matched most grievances of the cohort. */
  topRules: z.array(z.object({ rule: z.string(), grievances: Count })).max(LIMITS.reportTopRules),
  /** X API spend in the range: posts read by ingestion and posts we published. */
  cost: z.object({
    reads: Count,
    posts: Count,
    readUsd: z.number().nonnegative(),
    postUsd: z.number().nonnegative(),
    totalUsd: z.number().nonnegative(),
    /** totalUsd / grievancesOpened; null with no grievance. */
    perGrievanceUsd: z.number().nonnegative().nullable(),
    prices: z.object({ readUsd: z.number().nonnegative(), postUsd: z.number().nonnegative() }),
  }),
  /** One point per day of the range (days without grievances included, as zeros). */
  series: z.object({
    daily: z.array(z.object({ day: z.string(), opened: Count, resolved: Count })),
    /** Per day and division: grievances opened that day whose SLA is decided, and the share met. */
    slaByDivision: z.array(
      z.object({ day: z.string(), division: z.string().nullable(), decided: Count, slaMetShare: Share }),
    ),
  }),
})
export type ReportSummary = z.infer<typeof ReportSummary>

/** Columns of both exports, in order (the CSV header row and the XLSX sheet's first row). */
export const EXPORT_COLUMNS = [
  'ticket',
  'opened',
  'division',
  'divisionName',
  'divisionNameHi',
  'handle',
  'language',
  'priority',
  'status',
  'assignee',
  'firstResponse',
  'resolved',
  'slaMet',
  'breachedAt',
  'citizen',
  'tweetLink',
  'text',
] as const
export type ExportColumn = (typeof EXPORT_COLUMNS)[number]
