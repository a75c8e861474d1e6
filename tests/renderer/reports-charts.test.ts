// The reports screen's pure parts: the range presets (IST days) and their checks, the
// query it sends, and the chart options — labels, axis names and legends in the
// interface language, numbers in Indian formats, Hindi division names from the org.
import { describe, expect, it } from 'vitest'
import type { DivisionFigures, ReportFigures, ReportSummary } from '../../src/shared/reports'
import { i18n } from '../../src/renderer/src/i18n/instance'
import { backlogOption, slaByDivisionOption, volumeOption } from '../../src/renderer/src/features/reports/chart-options'
import { chartText, shortDay } from '../../src/renderer/src/features/reports/chart-text'
import { addDays, presetRange, rangeProblem } from '../../src/renderer/src/features/reports/range'
import { NO_FILTERS, reportFileName, reportQuery } from '../../src/renderer/src/features/reports/report-query'

const FONT = "'Noto Sans', 'Noto Sans Devanagari', sans-serif"
const en = chartText(i18n.getFixedT('en'), 'en', FONT)
const hi = chartText(i18n.getFixedT('hi'), 'hi', FONT)

const figures = (over: Partial<ReportFigures> = {}): ReportFigures => ({
  grievancesOpened: 0,
  grievancesResolved: 0,
  grievancesRejected: 0,
  grievancesReopened: 0,
  firstResponseMedianSeconds: null,
  firstResponseP90Seconds: null,
  resolutionMedianSeconds: null,
  resolutionP90Seconds: null,
  slaMetShare: null,
  slaDecided: 0,
  ...over,
})
const division = (id: string | null, name: string | null, nameHi: string | null, slaMetShare: number | null) =>
  ({ ...figures({ slaMetShare }), division: id, name, nameHi }) satisfies DivisionFigures

// The option's axes and series as plain objects (ECharts allows arrays or one; these builders make one).
type Axis = { name?: string; data?: string[]; axisLabel?: { formatter?: (v: number) => string } }
type Series = {
  name?: string
  type: string
  data: (number | null)[]
  label?: { formatter?: (p: { value: unknown }) => string }
}
const axis = (a: unknown) => a as Axis
const series = (s: unknown) => s as Series[]

describe('range presets', () => {
  // 20:00 UTC on 30 Nov is already 1 Dec in India (UTC+05:30).
  const lateEvening = new Date('2026-11-30T20:00:00Z')
  const none = { from: '', to: '' }

  it('count days in IST, not UTC', () => {
    expect(presetRange('today', lateEvening, none)).toEqual({ from: '2026-12-01', to: '2026-12-01' })
    expect(presetRange('7d', lateEvening, none)).toEqual({ from: '2026-11-25', to: '2026-12-01' })
    expect(presetRange('month', lateEvening, none)).toEqual({ from: '2026-12-01', to: '2026-12-01' })
    expect(presetRange('month', new Date('2026-11-30T10:00:00Z'), none)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    })
  })

  it('keep a custom range as it was, and step days across months and leap years', () => {
    const custom = { from: '2026-01-05', to: '2026-02-01' }
    expect(presetRange('custom', lateEvening, custom)).toBe(custom)
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })

  it('say why the server would refuse a range', () => {
    expect(rangeProblem({ from: '2026-11-01', to: '2026-11-30' })).toBeNull()
    expect(rangeProblem({ from: '2026-11-30', to: '2026-11-01' })).toBe('reversed')
    expect(rangeProblem({ from: '', to: '2026-11-01' })).toBe('invalid')
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-01' })).toBe('invalid')
    expect(rangeProblem({ from: '2025-01-01', to: '2026-01-02' })).toBe('tooLong') // 367 days
    expect(rangeProblem({ from: '2024-01-01', to: '2024-12-31' })).toBeNull() // 366 days, a leap year
  })
})

describe('the query the screen sends', () => {
  it('leaves out the filters left at "all" and trims the rest', () => {
    const range = { from: '2026-11-01', to: '2026-11-30' }
    expect(reportQuery(range, NO_FILTERS)).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(reportQuery(range, { ...NO_FILTERS, division: 'cyber', officer: ' officer.cyber ' })).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      division: 'cyber',
      officer: 'officer.cyber',
    })
    expect(reportFileName(range, 'pdf')).toBe('report-2026-11-01-2026-11-30.pdf')
  })
})

describe('volume over time', () => {
  const daily: ReportSummary['series']['daily'] = [
    { day: '2026-11-29', opened: 1200, resolved: 3 },
    { day: '2026-11-30', opened: 0, resolved: 7 },
  ]

  it('has one point per day for opened and resolved, labelled in English', () => {
    const option = volumeOption(daily, en)
    expect(option.animation).toBe(false)
    expect(axis(option.xAxis).data).toEqual(['29 Nov', '30 Nov'])
    expect(axis(option.xAxis).name).toBe('Day')
    expect(axis(option.yAxis).name).toBe('Grievances')
    expect(series(option.series).map((s) => [s.name, s.data])).toEqual([
      ['Opened', [1200, 0]],
      ['Resolved', [3, 7]],
    ])
    expect((option.legend as { data: string[] }).data).toEqual(['Opened', 'Resolved'])
    expect(axis(option.yAxis).axisLabel?.formatter?.(125000)).toBe('1,25,000')
  })

  it('speaks Hindi in the Hindi interface, in the bundled font', () => {
    const option = volumeOption(daily, hi)
    expect(axis(option.xAxis).data).toEqual([shortDay('2026-11-29', 'hi'), shortDay('2026-11-30', 'hi')])
    expect(axis(option.xAxis).data![0]).toMatch(/29 नव/)
    expect(axis(option.xAxis).name).toBe('दिन')
    expect(series(option.series).map((s) => s.name)).toEqual(['दर्ज', 'निस्तारित'])
    expect((option.textStyle as { fontFamily: string }).fontFamily).toBe(FONT)
  })
})

describe('SLA met by division', () => {
  const rows = [
    division('cyber', 'Cyber Crime', 'साइबर अपराध', 0.875),
    division('police', 'Police Verification', 'पुलिस सत्यापन', null),
    division(null, null, null, 1),
  ]

  it('is a percentage bar per division, none where no SLA was decided, top-down in table order', () => {
    const option = slaByDivisionOption(rows, en)
    expect(axis(option.yAxis).data).toEqual(['Unrouted', 'Police Verification', 'Cyber Crime'])
    const [bars] = series(option.series)
    expect(bars!.data).toEqual([100, null, 87.5])
    expect(bars!.label?.formatter?.({ value: 87.5 })).toBe('87.5%')
    expect(bars!.label?.formatter?.({ value: null })).toBe('')
    expect(axis(option.xAxis).name).toBe('SLA met')
  })

  it('names divisions from the organisation’s nameHi in Hindi', () => {
    const option = slaByDivisionOption(rows, hi)
    expect(axis(option.yAxis).data).toEqual(['प्रभाग तय नहीं', 'पुलिस सत्यापन', 'साइबर अपराध'])
    expect(axis(option.yAxis).name).toBe('प्रभाग')
    // A division without a Hindi name keeps its English one rather than showing an id.
    const plain = slaByDivisionOption([division('general', 'General', null, 0.5)], hi)
    expect(axis(plain.yAxis).data).toEqual(['General'])
  })
})

describe('backlog ageing', () => {
  it('has a bar per age bucket with its count, the buckets named in the interface language', () => {
    const backlog: ReportSummary['backlog'] = [
      { bucket: '0-1d', count: 4 },
      { bucket: '1-3d', count: 0 },
      { bucket: '3-7d', count: 2 },
      { bucket: '7-21d', count: 1 },
      { bucket: '21d+', count: 150000 },
    ]
    const option = backlogOption(backlog, en)
    expect(axis(option.xAxis).data).toEqual(['under 1 day', '1–3 days', '3–7 days', '7–21 days', 'over 21 days'])
    const [bars] = series(option.series)
    expect(bars!.data).toEqual([4, 0, 2, 1, 150000])
    expect(bars!.label?.formatter?.({ value: 150000 })).toBe('1,50,000')
    expect(axis(backlogOption(backlog, hi).xAxis).data).toEqual([
      '1 दिन से कम',
      '1–3 दिन',
      '3–7 दिन',
      '7–21 दिन',
      '21 दिन से अधिक',
    ])
  })
})
