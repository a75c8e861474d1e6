// GET /api/v1/admin/ingestion: the read budget and every source's state, for
// supervisors and admins (officers get 403: budgets are not their concern).
import type { FastifyInstance } from 'fastify'
import { API_PATHS, type IngestionStatus } from '../../shared/protocol'
import type { ServerContext } from '../context'
import { HttpError } from './errors'
import { authenticate } from './routes'

export function registerIngestionRoute(
  app: FastifyInstance,
  ctx: ServerContext,
  status: () => Promise<IngestionStatus | null>,
): void {
  app.get(API_PATHS.ingestion, async (request) => {
    const user = await authenticate(ctx, request)
    if (user.role !== 'supervisor' && user.role !== 'admin') {
      throw new HttpError(403, 'forbidden', 'Only supervisors and admins may see the ingestion status')
    }
    const current = await status()
    if (!current) throw new HttpError(503, 'ingestion_off', 'Ingestion is not configured on this server (no X token)')
    return current
  })
}
