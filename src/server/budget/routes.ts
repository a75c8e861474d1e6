// GET /api/v1/supervisor/budget: the X budget in money for supervisors and admins (officers:
// 403). A read of figures, not an export or a change, so it is not audited; changes go
// through the configuration API.
import type { FastifyInstance } from 'fastify'
import { BUDGET_PATHS, type BudgetReport } from '../../shared/budget'
import type { IngestionStatus } from '../../shared/protocol'
import { requireRole } from '../auth/routes'
import type { ServerContext } from '../context'
import { buildBudgetReport } from './report'

export function registerBudgetRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  ingestion: () => Promise<IngestionStatus | null>,
): void {
  app.get(BUDGET_PATHS.budget, async (request): Promise<BudgetReport> => {
    const user = await requireRole(ctx, request, ['supervisor', 'admin'], 'see the X budget')
    const status = await ingestion().catch(() => null)
    const { org, version } = ctx.config.current()
    return buildBudgetReport({
      db: ctx.db,
      org,
      now: new Date(),
      xReportedReads: status?.budget.xReported?.projectUsage,
      // Admins save the `budget` and `ingestion` sections through the configuration API
      // (PUT /api/v1/admin/config/sections/:section, audited there); supervisors only read.
      editable: user.role === 'admin',
      configVersion: version,
    })
  })
}
