// The grievances behind a report, one row each, as CSV or XLSX. Both read the facts in
// keyset pages (never one giant array) and write as they read, so an export of a year
// holds one page in memory, not the year.
import { once } from 'node:events'
import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { OrgConfig } from '../../shared/org'
import { EXPORT_COLUMNS, type ReportSummary } from '../../shared/reports'
import type { Queryable } from '../db/database'
import { CSV_BOM, csvLine } from '../http/csv'
import { SqlParams, openedInRangeSql, slaMetSql, type ReportSelection } from './query'

/** Rows read per round trip: large enough to keep the database busy, small enough to be nothing in memory. */
export const EXPORT_PAGE_ROWS = 2_000

interface ExportRow {
  [key: string]: unknown
  grievance_id: string
  ticket: string
  opened_at: Date | string
  division: string | null
  handle: string | null
  language: string
  priority: string
  status: string
  assignee: string | null
  first_response_at: Date | string | null
  resolved_at: Date | string | null
  sla_met: boolean | null
  breached_at: Date | string | null
  author_username: string
  tweet_id: string
  text: string | null
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString())

/** Where the export's rows come from: the cohort of the summary, in opening order. */
function cohortWhere(sel: ReportSelection, p: SqlParams): string {
  return [
    openedInRangeSql(sel, p),
    `f.band <> 'review'`,
    // The same range again as instants, so the pages walk the (opened_at, id) index.
    `f.opened_at >= ${p.add(sel.start.toISOString())}::timestamptz`,
    `f.opened_at < ${p.add(sel.end.toISOString())}::timestamptz`,
  ].join(' AND ')
}

export async function countExportRows(db: Queryable, sel: ReportSelection): Promise<number> {
  const p = new SqlParams()
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM grievance_facts f WHERE ${cohortWhere(sel, p)}`,
    p.values,
  )
  return Number(row?.n ?? 0)
}

/** The rows in keyset pages of EXPORT_PAGE_ROWS, each page as the database gave it. */
async function* exportPages(db: Queryable, sel: ReportSelection): AsyncGenerator<ExportRow[]> {
  let after: { at: string; id: string } | null = null
  for (;;) {
    const p = new SqlParams()
    const where = cohortWhere(sel, p)
    const met = slaMetSql(p.add(sel.asOf.toISOString()))
    const keyset: string = after
      ? ` AND (f.opened_at, f.grievance_id) > (${p.add(after.at)}::timestamptz, ${p.add(after.id)})`
      : ''
    const rows: ExportRow[] = await db.query<ExportRow>(
      `SELECT f.grievance_id, f.ticket, f.opened_at, f.division, f.handle, f.language, f.priority, f.status,
         f.assignee, f.first_response_at, f.resolved_at, ${met} AS sla_met, f.breached_at, f.author_username,
         f.tweet_id, g.doc->'source'->>'text' AS text
       FROM grievance_facts f JOIN grievances g ON g.id = f.grievance_id
       WHERE ${where}${keyset}
       ORDER BY f.opened_at, f.grievance_id LIMIT ${EXPORT_PAGE_ROWS}`,
      p.values,
    )
    if (rows.length === 0) return
    yield rows
    if (rows.length < EXPORT_PAGE_ROWS) return
    const last = rows[rows.length - 1]!
    after = { at: iso(last.opened_at)!, id: last.grievance_id }
  }
}

/** A row's cells in EXPORT_COLUMNS order. Times are ISO instants (UTC); the SLA is yes, no or blank (undecided). */
function exportCells(row: ExportRow, org: OrgConfig): (string | null)[] {
  const division = row.division === null ? undefined : org.divisions.find((d) => d.id === row.division)
  const cells: Record<(typeof EXPORT_COLUMNS)[number], string | null> = {
    ticket: row.ticket,
    opened: iso(row.opened_at),
    division: row.division,
    divisionName: division?.name ?? null,
    divisionNameHi: division?.nameHi ?? null,
    handle: row.handle,
    language: row.language,
    priority: row.priority,
    status: row.status,
    assignee: row.assignee,
    firstResponse: iso(row.first_response_at),
    resolved: iso(row.resolved_at),
    slaMet: row.sla_met === null ? null : row.sla_met ? 'yes' : 'no',
    breachedAt: iso(row.breached_at),
    citizen: row.author_username,
    tweetLink: `https://x.com/${encodeURIComponent(row.author_username)}/status/${encodeURIComponent(row.tweet_id)}`,
    text: row.text,
  }
  return EXPORT_COLUMNS.map((c) => cells[c])
}

/** CSV: UTF-8 with BOM, RFC 4180, formulas defused; read and written a page at a time, at the reader's pace. */
export function grievancesCsv(db: Queryable, org: OrgConfig, sel: ReportSelection): Readable {
  async function* chunks(): AsyncGenerator<string> {
    yield CSV_BOM + csvLine(EXPORT_COLUMNS)
    for await (const page of exportPages(db, sel)) yield page.map((row) => csvLine(exportCells(row, org))).join('')
  }
  return Readable.from(chunks(), { objectMode: false })
}

/** The summary sheet: the range, the filters, the headline figures and the divisions. */
function summaryRows(summary: ReportSummary): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    ['from', summary.from],
    ['to', summary.to],
    ['generatedAt', summary.generatedAt],
    ...Object.entries(summary.filters).map(([k, v]) => [`filter.${k}`, v ?? null]),
    ['tweetsReceived', summary.tweets.received],
    ['tweetsActionable', summary.tweets.actionable],
    ['tweetsReview', summary.tweets.review],
    ['tweetsIgnored', summary.tweets.ignored],
  ]
  const figures = [
    'grievancesOpened',
    'grievancesResolved',
    'grievancesRejected',
    'grievancesReopened',
    'firstResponseMedianSeconds',
    'firstResponseP90Seconds',
    'resolutionMedianSeconds',
    'resolutionP90Seconds',
    'slaMetShare',
    'slaDecided',
  ] as const
  for (const f of figures) rows.push([f, summary[f]])
  rows.push(['costTotalUsd', summary.cost.totalUsd], ['costPerGrievanceUsd', summary.cost.perGrievanceUsd], [])
  rows.push(['division', 'divisionName', 'divisionNameHi', ...figures])
  for (const d of summary.byDivision) rows.push([d.division, d.name, d.nameHi, ...figures.map((f) => d[f])])
  return rows
}

/**
 * XLSX through exceljs' streaming writer: rows are committed as they are read and the
 * zip goes out as it is made; the writer waits whenever the client is behind.
 */
export function grievancesXlsx(
  db: Queryable,
  org: OrgConfig,
  sel: ReportSelection,
  summary: ReportSummary,
  onError: (error: unknown) => void,
): PassThrough {
  const out = new PassThrough()
  const write = async (): Promise<void> => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false })
    const sheet = book.addWorksheet('Grievances')
    sheet.addRow([...EXPORT_COLUMNS]).commit()
    for await (const page of exportPages(db, sel)) {
      if (out.destroyed) return
      for (const row of page) sheet.addRow(exportCells(row, org)).commit()
      // The client is behind: wait for it (or for it to go away).
      if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')])
    }
    sheet.commit()
    const totals = book.addWorksheet('Summary')
    for (const row of summaryRows(summary)) totals.addRow(row).commit()
    totals.commit()
    await book.commit()
  }
  write().catch((error: unknown) => {
    onError(error)
    out.destroy(error instanceof Error ? error : new Error(String(error)))
  })
  return out
}
