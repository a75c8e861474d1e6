// The SLA capability's routes:
//   GET /api/v1/sla/breached   supervisors and admins: open breached work in their scope
//       (officers: 403), read from the sla_state index, oldest breach first.
//   GET /api/v1/admin/sla/holidays   admins: the default holiday list a policy without its
//       own uses, for the SLA section to show and preview with (the policy itself is saved
//       through the configuration's versions: PUT /api/v1/admin/config/sections/slaPolicy).
import type { FastifyInstance } from 'fastify'
import type { Grievance } from '../../shared/grievance'
import { LIMITS } from '../../shared/limits'
import { interimOwed, SLA_PATHS, type SlaBreachedResponse, type SlaDefaultHolidays } from '../../shared/sla'
import type { ServerContext } from '../context'
import { requireRole } from '../auth/routes'
import { canSee, seesWholeOrg } from '../scope'
import { indiaCentralHolidays, indiaCentralHolidaysAbout } from './policy'

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

  app.get(SLA_PATHS.defaultHolidays, async (request): Promise<SlaDefaultHolidays> => {
    await requireRole(ctx, request, ['admin'], 'read the default holidays')
    return { about: indiaCentralHolidaysAbout(), holidays: indiaCentralHolidays() }
  })
}
