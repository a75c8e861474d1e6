// GET /api/v1/admin/budget: the X budget in money for supervisors and admins (officers:
// 403). A read of figures, not an export or a change, so it is not audited.
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
    await requireRole(ctx, request, ['supervisor', 'admin'], 'see the X budget')
    const status = await ingestion().catch(() => null)
    return buildBudgetReport({
      db: ctx.db,
      org: ctx.org,
      now: new Date(),
      xReportedReads: status?.budget.xReported?.projectUsage,
      // Saving goes through the configuration API, which this server does not have yet.
      editable: false,
    })
  })
}
