// What the screen sends: the applied range and filters as the address's query (empty
// filters left out, as the server's ReportQuery reads them), and the file name of a PDF.
import type { DayRange } from './range'

export const REPORT_FILTERS = ['division', 'handle', 'language', 'priority', 'officer'] as const
export type ReportFilter = (typeof REPORT_FILTERS)[number]
export type ReportFilters = Record<ReportFilter, string>

export const NO_FILTERS: ReportFilters = { division: '', handle: '', language: '', priority: '', officer: '' }

/** The server checks every value (ReportQuery in src/shared/reports.ts); the selects only offer valid ones. */
export function reportQuery(range: DayRange, filters: ReportFilters): Record<string, string> {
  const query: Record<string, string> = { from: range.from, to: range.to }
  for (const name of REPORT_FILTERS) {
    const value = filters[name].trim()
    if (value) query[name] = value
  }
  return query
}

/** `report-2026-11-01-2026-11-30.pdf`: the range is what tells two reports apart. */
export function reportFileName(range: DayRange, extension: string): string {
  return `report-${range.from}-${range.to}.${extension}`
}
