// GET /api/v1/supervisor/ingestion: the read budget and every source's state, for
// supervisors and admins (officers get 403: budgets are not their concern). Its first
// address, /api/v1/admin/ingestion, answers admins only, as every /admin/ route does.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { API_PATHS, type IngestionStatus, type Role } from '../../shared/protocol'
import { requireRole } from '../auth/routes'
import type { ServerContext } from '../context'
import { HttpError } from './errors'

export function registerIngestionRoute(
  app: FastifyInstance,
  ctx: ServerContext,
  status: () => Promise<IngestionStatus | null>,
): void {
  const answer = (roles: readonly Role[]) => async (request: FastifyRequest) => {
    await requireRole(ctx, request, roles, 'see the ingestion status')
    const current = await status()
    if (!current) throw new HttpError(503, 'ingestion_off', 'Ingestion is not configured on this server (no X token)')
    return current
  }
  app.get(API_PATHS.ingestion, answer(['supervisor', 'admin']))
  app.get(API_PATHS.ingestionAdmin, answer(['admin']))
}
