// The words and formats the charts speak, in the interface language (chart-options.ts
// takes them as they are): catalogue words, Indian number formats, days as "2 Dec" /
// "2 दिस॰", and division names from the organisation's nameHi in Hindi.
import type { TFunction } from 'i18next'
import { formatNumber } from '../../i18n/format'
import { LOCALES, type Language } from '../../i18n/languages'
import type { ChartText } from './chart-options'

const dayFormats = new Map<Language, Intl.DateTimeFormat>()

/** A report day (a calendar day, so formatted at UTC midnight in UTC) as "2 Dec". */
export function shortDay(day: string, language: Language): string {
  let format = dayFormats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'short', timeZone: 'UTC' })
    dayFormats.set(language, format)
  }
  const ms = Date.parse(`${day}T00:00:00Z`)
  return Number.isFinite(ms) ? format.format(ms) : day
}

export function reportPercent(share: number, language: Language): string {
  return formatNumber(share, language, { style: 'percent', maximumFractionDigits: 1 })
}

export function chartText(t: TFunction, language: Language, fontFamily: string): ChartText {
  return {
    fontFamily,
    number: (value) => formatNumber(value, language),
    percent: (share) => reportPercent(share, language),
    day: (day) => shortDay(day, language),
    division: (row) =>
      row.division === null
        ? t('reports.unrouted')
        : ((language === 'hi' ? row.nameHi : row.name) ?? row.name ?? row.division),
    bucket: (bucket) => t(`reports.bucket.${bucket}`),
    words: {
      opened: t('reports.chart.opened'),
      resolved: t('reports.chart.resolved'),
      day: t('reports.chart.day'),
      grievances: t('reports.chart.grievances'),
      slaMet: t('reports.chart.slaMet'),
      division: t('reports.chart.division'),
      age: t('reports.chart.age'),
    },
  }
}
