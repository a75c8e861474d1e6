// The report's figures as cards, its three charts and the per-division and per-officer
// tables. Everything in the interface language: numbers with Indian grouping, spans as
// the desk writes them, division names from the organisation (nameHi in Hindi).
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportFigures, ReportSummary } from '../../../../shared/reports'
import { useFormat } from '../../i18n'
import { backlogOption, slaByDivisionOption, volumeOption } from './chart-options'
import { chartText, reportPercent } from './chart-text'
import { ReportChart } from './ReportChart'

/** The desk's font stack from the styles (the bundled Noto faces first). */
function deskFont(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif'
}

function useFigureText() {
  const format = useFormat()
  const { t } = useTranslation()
  return {
    count: (n: number) => format.number(n),
    span: (seconds: number | null) => (seconds === null ? t('common.dash') : format.span(seconds * 1000)),
    share: (share: number | null) => (share === null ? t('common.dash') : reportPercent(share, format.language)),
  }
}

function Card({ label, value, raw, testId }: { label: string; value: string; raw: number | null; testId?: string }) {
  return (
    <div className="report-card">
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={raw ?? ''}>
        {value}
      </dd>
    </div>
  )
}

export function ReportBody({ summary }: { summary: ReportSummary }) {
  const { t } = useTranslation()
  const format = useFormat()
  const text = useFigureText()
  const words = useMemo(() => chartText(t, format.language, deskFont()), [t, format.language])
  const volume = useMemo(() => volumeOption(summary.series.daily, words), [summary, words])
  const sla = useMemo(() => slaByDivisionOption(summary.byDivision, words), [summary, words])
  const backlog = useMemo(() => backlogOption(summary.backlog, words), [summary, words])

  return (
    <div className="report-body" data-testid="report-body">
      <section aria-labelledby="report-figures-title">
        <h2 id="report-figures-title">{t('reports.figures')}</h2>
        <dl className="report-cards">
          <Card
            label={t('reports.card.opened')}
            value={text.count(summary.grievancesOpened)}
            raw={summary.grievancesOpened}
            testId="report-opened"
          />
          <Card
            label={t('reports.card.resolved')}
            value={text.count(summary.grievancesResolved)}
            raw={summary.grievancesResolved}
            testId="report-resolved"
          />
          <Card
            label={t('reports.card.slaMet')}
            value={text.share(summary.slaMetShare)}
            raw={summary.slaMetShare}
            testId="report-sla-met"
          />
          <Card
            label={t('reports.card.firstResponseMedian')}
            value={text.span(summary.firstResponseMedianSeconds)}
            raw={summary.firstResponseMedianSeconds}
            testId="report-first-response-median"
          />
          <Card
            label={t('reports.card.firstResponseP90')}
            value={text.span(summary.firstResponseP90Seconds)}
            raw={summary.firstResponseP90Seconds}
          />
          <Card
            label={t('reports.card.resolutionMedian')}
            value={text.span(summary.resolutionMedianSeconds)}
            raw={summary.resolutionMedianSeconds}
          />
          <Card
            label={t('reports.card.rejected')}
            value={text.count(summary.grievancesRejected)}
            raw={summary.grievancesRejected}
          />
          <Card
            label={t('reports.card.tweetsReceived')}
            value={text.count(summary.tweets.received)}
            raw={summary.tweets.received}
          />
          <Card
            label={t('reports.card.tweetsIgnored')}
            value={text.count(summary.tweets.ignored)}
            raw={summary.tweets.ignored}
          />
          <Card
            label={t('reports.card.cost')}
            value={format.number(summary.cost.totalUsd, { style: 'currency', currency: 'USD' })}
            raw={summary.cost.totalUsd}
          />
        </dl>
      </section>

      <section className="report-charts" aria-labelledby="report-charts-title">
        <h2 id="report-charts-title">{t('reports.charts')}</h2>
        <figure>
          <figcaption>{t('reports.chart.volumeTitle')}</figcaption>
          <ReportChart option={volume} label={t('reports.chart.volumeTitle')} testId="report-chart-volume" />
        </figure>
        <figure>
          <figcaption>{t('reports.chart.slaTitle')}</figcaption>
          <ReportChart option={sla} label={t('reports.chart.slaTitle')} testId="report-chart-sla" />
        </figure>
        <figure>
          <figcaption>{t('reports.chart.backlogTitle')}</figcaption>
          <ReportChart option={backlog} label={t('reports.chart.backlogTitle')} testId="report-chart-backlog" />
        </figure>
      </section>

      <section aria-labelledby="report-divisions-title">
        <h2 id="report-divisions-title">{t('reports.byDivision')}</h2>
        <table className="report-table" data-testid="report-divisions">
          <thead>
            <tr>
              <th scope="col">{t('reports.column.division')}</th>
              <FigureHeads />
            </tr>
          </thead>
          <tbody>
            {summary.byDivision.map((row) => (
              <tr key={row.division ?? ''} data-division={row.division ?? ''}>
                <th scope="row">{words.division(row)}</th>
                <FigureCells row={row} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="report-officers-title">
        <h2 id="report-officers-title">{t('reports.byOfficer')}</h2>
        {summary.byOfficer.length === 0 ? (
          <p className="muted">{t('reports.noOfficers')}</p>
        ) : (
          <table className="report-table" data-testid="report-officers">
            <thead>
              <tr>
                <th scope="col">{t('reports.column.officer')}</th>
                <th scope="col">{t('reports.column.open')}</th>
                <FigureHeads />
              </tr>
            </thead>
            <tbody>
              {summary.byOfficer.map((row) => (
                <tr key={row.officer} data-officer={row.officer}>
                  <th scope="row" data-untrusted>
                    {row.officer}
                  </th>
                  <td>{text.count(row.open)}</td>
                  <FigureCells row={row} />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}

function FigureHeads() {
  const { t } = useTranslation()
  return (
    <>
      <th scope="col">{t('reports.column.opened')}</th>
      <th scope="col">{t('reports.column.resolved')}</th>
      <th scope="col">{t('reports.column.firstResponseMedian')}</th>
      <th scope="col">{t('reports.column.resolutionMedian')}</th>
      <th scope="col">{t('reports.column.slaMet')}</th>
    </>
  )
}

function FigureCells({ row }: { row: ReportFigures }) {
  const text = useFigureText()
  return (
    <>
      <td data-column="opened">{text.count(row.grievancesOpened)}</td>
      <td data-column="resolved">{text.count(row.grievancesResolved)}</td>
      <td>{text.span(row.firstResponseMedianSeconds)}</td>
      <td>{text.span(row.resolutionMedianSeconds)}</td>
      <td data-column="sla-met">{text.share(row.slaMetShare)}</td>
    </>
  )
}
