// The HTTP API of API_PATHS: validated bodies in, {error, message} out on failure.
import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'
import { LIMITS } from '../../shared/limits'
import { ActionsRequest, API_PATHS, ChangesQuery, type OrgSummary } from '../../shared/protocol'
import { publicUser, userForToken, type LoginThrottlePolicy } from '../auth'
import { authenticate, authenticateSession, bearerToken, registerAuthRoutes } from '../auth/routes'
import { applyActions } from '../actions'
import { changesFor } from '../feed'
import { currentSeq } from '../grievances'
import type { ServerContext } from '../context'
import { withTimeout } from '../db/database'
import { describeZodError, HttpError } from './errors'
import type { EventStreams } from './events'
import type { ActivityBoard } from '../monitor/activity'

export { authenticate } from '../auth/routes'

/** A health check that waits longer than this calls the database down. */
export const HEALTH_TIMEOUT_MS = 2_000

function orgSummary(ctx: ServerContext): OrgSummary {
  const { org } = ctx.config.current()
  return {
    id: org.id,
    name: org.name,
    ticketPrefix: org.ticketPrefix,
    handles: org.handles.map((h) => h.username),
    divisions: org.divisions.map((d) => ({ id: d.id, name: d.name, ...(d.nameHi ? { nameHi: d.nameHi } : {}) })),
    templates: org.templates.map((t) => ({ id: t.id, label: t.label, language: t.language, text: t.text })),
  }
}

/** A request's body or query through its contract: a 400 saying what is wrong, or the parsed value. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new HttpError(400, 'bad_request', describeZodError(parsed.error))
  return parsed.data
}

export function registerRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  extra: {
    instanceId: string
    streams: EventStreams
    throttle: LoginThrottlePolicy
    isLeader?: () => boolean
    activity?: ActivityBoard
  },
): void {
  // Health: `{ok}` for anyone (load balancers, the launcher), 503 when the database does
  // not answer within HEALTH_TIMEOUT_MS. The details (database, org, instance, leadership,
  // sequence) only for a supervisor's or admin's Bearer token: they map the deployment.
  app.get(API_PATHS.health, async (request, reply) => {
    try {
      await (ctx.db.ping
        ? ctx.db.ping(HEALTH_TIMEOUT_MS)
        : withTimeout(ctx.db.query('SELECT 1'), HEALTH_TIMEOUT_MS, 'the database did not answer'))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return reply.code(503).send({ ok: false, error: 'database_unavailable', message })
    }
    const token = bearerToken(request)
    const user = token
      ? await withTimeout(userForToken(ctx.db, token), HEALTH_TIMEOUT_MS, 'the database did not answer').catch(
          () => null,
        )
      : null
    if (!user || user.mustChangePassword || (user.role !== 'supervisor' && user.role !== 'admin')) return { ok: true }
    return {
      ok: true,
      db: ctx.db.kind,
      org: ctx.config.current().org.id,
      instance: extra.instanceId,
      instanceId: extra.instanceId,
      // Whether this instance runs ingestion and reply posting (the lease holder).
      leader: extra.isLeader?.() ?? true,
      seq: await withTimeout(currentSeq(ctx.db), HEALTH_TIMEOUT_MS, 'the database did not answer'),
    }
  })

  registerAuthRoutes(app, ctx, { throttle: extra.throttle, sessions: extra.streams })

  // Served to a user who must change their password too: the desk learns who it is and what is pending.
  app.get(API_PATHS.me, async (request) => {
    const user = await authenticate(ctx, request, {
      allowPasswordChangePending: true,
      allowTwoFactorEnrolmentPending: true,
    })
    return { ...publicUser(user), mustChangePassword: user.mustChangePassword ?? false }
  })

  app.get(API_PATHS.org, async (request) => {
    await authenticate(ctx, request)
    return orgSummary(ctx)
  })

  app.get(API_PATHS.changes, async (request) => {
    const user = await authenticate(ctx, request)
    const { after, limit } = parseInput(ChangesQuery, request.query)
    // A pull is the desk at work: the monitor's presence counts it as activity.
    extra.activity?.seen(user.username)
    return changesFor(ctx.db, user, after, limit)
  })

  app.get(API_PATHS.events, async (request, reply) => {
    await extra.streams.open(reply, await authenticateSession(ctx, request))
  })

  app.post(API_PATHS.actions, { bodyLimit: LIMITS.actionsBodyBytes }, async (request) => {
    const user = await authenticate(ctx, request)
    const { actions } = parseInput(ActionsRequest, request.body)
    extra.activity?.seen(user.username)
    return { results: await applyActions(ctx, user, actions, request.ip) }
  })
}
