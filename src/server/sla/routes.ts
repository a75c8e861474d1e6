// The SLA capability's route:
//   GET /api/v1/sla/breached   supervisors and admins: open breached work in their scope
//       (officers: 403), read from the sla_state index, oldest breach first.
import type { FastifyInstance } from 'fastify'
import type { Grievance } from '../../shared/grievance'
import { LIMITS } from '../../shared/limits'
import { interimOwed, SLA_PATHS, type SlaBreachedResponse } from '../../shared/sla'
import type { ServerContext } from '../context'
import { requireRole } from '../auth/routes'
import { canSee, seesWholeOrg } from '../scope'

export function registerSlaRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(SLA_PATHS.breached, async (request): Promise<SlaBreachedResponse> => {
    const user = await requireRole(ctx, request, ['supervisor', 'admin'], 'see breached grievances')
    const whole = seesWholeOrg(user)
    const rows = await ctx.db.query<{ doc: Grievance }>(
      `SELECT doc FROM grievances
       WHERE sla_state = 'breached' AND status NOT IN ('resolved', 'closed', 'rejected')
         AND ($1 OR division = ANY($2::text[]) OR assignee = $3)
       ORDER BY doc->'sla'->>'breachedAt', id LIMIT $4`,
      [whole, user.divisions, user.username, LIMITS.slaBreachedList + 1],
    )
    const items = rows
      .map((r) => r.doc)
      .filter((g) => canSee(user, g) && g.sla?.breachedAt)
      .slice(0, LIMITS.slaBreachedList)
      .map((g) => ({
        id: g.id,
        ticket: g.ticket,
        division: g.division,
        assignee: g.assignee,
        priority: g.priority,
        breachedAt: g.sla!.breachedAt!,
        escalationLevel: g.sla!.escalationLevel,
        interimOwed: interimOwed(g.sla!),
      }))
    return { items, truncated: rows.length > LIMITS.slaBreachedList }
  })
}
