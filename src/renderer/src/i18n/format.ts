// Numbers, dates, times and spans in Indian formats, in the interface language. Pure
// Intl: the catalogue supplies only the words around them ("… left", "just now").
import { DESK_TIME_ZONE, LOCALES, type Language } from './languages'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

// Intl formatters are costly to build and the queue formats hundreds of rows.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat>()
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat>(
  key: string,
  make: () => T,
): T {
  let formatter = cache.get(key) as T | undefined
  if (!formatter) {
    formatter = make()
    cache.set(key, formatter)
  }
  return formatter
}

/** 1234567 → "12,34,567" (lakh grouping in both languages). */
export function formatNumber(value: number, language: Language, options: Intl.NumberFormatOptions = {}): string {
  const key = `n:${language}:${JSON.stringify(options)}`
  return cached(key, () => new Intl.NumberFormat(LOCALES[language], options)).format(value)
}

export type DateTimeStyle = 'date-time' | 'date' | 'time'

const DATE_TIME_OPTIONS: Record<DateTimeStyle, Intl.DateTimeFormatOptions> = {
  'date-time': { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'short' },
}

/** An instant as the desk shows it: "2 Dec 2026, 6:35 am" / "2 दिस॰ 2026, 6:35 am", in IST. */
export function formatDateTime(
  at: string | number | Date,
  language: Language,
  style: DateTimeStyle = 'date-time',
): string {
  const t = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at)
  if (Number.isNaN(t)) return typeof at === 'string' ? at : '—'
  const key = `d:${language}:${style}`
  return cached(
    key,
    () => new Intl.DateTimeFormat(LOCALES[language], { ...DATE_TIME_OPTIONS[style], timeZone: DESK_TIME_ZONE }),
  ).format(t)
}

/**
 * A length of time in at most two units, coarse as a desk needs it: "3h 20m" in English
 * (the established short forms, dense enough for the queue), "3 घंटे 20 मिनट" in Hindi
 * (Hindi abbreviations like "घं॰" are not what officers read).
 */
export function formatSpan(ms: number, language: Language): string {
  const abs = Math.abs(ms)
  const parts: [number, 'minute' | 'hour' | 'day'][] = []
  if (abs < HOUR) parts.push([Math.max(1, Math.round(abs / MINUTE)), 'minute'])
  else if (abs < DAY) parts.push([Math.floor(abs / HOUR), 'hour'], [Math.floor((abs % HOUR) / MINUTE), 'minute'])
  else parts.push([Math.floor(abs / DAY), 'day'], [Math.floor((abs % DAY) / HOUR), 'hour'])
  const unitDisplay = language === 'en' ? 'narrow' : 'long'
  const words = parts
    .filter(([amount], i) => i === 0 || amount > 0)
    .map(([amount, unit]) =>
      cached(
        `u:${language}:${unit}`,
        () => new Intl.NumberFormat(LOCALES[language], { style: 'unit', unit, unitDisplay }),
      ).format(amount),
    )
  return cached(
    `l:${language}`,
    () => new Intl.ListFormat(LOCALES[language], { style: 'narrow', type: 'unit' }),
  ).format(words)
}

/** "a, b and c" / "a, b और c". */
export function formatList(items: readonly string[], language: Language): string {
  return cached(
    `c:${language}`,
    () => new Intl.ListFormat(LOCALES[language], { style: 'long', type: 'conjunction' }),
  ).format(items)
}

/**
 * How long ago (negative ms) or how far ahead: "3 minutes ago" / "3 मिनट पहले",
 * in whole minutes, hours or days.
 */
export function formatRelative(ms: number, language: Language): string {
  const abs = Math.abs(ms)
  const sign = ms < 0 ? -1 : 1
  let value: number
  let unit: Intl.RelativeTimeFormatUnit
  if (abs < HOUR) [value, unit] = [Math.max(1, Math.round(abs / MINUTE)), 'minute']
  else if (abs < DAY) [value, unit] = [Math.floor(abs / HOUR), 'hour']
  else [value, unit] = [Math.floor(abs / DAY), 'day']
  // numeric: 'always' so that 30 hours ago reads "1 day ago", not "yesterday" (which may be wrong).
  return cached(
    `r:${language}`,
    () => new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'always', style: 'long' }),
  ).format(sign * value, unit)
}
