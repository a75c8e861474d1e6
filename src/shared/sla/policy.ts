// The SLA policy: the working calendar, targets per priority (and per division) for the
// first response and the resolution, CPGRAMS limits, at-risk and escalation settings.
// Optional in an org file (`slaPolicy`); without it the org's old `sla` hours apply as
// before: resolution that many wall-clock hours after the tweet (see legacySlaPolicy).
import { z } from 'zod'
import { PRIORITIES, Priority, SlaClock } from '../grievance'
import { businessClock, minuteOfDay, ROUND_THE_CLOCK, type SlaClockArithmetic } from './calendar'

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/
const TimeOfDay = z.string().regex(TIME_OF_DAY, { message: 'a time of day as HH:MM' })
/** A calendar date that exists (2026-02-30 does not): the admin screen pastes whole years. */
export function isCalendarDate(text: string): boolean {
  const at = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text
}
const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date as YYYY-MM-DD' })
  .refine(isCalendarDate, { message: 'not a date on the calendar', params: { code: 'date' } })
/** Hours of counted time; a year of business hours at most. */
const Hours = z
  .number()
  .positive()
  .max(24 * 366)

/** A holiday's name (the DoPT list's longest is about 60 characters). */
export const HOLIDAY_NAME_CHARS = 200
/** Holidays in one list (own or extra): decades of closures. */
export const HOLIDAYS_MAX = 1_000

export const Holiday = z.object({
  date: LocalDate,
  name: z.string().trim().min(1).max(HOLIDAY_NAME_CHARS),
  /** Not yet notified by the government: the date is the expected one. */
  provisional: z.boolean().optional(),
})
export type Holiday = z.infer<typeof Holiday>

/** Zones without daylight saving, by name: their offset is fixed. Others give utcOffsetMinutes. */
export const FIXED_OFFSET_ZONES: Readonly<Record<string, number>> = {
  'Asia/Kolkata': 330,
  'Asia/Calcutta': 330,
  'Asia/Kathmandu': 345,
  'Asia/Dhaka': 360,
  'Asia/Colombo': 330,
  UTC: 0,
}

export const SlaCalendarConfig = z
  .object({
    /** A label for people; the arithmetic uses utcOffsetMinutes (daylight saving is not supported). */
    timeZone: z.string().max(64).default('Asia/Kolkata'),
    utcOffsetMinutes: z
      .number()
      .int()
      .min(-12 * 60)
      .max(14 * 60)
      .optional(),
    /** 0 = Sunday … 6 = Saturday. Central government offices: Monday to Friday. */
    workingDays: z.array(z.number().int().min(0).max(6)).min(1).max(7).default([1, 2, 3, 4, 5]),
    dayStart: TimeOfDay.default('09:00'),
    dayEnd: TimeOfDay.default('17:30'),
    /** The organisation's own holidays; absent = India's gazetted central-government holidays. */
    holidays: z.array(Holiday).max(HOLIDAYS_MAX).optional(),
    /** Extra closed days on top of the default list (state holidays, local closures). */
    extraHolidays: z.array(Holiday).max(HOLIDAYS_MAX).default([]),
  })
  // Paths and codes name the field, so the admin screen shows each problem beside it.
  .refine((c) => c.utcOffsetMinutes !== undefined || c.timeZone in FIXED_OFFSET_ZONES, {
    message: 'utcOffsetMinutes is required for a time zone not known to have a fixed offset',
    path: ['utcOffsetMinutes'],
    params: { code: 'offsetRequired' },
  })
  // Compared only when both are times: a malformed one is its own issue, not an exception.
  .refine(
    (c) =>
      !TIME_OF_DAY.test(c.dayStart) || !TIME_OF_DAY.test(c.dayEnd) || minuteOfDay(c.dayEnd) > minuteOfDay(c.dayStart),
    {
      message: 'dayEnd must be after dayStart',
      path: ['dayEnd'],
      params: { code: 'dayOrder' },
    },
  )
export type SlaCalendarConfig = z.infer<typeof SlaCalendarConfig>

export const SlaTarget = z.object({
  /** Counted hours to a person's first public reply. */
  firstResponseHours: Hours,
  /** Counted hours to resolution (never more than maxResolutionDays calendar days). */
  resolutionHours: Hours,
  clock: SlaClock.default('business'),
})
export type SlaTarget = z.infer<typeof SlaTarget>
/**
 * A target that changes some fields and inherits the rest. Not SlaTarget.partial(): that keeps
 * the clock's default, so an override of the hours alone would silently move a round-the-clock
 * priority (critical) onto working hours.
 */
const PartialTarget = z.object({
  firstResponseHours: Hours.optional(),
  resolutionHours: Hours.optional(),
  clock: SlaClock.optional(),
})

/** CPGRAMS-like defaults on a 8½-hour working day: critical work runs round the clock. */
export const DEFAULT_SLA_TARGETS: Record<Priority, SlaTarget> = {
  critical: { firstResponseHours: 1, resolutionHours: 24, clock: '24x7' },
  high: { firstResponseHours: 4, resolutionHours: 3 * 8.5, clock: 'business' },
  normal: { firstResponseHours: 8.5, resolutionHours: 7 * 8.5, clock: 'business' },
  low: { firstResponseHours: 2 * 8.5, resolutionHours: 15 * 8.5, clock: 'business' },
}

export const SlaPolicy = z.object({
  /** Named in each grievance's record (g.sla.policy) with the version below. */
  id: z.string().max(64).default('cpgrams'),
  version: z.number().int().min(1).default(1),
  calendar: SlaCalendarConfig.prefault({}),
  targets: z
    .object({
      critical: PartialTarget.optional(),
      high: PartialTarget.optional(),
      normal: PartialTarget.optional(),
      low: PartialTarget.optional(),
    })
    .default({}),
  /** Per division id: targets that differ from the organisation's. */
  divisions: z
    .record(
      z.string().max(64),
      z.object({
        critical: PartialTarget.optional(),
        high: PartialTarget.optional(),
        normal: PartialTarget.optional(),
        low: PartialTarget.optional(),
      }),
    )
    .default({}),
  /** CPGRAMS: a grievance is disposed of within 21 days at most (calendar days). */
  maxResolutionDays: z.number().int().min(1).max(366).default(21),
  /** Once the resolution target passes unmet, an interim reply (reason, expected date) is due within this many counted hours. */
  interimReplyHours: Hours.default(8.5),
  /** At risk once this share of a target's counted time is used. */
  atRiskFraction: z.number().gt(0).lt(1).default(0.75),
  /** Counted hours after a breach before it goes to the supervisor (1) and the division head (2). */
  escalation: z
    .object({
      supervisorAfterHours: Hours.default(4),
      divisionHeadAfterHours: Hours.default(17),
    })
    .refine((e) => e.divisionHeadAfterHours > e.supervisorAfterHours, {
      message: 'divisionHeadAfterHours must be after supervisorAfterHours',
      path: ['divisionHeadAfterHours'],
      params: { code: 'escalationOrder' },
    })
    .prefault({}),
})
export type SlaPolicy = z.infer<typeof SlaPolicy>
export type SlaPolicyInput = z.input<typeof SlaPolicy>

/** A policy ready for arithmetic: holidays resolved, both clocks built. */
export interface ResolvedSlaPolicy {
  policy: SlaPolicy
  /** The name stamped on records: "<id>@<version>". */
  name: string
  clocks: Record<SlaClock, SlaClockArithmetic>
}

/**
 * Compiles a policy. `defaultHolidays` is the list used when the policy gives none
 * (the server reads resources/holidays/india-central.json).
 */
export function resolveSlaPolicy(policy: SlaPolicy, defaultHolidays: readonly Holiday[] = []): ResolvedSlaPolicy {
  const c = policy.calendar
  const holidays = [...(c.holidays ?? defaultHolidays), ...c.extraHolidays]
  const business = businessClock({
    utcOffsetMinutes: c.utcOffsetMinutes ?? FIXED_OFFSET_ZONES[c.timeZone] ?? 0,
    workingDays: c.workingDays,
    dayStartMinute: minuteOfDay(c.dayStart),
    dayEndMinute: minuteOfDay(c.dayEnd),
    holidays: new Set(holidays.map((h) => h.date)),
  })
  return { policy, name: `${policy.id}@${policy.version}`, clocks: { business, '24x7': ROUND_THE_CLOCK } }
}

/** The target for a grievance's priority in its division: division over organisation over defaults. */
export function targetFor(policy: SlaPolicy, priority: Priority, division: string | null): SlaTarget {
  const own = division ? policy.divisions[division]?.[priority] : undefined
  return { ...DEFAULT_SLA_TARGETS[priority], ...stripUndefined(policy.targets[priority]), ...stripUndefined(own) }
}

function stripUndefined<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {}
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

/**
 * An org file without `slaPolicy`: its `sla` hours stay the resolution targets on the
 * wall clock (as before the SLA engine), so existing deployments see the same due times.
 * The first response is due within a quarter of that, at most the default's hours.
 */
export function legacySlaPolicy(hours: Partial<Record<Priority, number>>): SlaPolicy {
  const targets = Object.fromEntries(
    PRIORITIES.map((p) => {
      const resolutionHours = hours[p] ?? 72
      return [
        p,
        {
          resolutionHours,
          firstResponseHours: Math.min(DEFAULT_SLA_TARGETS[p].firstResponseHours, resolutionHours / 4),
          clock: '24x7' as const,
        },
      ]
    }),
  )
  // No calendar cap beyond the hours given: the old behaviour had none.
  return SlaPolicy.parse({ id: 'legacy-hours', targets, maxResolutionDays: 366 })
}
