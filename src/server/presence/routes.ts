// POST /api/v1/presence: a desk says what its officer is doing on a grievance and gets
// back the others there now, so the bar is right before the first event arrives. A
// grievance the user may not see is a 404, the same answer as one that does not exist.
import type { FastifyInstance } from 'fastify'
import { LIMITS } from '../../shared/limits'
import { API_PATHS, PresenceRequest, type PresenceList } from '../../shared/protocol'
import { authenticateSession } from '../auth/routes'
import type { ServerContext } from '../context'
import { loadGrievance } from '../grievances'
import { HttpError } from '../http/errors'
import { parseInput } from '../http/routes'
import { canSee } from '../scope'
import type { PresenceBoard } from './board'

export function registerPresenceRoutes(app: FastifyInstance, ctx: ServerContext, board: PresenceBoard): void {
  app.post(API_PATHS.presence, { bodyLimit: LIMITS.smallBodyBytes }, async (request): Promise<PresenceList> => {
    const session = await authenticateSession(ctx, request)
    const { grievanceId, state } = parseInput(PresenceRequest, request.body)
    const grievance = await loadGrievance(ctx.db, grievanceId)
    if (!grievance || !canSee(session.user, grievance))
      throw new HttpError(404, 'not_found', `No grievance ${grievanceId} in your scope`)
    if (state === 'left') board.leave(session.id)
    else
      board.set({
        sessionId: session.id,
        username: session.user.username,
        displayName: session.user.displayName,
        grievanceId,
        place: { division: grievance.division, assignee: grievance.assignee },
        state,
        since: new Date().toISOString(),
      })
    return { grievanceId, users: board.othersOn(grievanceId, session.user.username) }
  })
}
