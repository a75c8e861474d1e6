// The SLA section's form: the policy as an admin types it (numbers as text, the at-risk share
// in per cent, a division's override empty where it follows the organisation) and back to a
// policy the shared contract accepts. Validation is the contract's own (SlaPolicy and
// slaPolicyProblems, the same the server runs on save); its issues come back keyed by the
// policy path of the field they belong to, with a code the screen words in either language.
import { PRIORITIES, type Priority, type SlaClock } from '../../../../../shared/grievance'
import {
  DEFAULT_SLA_TARGETS,
  dueTimes,
  resolveSlaPolicy,
  SlaPolicy,
  slaPolicyProblems,
  targetFor,
  type Holiday,
} from '../../../../../shared/sla'

export interface TargetDraft {
  firstResponseHours: string
  resolutionHours: string
  clock: SlaClock
}

/** A division's override: '' in a field = the organisation's value. */
export interface OverrideDraft {
  firstResponseHours: string
  resolutionHours: string
  clock: SlaClock | ''
}

export interface SlaDraft {
  id: string
  /** The version of the policy the draft started from (saving makes the next). */
  version: number
  targets: Record<Priority, TargetDraft>
  divisions: Record<string, Record<Priority, OverrideDraft>>
  maxResolutionDays: string
  interimReplyHours: string
  atRiskPercent: string
  supervisorAfterHours: string
  divisionHeadAfterHours: string
  timeZone: string
  /** '' = the offset known for the time zone. */
  utcOffsetMinutes: string
  workingDays: number[]
  dayStart: string
  dayEnd: string
  /** The organisation's own list instead of the central-government one. */
  ownHolidays: boolean
  holidays: Holiday[]
  extraHolidays: Holiday[]
}

/** Words for a problem: the screen's catalogue has one text per code. */
export type SlaProblemCode =
  | 'number'
  | 'above'
  | 'atLeast'
  | 'below'
  | 'atMost'
  | 'whole'
  | 'percent'
  | 'time'
  | 'date'
  | 'name'
  | 'workingDays'
  | 'offsetRequired'
  | 'dayOrder'
  | 'escalationOrder'
  | 'unknownDivision'
  | 'firstAfterResolution'
  | 'duplicateHoliday'
  | 'tooMany'
  | 'invalid'

export interface FieldProblem {
  /** The policy path of the field ("targets.high.resolutionHours", "calendar.dayEnd"). */
  path: string
  code: SlaProblemCode
  limit?: number
}

const text = (n: number | undefined): string => (n === undefined ? '' : String(n))
const emptyOverride = (): OverrideDraft => ({ firstResponseHours: '', resolutionHours: '', clock: '' })

export function draftFromPolicy(policy: SlaPolicy, divisionIds: readonly string[]): SlaDraft {
  const c = policy.calendar
  const targets = Object.fromEntries(
    PRIORITIES.map((p) => {
      const t = targetFor(policy, p, null)
      return [
        p,
        { firstResponseHours: text(t.firstResponseHours), resolutionHours: text(t.resolutionHours), clock: t.clock },
      ]
    }),
  ) as Record<Priority, TargetDraft>
  // Every division of the org gets a row, and so does one the policy names that no longer exists
  // (so the admin sees the problem and can clear it).
  const ids = [...new Set([...divisionIds, ...Object.keys(policy.divisions)])]
  const divisions = Object.fromEntries(
    ids.map((d) => [
      d,
      Object.fromEntries(
        PRIORITIES.map((p) => {
          const own = policy.divisions[d]?.[p]
          return [
            p,
            own
              ? {
                  firstResponseHours: text(own.firstResponseHours),
                  resolutionHours: text(own.resolutionHours),
                  clock: own.clock ?? '',
                }
              : emptyOverride(),
          ]
        }),
      ) as Record<Priority, OverrideDraft>,
    ]),
  )
  return {
    id: policy.id,
    version: policy.version,
    targets,
    divisions,
    maxResolutionDays: text(policy.maxResolutionDays),
    interimReplyHours: text(policy.interimReplyHours),
    // Rounded for people: 0.75 → "75", not "75.00000000000001".
    atRiskPercent: text(Math.round(policy.atRiskFraction * 10_000) / 100),
    supervisorAfterHours: text(policy.escalation.supervisorAfterHours),
    divisionHeadAfterHours: text(policy.escalation.divisionHeadAfterHours),
    timeZone: c.timeZone,
    utcOffsetMinutes: text(c.utcOffsetMinutes),
    workingDays: [...c.workingDays].sort((a, b) => a - b),
    dayStart: c.dayStart,
    dayEnd: c.dayEnd,
    ownHolidays: c.holidays !== undefined,
    holidays: c.holidays ?? [],
    extraHolidays: c.extraHolidays,
  }
}

/** A typed number: '' and words are not numbers (Number('') would be 0); a decimal comma is a point. */
function number(value: string): number {
  const t = value.trim().replace(',', '.')
  return t === '' ? Number.NaN : Number(t)
}

function override(d: OverrideDraft): Partial<TargetDraft> | undefined {
  const out: Record<string, unknown> = {}
  if (d.firstResponseHours.trim() !== '') out.firstResponseHours = number(d.firstResponseHours)
  if (d.resolutionHours.trim() !== '') out.resolutionHours = number(d.resolutionHours)
  if (d.clock !== '') out.clock = d.clock
  return Object.keys(out).length > 0 ? (out as Partial<TargetDraft>) : undefined
}

/** What the draft says, before the contract has looked at it. */
function candidate(draft: SlaDraft): Record<string, unknown> {
  const divisions: Record<string, Record<string, unknown>> = {}
  for (const [d, byPriority] of Object.entries(draft.divisions)) {
    const own = Object.fromEntries(
      PRIORITIES.map((p) => [p, override(byPriority[p])]).filter(([, v]) => v !== undefined),
    )
    if (Object.keys(own).length > 0) divisions[d] = own
  }
  return {
    id: draft.id,
    version: draft.version + 1,
    calendar: {
      timeZone: draft.timeZone.trim(),
      ...(draft.utcOffsetMinutes.trim() === '' ? {} : { utcOffsetMinutes: number(draft.utcOffsetMinutes) }),
      workingDays: [...new Set(draft.workingDays)].sort((a, b) => a - b),
      dayStart: draft.dayStart,
      dayEnd: draft.dayEnd,
      ...(draft.ownHolidays ? { holidays: draft.holidays } : {}),
      extraHolidays: draft.extraHolidays,
    },
    targets: Object.fromEntries(
      PRIORITIES.map((p) => [
        p,
        {
          firstResponseHours: number(draft.targets[p].firstResponseHours),
          resolutionHours: number(draft.targets[p].resolutionHours),
          clock: draft.targets[p].clock,
        },
      ]),
    ),
    divisions,
    maxResolutionDays: number(draft.maxResolutionDays),
    interimReplyHours: number(draft.interimReplyHours),
    atRiskFraction: number(draft.atRiskPercent) / 100,
    escalation: {
      supervisorAfterHours: number(draft.supervisorAfterHours),
      divisionHeadAfterHours: number(draft.divisionHeadAfterHours),
    },
  }
}

interface ZodIssueLike {
  code: string
  path: PropertyKey[]
  minimum?: unknown
  maximum?: unknown
  inclusive?: boolean
  origin?: string
  format?: string
  expected?: string
  params?: { code?: string }
}

function problemOf(issue: ZodIssueLike): FieldProblem {
  const path = issue.path.map(String).join('.')
  const custom = issue.params?.code
  if (custom) return { path, code: custom as SlaProblemCode }
  if (path === 'atRiskFraction') return { path, code: 'percent' }
  if (/\.name$/.test(path)) return { path, code: 'name' }
  if (path === 'calendar.workingDays') return { path, code: 'workingDays' }
  if (/calendar\.(holidays|extraHolidays)$/.test(path)) return { path, code: 'tooMany', limit: Number(issue.maximum) }
  switch (issue.code) {
    case 'invalid_type':
      // Zod 4 reports a fraction where a whole number is wanted as invalid_type "int".
      return { path, code: issue.expected === 'int' ? 'whole' : 'number' }
    case 'invalid_format':
      return { path, code: /\.date$/.test(path) ? 'date' : 'time' }
    case 'too_small':
      return { path, code: issue.inclusive ? 'atLeast' : 'above', limit: Number(issue.minimum) }
    case 'too_big':
      return { path, code: issue.inclusive ? 'atMost' : 'below', limit: Number(issue.maximum) }
    default:
      return { path, code: 'invalid' }
  }
}

export type DraftResult = { policy: SlaPolicy; problems: [] } | { policy: null; problems: FieldProblem[] }

/** The policy the draft describes (the next version of the one it started from), or its problems by field. */
export function draftToPolicy(draft: SlaDraft, divisionIds: readonly string[]): DraftResult {
  const parsed = SlaPolicy.safeParse(candidate(draft))
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => problemOf(i as ZodIssueLike))
    // One problem per field is enough to act on.
    const seen = new Set<string>()
    return { policy: null, problems: problems.filter((p) => !seen.has(p.path) && seen.add(p.path)) }
  }
  const crossChecks = slaPolicyProblems(parsed.data, divisionIds)
  if (crossChecks.length > 0)
    return { policy: null, problems: crossChecks.map((p) => ({ path: p.path, code: p.code })) }
  return { policy: parsed.data, problems: [] }
}

/** The first problem of a field, if any. */
export function problemAt(problems: readonly FieldProblem[], path: string): FieldProblem | undefined {
  return problems.find((p) => p.path === path)
}

export interface DuePreview {
  priority: Priority
  clock: SlaClock
  firstResponseDueAt: string
  resolutionDueAt: string
}

/** "A grievance opened now with priority X is due at …", by the shared engine (the server's arithmetic). */
export function previewDueTimes(
  policy: SlaPolicy,
  defaultHolidays: readonly Holiday[],
  now: number,
  division: string | null,
): DuePreview[] {
  const resolved = resolveSlaPolicy(policy, defaultHolidays)
  return PRIORITIES.map((priority) => ({ priority, ...dueTimes(resolved, { priority, division }, now) }))
}

/** Targets as the CPGRAMS defaults have them (the "start from the defaults" button). */
export function defaultPolicy(): SlaPolicy {
  return SlaPolicy.parse({ targets: DEFAULT_SLA_TARGETS })
}
