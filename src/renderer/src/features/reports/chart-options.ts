// The report's charts as ECharts options: pure functions of the summary and the words of
// the interface language, so they are tested without a browser. Every label, axis name
// and legend comes in through `ChartText` (catalogue words, Indian number formats,
// division names in the interface language); nothing here is English by itself.
// Animation is off: the chart must be complete the moment the report is printed.
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type { BacklogBucket, DivisionFigures, ReportSummary } from '../../../../shared/reports'

export type ReportChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

export interface ChartText {
  /** The desk's font stack (the bundled Noto faces first), so Devanagari shapes in the SVG. */
  fontFamily: string
  number(value: number): string
  /** 0.875 → "87.5%". */
  percent(share: number): string
  /** A report day (YYYY-MM-DD) as an axis label: "2 Dec" / "2 दिस॰". */
  day(day: string): string
  division(row: Pick<DivisionFigures, 'division' | 'name' | 'nameHi'>): string
  bucket(bucket: BacklogBucket): string
  words: {
    opened: string
    resolved: string
    day: string
    grievances: string
    slaMet: string
    division: string
    age: string
  }
}

const COLOURS = { opened: '#1d4f91', resolved: '#1f7a3f', sla: '#1f7a3f', backlog: '#c4540c' }

function base(text: ChartText): ReportChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: text.fontFamily, fontSize: 12 },
    tooltip: { trigger: 'axis' },
    // Room below the axis labels for the axis name (nameLocation: middle).
    grid: { left: 8, right: 24, top: 36, bottom: 30, containLabel: true },
  }
}

/** Grievances opened and resolved per day of the range. */
export function volumeOption(daily: ReportSummary['series']['daily'], text: ChartText): ReportChartOption {
  return {
    ...base(text),
    legend: { data: [text.words.opened, text.words.resolved], top: 0 },
    xAxis: {
      type: 'category',
      name: text.words.day,
      nameLocation: 'middle',
      nameGap: 28,
      data: daily.map((d) => text.day(d.day)),
    },
    yAxis: {
      type: 'value',
      name: text.words.grievances,
      minInterval: 1,
      axisLabel: { formatter: (value: number) => text.number(value) },
    },
    series: [
      {
        type: 'line',
        name: text.words.opened,
        data: daily.map((d) => d.opened),
        color: COLOURS.opened,
        showSymbol: daily.length <= 31,
      },
      {
        type: 'line',
        name: text.words.resolved,
        data: daily.map((d) => d.resolved),
        color: COLOURS.resolved,
        showSymbol: daily.length <= 31,
      },
    ],
  }
}

/**
 * The share of decided SLAs met, one bar per division (percent). A division with no
 * decided SLA has no bar (null), not a misleading 0%.
 */
export function slaByDivisionOption(byDivision: readonly DivisionFigures[], text: ChartText): ReportChartOption {
  const rows = [...byDivision].reverse() // horizontal bars read top-down in table order
  return {
    ...base(text),
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => (typeof value === 'number' ? text.percent(value / 100) : '—'),
    },
    xAxis: {
      type: 'value',
      name: text.words.slaMet,
      nameLocation: 'middle',
      nameGap: 28,
      min: 0,
      max: 100,
      axisLabel: { formatter: (value: number) => text.percent(value / 100) },
    },
    yAxis: { type: 'category', name: text.words.division, data: rows.map((r) => text.division(r)) },
    series: [
      {
        type: 'bar',
        name: text.words.slaMet,
        color: COLOURS.sla,
        data: rows.map((r) => (r.slaMetShare === null ? null : Math.round(r.slaMetShare * 1000) / 10)),
        label: {
          show: true,
          position: 'right',
          formatter: (p) => (typeof p.value === 'number' ? text.percent(p.value / 100) : ''),
        },
      },
    ],
  }
}

/** Grievances still open at the end of the range, by how long they had been open. */
export function backlogOption(backlog: ReportSummary['backlog'], text: ChartText): ReportChartOption {
  return {
    ...base(text),
    xAxis: {
      type: 'category',
      name: text.words.age,
      nameLocation: 'middle',
      nameGap: 28,
      data: backlog.map((b) => text.bucket(b.bucket)),
    },
    yAxis: {
      type: 'value',
      name: text.words.grievances,
      minInterval: 1,
      axisLabel: { formatter: (value: number) => text.number(value) },
    },
    series: [
      {
        type: 'bar',
        name: text.words.grievances,
        color: COLOURS.backlog,
        data: backlog.map((b) => b.count),
        label: { show: true, position: 'top', formatter: (p) => text.number(Number(p.value)) },
      },
    ],
  }
}
