// Formatting in the interface language, for components: re-renders when it changes.
import { useMemo } from 'react'
import { formatDateTime, formatList, formatNumber, formatRelative, formatSpan, type DateTimeStyle } from './format'
import { useLanguageStore } from './language-store'
import { ago, slaLeft } from './time'

export function useFormat() {
  const language = useLanguageStore((s) => s.language)
  return useMemo(
    () => ({
      language,
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, language, options),
      dateTime: (at: string | number | Date, style?: DateTimeStyle) => formatDateTime(at, language, style),
      span: (ms: number) => formatSpan(ms, language),
      relative: (ms: number) => formatRelative(ms, language),
      list: (items: readonly string[]) => formatList(items, language),
      ago: (at: string | null, now: number) => ago(at, now, language),
      slaLeft: (dueAt: string, now: number) => slaLeft(dueAt, now, language),
    }),
    [language],
  )
}
