// One report chart: ECharts with only the parts the report uses (tree-shaken from
// echarts/core) and the SVG renderer, so the chart's text stays text — selectable and
// searchable in the printed PDF, and shaped by the bundled Devanagari font.
import { useEffect, useRef } from 'react'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use as registerChartParts, type ECharts } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import type { ReportChartOption } from './chart-options'

registerChartParts([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

/** Fixed size: it fits an A4 page's width as it is, so print needs no re-layout. */
export const CHART_SIZE = { width: 640, height: 260 }

export function ReportChart({ option, label, testId }: { option: ReportChartOption; label: string; testId: string }) {
  const host = useRef<HTMLDivElement>(null)
  const chart = useRef<ECharts | null>(null)

  useEffect(() => {
    if (!host.current) return
    const instance = init(host.current, null, { renderer: 'svg', ...CHART_SIZE })
    chart.current = instance
    return () => {
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  // role="img" with the chart's title: the figures themselves are in the tables below.
  return <div className="report-chart" ref={host} role="img" aria-label={label} data-testid={testId} />
}
