// The report's range of days (IST calendar days, as the server counts them) and the
// presets the supervisor picks from. Pure, so the screen and its tests agree.
import { LIMITS } from '../../../../shared/limits'
import { dayStartUtcMs, daysInRange, reportDayOf } from '../../../../shared/reports'

export const RANGE_PRESETS = ['today', '7d', 'month', 'custom'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

export interface DayRange {
  from: string
  to: string
}

const MS_PER_DAY = 86_400_000

export function addDays(day: string, days: number): string {
  return new Date(dayStartUtcMs(day) + days * MS_PER_DAY).toISOString().slice(0, 10)
}

/** The days a preset covers, ending today (IST); `custom` keeps what was there. */
export function presetRange(preset: RangePreset, now: Date, current: DayRange): DayRange {
  const today = reportDayOf(now)
  switch (preset) {
    case 'today':
      return { from: today, to: today }
    case '7d':
      return { from: addDays(today, -6), to: today }
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today }
    case 'custom':
      return current
  }
}

export type RangeProblem = 'invalid' | 'reversed' | 'tooLong'

/** Why the server would refuse this range (src/shared/reports.ts ReportQuery), or null. */
export function rangeProblem(range: DayRange): RangeProblem | null {
  if (!Number.isFinite(dayStartUtcMs(range.from)) || !Number.isFinite(dayStartUtcMs(range.to))) return 'invalid'
  const days = daysInRange(range.from, range.to)
  if (days < 1) return 'reversed'
  if (days > LIMITS.reportRangeDays) return 'tooLong'
  return null
}
