// Indian formats in both interface languages: lakh grouping, IST dates, relative times,
// SLA spans, plurals through the catalogue, and where the start language comes from.
import { describe, expect, it } from 'vitest'
import { formatDateTime, formatNumber, formatRelative, formatSpan } from '../../src/renderer/src/i18n/format'
import { i18n } from '../../src/renderer/src/i18n/instance'
import { workstationLanguage } from '../../src/renderer/src/i18n/languages'
import { ago, slaLeft } from '../../src/renderer/src/i18n/time'

const now = Date.parse('2026-03-01T12:00:00Z')
const MINUTE = 60_000
const HOUR = 60 * MINUTE

describe('numbers', () => {
  it('group in lakhs and crores in both languages', () => {
    expect(formatNumber(12345678, 'en')).toBe('1,23,45,678')
    expect(formatNumber(12345678, 'hi')).toBe('1,23,45,678')
    expect(formatNumber(0.5, 'en', { style: 'percent' })).toBe('50%')
  })
  it('are grouped inside catalogue text too, with the plural form of the language', () => {
    expect(i18n.t('queue.count', { count: 1, lng: 'en' })).toBe('1 grievance')
    expect(i18n.t('queue.count', { count: 150000, lng: 'en' })).toBe('1,50,000 grievances')
    expect(i18n.t('queue.count', { count: 1, lng: 'hi' })).toBe('1 शिकायत')
    expect(i18n.t('queue.count', { count: 3, lng: 'hi' })).toBe('3 शिकायतें')
    // Hindi counts 0 as singular (CLDR "one"), English as plural.
    expect(i18n.t('queue.count', { count: 0, lng: 'hi' })).toBe('0 शिकायत')
    expect(i18n.t('queue.count', { count: 0, lng: 'en' })).toBe('0 grievances')
  })
})

describe('dates and times', () => {
  it('are shown in IST whatever the workstation time zone, never as UTC ISO text', () => {
    // 01:05 UTC is 06:35 in India.
    expect(formatDateTime('2026-12-02T01:05:00Z', 'en')).toBe('2 Dec 2026, 6:35 am')
    expect(formatDateTime('2026-12-02T01:05:00Z', 'hi')).toMatch(/^2 दिस॰ 2026, 6:35/)
    expect(formatDateTime('2026-12-01T20:00:00Z', 'en', 'date')).toBe('2 Dec 2026')
    expect(formatDateTime('not a date', 'en')).toBe('not a date')
  })
  it('say how long ago in words of the language', () => {
    expect(formatRelative(-3 * MINUTE, 'hi')).toBe('3 मिनट पहले')
    expect(formatRelative(-3 * MINUTE, 'en')).toBe('3 minutes ago')
    expect(formatRelative(-30 * HOUR, 'en')).toBe('1 day ago')
    expect(formatRelative(2 * HOUR, 'hi')).toBe('2 घंटे में')
    expect(ago('2026-03-01T11:57:00Z', now, 'hi')).toBe('3 मिनट पहले')
    expect(ago('2026-03-01T11:59:50Z', now, 'hi')).toBe('अभी-अभी')
    expect(ago(null, now, 'hi')).toBe('कभी नहीं')
    expect(ago(null, now, 'en')).toBe('never')
  })
})

describe('SLA spans', () => {
  it('read "3 घंटे 20 मिनट शेष" in Hindi and stay compact in English', () => {
    expect(slaLeft('2026-03-01T15:20:00Z', now, 'hi')).toEqual({ text: '3 घंटे 20 मिनट शेष', breached: false })
    expect(slaLeft('2026-03-01T15:20:00Z', now, 'en')).toEqual({ text: '3h 20m left', breached: false })
    expect(slaLeft('2026-02-28T10:00:00Z', now, 'en')).toEqual({ text: 'overdue 1d 2h', breached: true })
    expect(slaLeft('2026-02-28T10:00:00Z', now, 'hi')).toEqual({ text: '1 दिन 2 घंटे की देरी', breached: true })
    expect(slaLeft('garbage', now, 'hi')).toEqual({ text: '—', breached: false })
  })
  it('drop a zero second unit and never show less than a minute', () => {
    expect(formatSpan(2 * HOUR, 'hi')).toBe('2 घंटे')
    expect(formatSpan(1 * HOUR, 'hi')).toBe('1 घंटा')
    expect(formatSpan(10_000, 'en')).toBe('1m')
  })
})

describe('the start language', () => {
  it('is Hindi when the workstation prefers Hindi, English otherwise', () => {
    expect(workstationLanguage(['hi-IN', 'en-US'])).toBe('hi')
    expect(workstationLanguage(['hi'])).toBe('hi')
    expect(workstationLanguage(['en-IN', 'hi'])).toBe('en')
    expect(workstationLanguage(['fr-FR', 'hi-IN'])).toBe('hi')
    expect(workstationLanguage(['ta-IN'])).toBe('en')
    expect(workstationLanguage([])).toBe('en')
  })
})
