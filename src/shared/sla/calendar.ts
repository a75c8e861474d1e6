// Business-time arithmetic on a working calendar, and the round-the-clock clock used for
// critical work. Pure arithmetic on UTC milliseconds and a fixed UTC offset: no Intl, no
// host time zone, so the server, the desk and a test runner in any zone agree to the
// millisecond. A fixed offset is exact for India (IST has had no daylight saving since
// 1945); a zone with daylight saving is not supported (policy.ts says so).

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
/** A calendar with no working day in this many days is a configuration error, not a loop. */
const MAX_SEARCH_DAYS = 5 * 366

export interface WorkingCalendar {
  /** Local time = UTC + this (Asia/Kolkata: 330). */
  utcOffsetMinutes: number
  /** Working weekdays, 0 = Sunday … 6 = Saturday, in local time. */
  workingDays: readonly number[]
  /** Minutes after local midnight the working day starts and ends (09:00 = 540). */
  dayStartMinute: number
  dayEndMinute: number
  /** Local dates (YYYY-MM-DD) that are not worked: gazetted holidays. */
  holidays: ReadonlySet<string>
}

/** How time is counted towards a target. */
export interface SlaClockArithmetic {
  readonly kind: 'business' | '24x7'
  /** The instant `ms` of counted time after `from`. */
  add(from: number, ms: number): number
  /** Counted time between two instants (0 when `to` is not after `from`). */
  between(from: number, to: number): number
  /** Whether the instant is counted time (reminders are only sent then). */
  isWorking(at: number): boolean
  /** The first counted instant at or after `at`. */
  nextWorkingStart(at: number): number
}

export const ROUND_THE_CLOCK: SlaClockArithmetic = {
  kind: '24x7',
  add: (from, ms) => from + Math.max(0, ms),
  between: (from, to) => Math.max(0, to - from),
  isWorking: () => true,
  nextWorkingStart: (at) => at,
}

/** "09:30" → 570. */
export function minuteOfDay(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text)
  if (!match) throw new Error(`Not a time of day (HH:MM): ${text}`)
  const minutes = Number(match[1]) * 60 + Number(match[2])
  if (Number(match[2]) > 59 || minutes > 24 * 60) throw new Error(`Not a time of day (HH:MM): ${text}`)
  return minutes
}

/** The local calendar date of a local day number (days since 1970-01-01), as YYYY-MM-DD. */
function dateOfDay(day: number): string {
  // toISOString is UTC by definition: no host zone involved.
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function businessClock(calendar: WorkingCalendar): SlaClockArithmetic {
  const offsetMs = calendar.utcOffsetMinutes * MINUTE_MS
  const startMs = calendar.dayStartMinute * MINUTE_MS
  const endMs = calendar.dayEndMinute * MINUTE_MS
  if (endMs <= startMs) throw new Error('The working day must end after it starts')
  const weekdays = new Set(calendar.workingDays)
  if (weekdays.size === 0) throw new Error('A working calendar needs at least one working day')

  const localDay = (at: number): number => Math.floor((at + offsetMs) / DAY_MS)
  // 1970-01-01 was a Thursday (4).
  const isWorkingDay = (day: number): boolean =>
    weekdays.has((((day + 4) % 7) + 7) % 7) && !calendar.holidays.has(dateOfDay(day))
  /** The day's working hours as UTC instants. */
  const hoursOf = (day: number): [number, number] => [
    day * DAY_MS + startMs - offsetMs,
    day * DAY_MS + endMs - offsetMs,
  ]
  const tooFar = (): never => {
    throw new Error(`No working day within ${MAX_SEARCH_DAYS} days: check the working days and holidays`)
  }

  const add = (from: number, ms: number): number => {
    let remaining = Math.max(0, ms)
    const first = localDay(from)
    for (let day = first; day < first + MAX_SEARCH_DAYS; day++) {
      if (!isWorkingDay(day)) continue
      const [open, close] = hoursOf(day)
      const start = Math.max(from, open)
      if (start >= close) continue
      // A target that uses up the day ends at closing time, not the next morning.
      if (remaining <= close - start) return start + remaining
      remaining -= close - start
    }
    return tooFar()
  }

  const between = (from: number, to: number): number => {
    if (to <= from) return 0
    let total = 0
    for (let day = localDay(from); day <= localDay(to); day++) {
      if (!isWorkingDay(day)) continue
      const [open, close] = hoursOf(day)
      total += Math.max(0, Math.min(close, to) - Math.max(open, from))
    }
    return total
  }

  const isWorking = (at: number): boolean => {
    const day = localDay(at)
    if (!isWorkingDay(day)) return false
    const [open, close] = hoursOf(day)
    return at >= open && at < close
  }

  const nextWorkingStart = (at: number): number => {
    const first = localDay(at)
    for (let day = first; day < first + MAX_SEARCH_DAYS; day++) {
      if (!isWorkingDay(day)) continue
      const [open, close] = hoursOf(day)
      if (at < close) return Math.max(at, open)
    }
    return tooFar()
  }

  return { kind: 'business', add, between, isWorking, nextWorkingStart }
}
