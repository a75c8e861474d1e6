// The RTI archive of one grievance (src/shared/archive.ts):
//   GET /api/v1/grievances/:id/archive   JSON, for whoever may see the grievance (403 otherwise);
//                                         a supervisor's or admin's export is audited (report.exported)
import type { FastifyInstance } from 'fastify'
import { ARCHIVE_PATHS, ArchiveParams } from '../../shared/archive'
import { recordAudit } from '../audit'
import { requireRole } from '../auth/routes'
import type { ServerContext } from '../context'
import { writeTransaction } from '../db/database'
import { loadGrievance } from '../grievances'
import { HttpError } from '../http/errors'
import { parseInput } from '../http/routes'
import { canSee } from '../scope'
import { buildArchive } from './archive'

export function registerArchiveRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(ARCHIVE_PATHS.archive, async (request, reply) => {
    // Every role: an officer may keep the record of their own work; scope decides the rest.
    const user = await requireRole(ctx, request, ['officer', 'supervisor', 'admin'], 'export a grievance archive')
    const { id } = parseInput(ArchiveParams, request.params)
    const archive = await writeTransaction(ctx.db, async (tx) => {
      const g = await loadGrievance(tx, id)
      if (!g) throw new HttpError(404, 'not_found', `No grievance ${id}`)
      if (!canSee(user, g)) throw new HttpError(403, 'forbidden', `Grievance ${g.ticket} is outside your divisions`)
      const built = await buildArchive(tx, ctx.config.current().org, g, user.username)
      if (user.role !== 'officer')
        await recordAudit(tx, {
          actor: user.username,
          action: 'report.exported',
          target: g.ticket,
          clientAddress: request.ip,
          details: { report: 'grievance-archive', grievanceId: g.id },
        })
      return built
    })
    return reply.header('content-disposition', `attachment; filename="${archive.ticket}-archive.json"`).send(archive)
  })
}
