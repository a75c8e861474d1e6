// GET /api/v1/monitor: the supervisors' live monitor. Supervisors see their divisions (all
// of them with ORG_WIDE), admins the whole organisation, officers get 403. A read of
// counts, not an export: not audited. The desk re-fetches it when its changes feed moves
// (see features/monitor), so no event of its own is needed.
import type { FastifyInstance } from 'fastify'
import { MONITOR_PATHS, type MonitorSnapshot } from '../../shared/monitor'
import { requireRole } from '../auth/routes'
import type { ServerContext } from '../context'
import { seesWholeOrg } from '../scope'
import type { ActivityBoard } from './activity'
import { monitorSnapshot } from './snapshot'

export interface MonitorSources {
  activity: ActivityBoard
  /** Users with an event stream open on this instance. */
  connectedUsers: () => ReadonlySet<string>
  awayAfterMs: number
}

export function registerMonitorRoutes(app: FastifyInstance, ctx: ServerContext, sources: MonitorSources): void {
  app.get(MONITOR_PATHS.monitor, async (request): Promise<MonitorSnapshot> => {
    const user = await requireRole(ctx, request, ['supervisor', 'admin'], 'see the live monitor')
    return monitorSnapshot(ctx.db, {
      org: ctx.config.current().org,
      divisions: seesWholeOrg(user) ? null : user.divisions,
      now: new Date(),
      awayAfterMs: sources.awayAfterMs,
      connected: sources.connectedUsers(),
      lastSeenAt: (username) => sources.activity.lastSeenAt(username),
    })
  })
}
