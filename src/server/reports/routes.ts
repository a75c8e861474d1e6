// Reports for supervisors (their divisions) and admins (the organisation); officers 403.
//   GET /api/v1/reports/summary?from=&to=[&division=&handle=&language=&priority=&officer=]
//   GET /api/v1/reports/grievances.xlsx?…   one row per grievance opened in the range (audited)
//   GET /api/v1/reports/grievances.csv?…    the same rows as CSV (audited)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { LIMITS } from '../../shared/limits'
import { REPORTS_PATHS, ReportQuery, type ReportSummary } from '../../shared/reports'
import { audit } from '../audit/log'
import { requireRole } from '../auth/routes'
import type { ServerContext } from '../context'
import { HttpError } from '../http/errors'
import { parseInput } from '../http/routes'
import { countExportRows, grievancesCsv, grievancesXlsx } from './export'
import { reportSelection, type ReportSelection } from './query'
import { reportSummary } from './summary'

const REPORT_ROLES = ['supervisor', 'admin'] as const

async function selectionFor(ctx: ServerContext, request: FastifyRequest, what: string) {
  const user = await requireRole(ctx, request, REPORT_ROLES, what)
  return { user, sel: reportSelection(user, parseInput(ReportQuery, request.query)) }
}

/** `seva-grievances-2026-01-01_2026-01-31[-division].csv`: ASCII only, so every browser keeps it. */
function exportFilename(sel: ReportSelection, ext: 'csv' | 'xlsx'): string {
  const division = sel.query.division ? `-${sel.query.division.replace(/[^A-Za-z0-9_-]/g, '_')}` : ''
  return `seva-grievances-${sel.query.from}_${sel.query.to}${division}.${ext}`
}

export function registerReportsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(REPORTS_PATHS.summary, async (request): Promise<ReportSummary> => {
    const { sel } = await selectionFor(ctx, request, 'read reports')
    return reportSummary(ctx.db, ctx.org, sel)
  })

  /** Counts, refuses what is too large, and audits before a byte goes out: a cancelled download is still on the record. */
  async function startExport(request: FastifyRequest, reply: FastifyReply, format: 'csv' | 'xlsx') {
    const { user, sel } = await selectionFor(ctx, request, 'export reports')
    const rows = await countExportRows(ctx.db, sel)
    if (rows > LIMITS.reportExportRows)
      throw new HttpError(
        400,
        'too_many_rows',
        `This export would hold ${rows} grievances; at most ${LIMITS.reportExportRows} fit in one. Narrow the range or add a filter.`,
      )
    const { from, to, ...filters } = sel.query
    await audit(ctx.db, {
      actor: user.username,
      action: 'report.exported',
      target: `${from}..${to}`,
      clientAddress: request.ip,
      details: { format, from, to, filters, rows, ...(sel.divisions ? { scope: sel.divisions } : {}) },
    })
    reply.header('content-disposition', `attachment; filename="${exportFilename(sel, format)}"`)
    return sel
  }

  app.get(REPORTS_PATHS.grievancesCsv, async (request, reply) => {
    const sel = await startExport(request, reply, 'csv')
    return reply.header('content-type', 'text/csv; charset=utf-8').send(grievancesCsv(ctx.db, ctx.org, sel))
  })

  app.get(REPORTS_PATHS.grievancesXlsx, async (request, reply) => {
    const sel = await startExport(request, reply, 'xlsx')
    const summary = await reportSummary(ctx.db, ctx.org, sel)
    const body = grievancesXlsx(ctx.db, ctx.org, sel, summary, (error) =>
      ctx.log(`reports: the XLSX export ${sel.query.from}..${sel.query.to} failed midway: ${String(error)}`),
    )
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(body)
  })
}
