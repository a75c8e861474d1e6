// The HTTP API of API_PATHS: validated bodies in, {error, message} out on failure.
import type { FastifyInstance } from 'fastify'
import { LIMITS } from '../../shared/limits'
import { ActionsRequest, API_PATHS, type OrgSummary } from '../../shared/protocol'
import { publicUser, type LoginThrottlePolicy } from '../auth'
import { authenticate, authenticateSession, registerAuthRoutes } from '../auth/routes'
import { applyActions } from '../actions'
import { changesFor, MAX_PAGE } from '../feed'
import { currentSeq } from '../grievances'
import type { ServerContext } from '../context'
import { describeZodError, HttpError } from './errors'
import type { EventStreams } from './events'

export { authenticate } from '../auth/routes'

function orgSummary(ctx: ServerContext): OrgSummary {
  const { org } = ctx
  return {
    id: org.id,
    name: org.name,
    ticketPrefix: org.ticketPrefix,
    handles: org.handles.map((h) => h.username),
    divisions: org.divisions.map((d) => ({ id: d.id, name: d.name, ...(d.nameHi ? { nameHi: d.nameHi } : {}) })),
    templates: org.templates.map((t) => ({ id: t.id, label: t.label, language: t.language, text: t.text })),
  }
}

function intParam(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined || value === '') return fallback
  if (!/^\d+$/.test(value)) throw new HttpError(400, 'bad_request', `${name} must be a non-negative integer`)
  return Math.max(min, Number(value))
}

export function registerRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  extra: { instanceId: string; streams: EventStreams; throttle: LoginThrottlePolicy; isLeader?: () => boolean },
): void {
  app.get(API_PATHS.health, async () => {
    await ctx.db.query('SELECT 1')
    return {
      ok: true,
      db: ctx.db.kind,
      org: ctx.org.id,
      instance: extra.instanceId,
      instanceId: extra.instanceId,
      // Whether this instance runs ingestion and reply posting (the lease holder).
      leader: extra.isLeader?.() ?? true,
      seq: await currentSeq(ctx.db),
    }
  })

  registerAuthRoutes(app, ctx, { throttle: extra.throttle, sessions: extra.streams })

  app.get(API_PATHS.me, async (request) => publicUser(await authenticate(ctx, request)))

  app.get(API_PATHS.org, async (request) => {
    await authenticate(ctx, request)
    return orgSummary(ctx)
  })

  app.get(API_PATHS.changes, async (request) => {
    const user = await authenticate(ctx, request)
    const query = request.query as Record<string, string | undefined>
    const after = intParam(query.after, 'after', 0, 0)
    const limit = Math.min(MAX_PAGE, intParam(query.limit, 'limit', 100, 1))
    return changesFor(ctx.db, user, after, limit)
  })

  app.get(API_PATHS.events, async (request, reply) => {
    await extra.streams.open(reply, await authenticateSession(ctx, request))
  })

  app.post(API_PATHS.actions, { bodyLimit: LIMITS.actionsBodyBytes }, async (request) => {
    const user = await authenticate(ctx, request)
    const parsed = ActionsRequest.safeParse(request.body)
    if (!parsed.success) throw new HttpError(400, 'bad_request', describeZodError(parsed.error))
    return { results: await applyActions(ctx, user, parsed.data.actions) }
  })
}
