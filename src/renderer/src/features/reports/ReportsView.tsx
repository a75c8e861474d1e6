// The reports screen (supervisors and admins, online only): a range of days with presets,
// filters, the figures, charts and tables from GET /api/v1/reports/summary, and exports —
// XLSX and CSV through the desk's download relay, PDF as this very page printed (print
// CSS in styles.css, "Reports" section: A4, header with range, filters and organisation).
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { PRIORITIES } from '../../../../shared/grievance'
import { REPORTS_PATHS, ReportSummary } from '../../../../shared/reports'
import { ProblemText } from '../../components/ProblemText'
import { useFormat } from '../../i18n'
import { problemFromError, type Problem } from '../../i18n/problem'
import { staffGet } from '../../lib/staff-api'
import { divisionName, useOrgStore } from '../../store/org-store'
import { presetRange, rangeProblem, RANGE_PRESETS, type DayRange, type RangePreset } from './range'
import { NO_FILTERS, reportFileName, reportQuery, type ReportFilter, type ReportFilters } from './report-query'
import { ReportBody } from './ReportBody'
import { ExportProgress } from './ExportProgress'
import { useExport } from './useExport'

/** The tweet languages a filter offers (X's codes); others come through "all". */
const TWEET_LANGUAGES = ['en', 'hi', 'und'] as const

interface Applied {
  range: DayRange
  filters: ReportFilters
}

export function ReportsView() {
  const { t } = useTranslation()
  const format = useFormat()
  const org = useOrgStore((s) => s.org)
  const [preset, setPreset] = useState<RangePreset>('7d')
  const [range, setRange] = useState<DayRange>(() => presetRange('7d', new Date(), { from: '', to: '' }))
  const [filters, setFilters] = useState<ReportFilters>(NO_FILTERS)
  const [applied, setApplied] = useState<Applied | null>(null)
  const [summary, setSummary] = useState<ReportSummary | null>(null)
  const [loading, setLoading] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const exporter = useExport()

  const load = useCallback(async (next: Applied) => {
    setLoading(true)
    setProblem(null)
    try {
      const answer = await staffGet(ReportSummary, REPORTS_PATHS.summary, reportQuery(next.range, next.filters))
      setSummary(answer)
      setApplied(next)
    } catch (error) {
      setProblem(problemFromError(error))
    } finally {
      setLoading(false)
    }
  }, [])

  useEffect(() => {
    void load({ range, filters })
    // The first report opens by itself (the last 7 days); later ones on Apply.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load])

  const invalid = rangeProblem(range)
  const choosePreset = (next: RangePreset) => {
    setPreset(next)
    setRange((current) => presetRange(next, new Date(), current))
  }
  const setDay = (end: keyof DayRange, value: string) => {
    setPreset('custom')
    setRange((current) => ({ ...current, [end]: value }))
  }
  const setFilter = (name: ReportFilter, value: string) => setFilters((current) => ({ ...current, [name]: value }))
  const apply = (event: FormEvent) => {
    event.preventDefault()
    if (!invalid) void load({ range, filters })
  }

  const exportQuery = applied ? reportQuery(applied.range, applied.filters) : null
  const busy = exporter.state.kind === 'running' || exporter.state.kind === 'printing'
  const officers = summary?.byOfficer.map((o) => o.officer) ?? []
  if (filters.officer && !officers.includes(filters.officer)) officers.unshift(filters.officer)

  return (
    <main className="reports-view" data-testid="reports-view">
      <div className="report-page">
        <header className="report-head">
          <h1>{t('reports.title')}</h1>
          {summary && applied && (
            <p className="report-meta" data-testid="report-meta">
              {org && <span data-untrusted>{org.name}</span>}
              <span>
                {t('reports.meta.range', {
                  from: format.dateTime(`${summary.from}T12:00:00+05:30`, 'date'),
                  to: format.dateTime(`${summary.to}T12:00:00+05:30`, 'date'),
                })}
              </span>
              <span>{filterSummary(t, summary, org, format.language)}</span>
              <span>{t('reports.meta.generated', { at: format.dateTime(summary.generatedAt) })}</span>
            </p>
          )}
        </header>

        <form className="report-controls no-print" onSubmit={apply} aria-label={t('reports.controls')}>
          <fieldset className="report-presets">
            <legend>{t('reports.range')}</legend>
            {RANGE_PRESETS.map((p) => (
              <label key={p} className="report-preset">
                <input
                  type="radio"
                  name="report-preset"
                  value={p}
                  checked={preset === p}
                  onChange={() => choosePreset(p)}
                  data-testid={`report-preset-${p}`}
                />
                {t(`reports.preset.${p}`)}
              </label>
            ))}
          </fieldset>
          <label>
            {t('reports.from')}
            <input
              type="date"
              data-testid="report-from"
              value={range.from}
              onChange={(e) => setDay('from', e.target.value)}
              aria-invalid={invalid !== null || undefined}
            />
          </label>
          <label>
            {t('reports.to')}
            <input
              type="date"
              data-testid="report-to"
              value={range.to}
              onChange={(e) => setDay('to', e.target.value)}
              aria-invalid={invalid !== null || undefined}
            />
          </label>
          <FilterSelect
            name="division"
            label={t('reports.filter.division')}
            value={filters.division}
            onChange={setFilter}
          >
            {org?.divisions.map((d) => (
              <option key={d.id} value={d.id}>
                {divisionName(org, d.id, format.language)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect name="handle" label={t('reports.filter.handle')} value={filters.handle} onChange={setFilter}>
            {org?.handles.map((h) => (
              <option key={h} value={h}>
                @{h}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            name="language"
            label={t('reports.filter.language')}
            value={filters.language}
            onChange={setFilter}
          >
            {TWEET_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`reports.tweetLanguage.${l}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            name="priority"
            label={t('reports.filter.priority')}
            value={filters.priority}
            onChange={setFilter}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`common.priority.${p}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect name="officer" label={t('reports.filter.officer')} value={filters.officer} onChange={setFilter}>
            {officers.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </FilterSelect>
          <button type="submit" className="primary" data-testid="report-apply" disabled={invalid !== null || loading}>
            {loading ? t('reports.loading') : t('reports.apply')}
          </button>
          {invalid && (
            <p className="error" role="alert" data-testid="report-range-problem">
              {t(`reports.rangeProblem.${invalid}`)}
            </p>
          )}
        </form>

        <div className="report-exports no-print">
          <span>{t('reports.export.label')}</span>
          <button
            type="button"
            data-testid="report-export-xlsx"
            disabled={!exportQuery || busy}
            onClick={() => exportQuery && void exporter.download('xlsx', REPORTS_PATHS.grievancesXlsx, exportQuery)}
          >
            {t('reports.export.xlsx')}
          </button>
          <button
            type="button"
            data-testid="report-export-csv"
            disabled={!exportQuery || busy}
            onClick={() => exportQuery && void exporter.download('csv', REPORTS_PATHS.grievancesCsv, exportQuery)}
          >
            {t('reports.export.csv')}
          </button>
          <button
            type="button"
            data-testid="report-export-pdf"
            disabled={!summary || !applied || busy}
            onClick={() => applied && void exporter.print(reportFileName(applied.range, 'pdf'))}
          >
            {t('reports.export.pdf')}
          </button>
          <ExportProgress state={exporter.state} onCancel={exporter.cancel} />
        </div>

        {problem && (
          <p className="error" role="alert" data-testid="report-problem">
            <ProblemText problem={problem} />
          </p>
        )}
        {summary && <ReportBody summary={summary} />}
      </div>
    </main>
  )
}

function FilterSelect({
  name,
  label,
  value,
  onChange,
  children,
}: {
  name: ReportFilter
  label: string
  value: string
  onChange(name: ReportFilter, value: string): void
  children: React.ReactNode
}) {
  const { t } = useTranslation()
  return (
    <label>
      {label}
      <select data-testid={`report-filter-${name}`} value={value} onChange={(e) => onChange(name, e.target.value)}>
        <option value="">{t('reports.filter.all')}</option>
        {children}
      </select>
    </label>
  )
}

/** The filters that applied, in words, for the report's header (and so the PDF's). */
function filterSummary(
  t: ReturnType<typeof useTranslation>['t'],
  summary: ReportSummary,
  org: ReturnType<typeof useOrgStore.getState>['org'],
  language: 'en' | 'hi',
): string {
  const f = summary.filters
  const parts = [
    f.division !== undefined && t('reports.meta.division', { name: divisionName(org, f.division, language) }),
    f.handle !== undefined && t('reports.meta.handle', { handle: f.handle }),
    f.language !== undefined && t('reports.meta.language', { language: f.language }),
    f.priority !== undefined && t('reports.meta.priority', { priority: t(`common.priority.${f.priority}`) }),
    f.officer !== undefined && t('reports.meta.officer', { officer: f.officer }),
  ].filter((p): p is string => typeof p === 'string')
  return parts.length > 0 ? parts.join(' · ') : t('reports.meta.noFilters')
}
