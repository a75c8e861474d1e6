// The audit log for admins (everyone else: 403):
//   GET /api/v1/admin/audit?limit=&before=&q=&action=&actor=   newest first, paged
//   GET /api/v1/admin/audit.csv?…                                the same as CSV (audited)
//   GET /api/v1/admin/audit/verify                               re-checks the hash chain
import type { FastifyInstance } from 'fastify'
import { AUDIT_PATHS, AuditQuery, type AuditEntry, type AuditPage, type AuditVerification } from '../../shared/audit'
import { requireRole } from '../auth/routes'
import type { ServerContext } from '../context'
import { csvCell } from '../http/csv'
import { parseInput } from '../http/routes'
import { audit, listAudit, verifyAuditChain } from './log'

function auditCsv(entries: readonly AuditEntry[]): string {
  const header = ['seq', 'at', 'actor', 'action', 'target', 'clientAddress', 'details', 'hash']
  const lines = entries.map((e) =>
    [e.seq, e.at, e.actor, e.action, e.target, e.clientAddress, e.details, e.hash].map(csvCell).join(','),
  )
  // The BOM makes Excel read UTF-8 (Hindi names) instead of the workstation's code page.
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`
}

export function registerAuditRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(AUDIT_PATHS.audit, async (request): Promise<AuditPage> => {
    await requireRole(ctx, request, ['admin'], 'read the audit log')
    return listAudit(ctx.db, parseInput(AuditQuery, request.query))
  })

  app.get(AUDIT_PATHS.auditCsv, async (request, reply) => {
    const user = await requireRole(ctx, request, ['admin'], 'export the audit log')
    const query = parseInput(AuditQuery, request.query)
    const page = await listAudit(ctx.db, query)
    await audit(ctx.db, {
      actor: user.username,
      action: 'audit.exported',
      clientAddress: request.ip,
      details: { rows: page.entries.length, query },
    })
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="audit-log.csv"')
      .send(auditCsv(page.entries))
  })

  app.get(AUDIT_PATHS.auditVerify, async (request): Promise<AuditVerification> => {
    await requireRole(ctx, request, ['admin'], 'verify the audit log')
    return verifyAuditChain(ctx.db)
  })
}
