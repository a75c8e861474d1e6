// The HTTP API of API_PATHS: validated bodies in, {error, message} out on failure.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ActionsRequest, API_PATHS, LoginRequest, type OrgSummary } from '../../shared/protocol'
import { login, publicUser, userForToken, type StaffUser } from '../auth'
import { applyActions } from '../actions'
import { changesFor, MAX_PAGE } from '../feed'
import { currentSeq } from '../grievances'
import type { ServerContext } from '../context'
import { withTimeout } from '../db/database'
import { describeZodError, HttpError } from './errors'
import { openEventStream } from './events'

/** A health check that waits longer than this calls the database down. */
export const HEALTH_TIMEOUT_MS = 2_000

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null
  return null
}

export async function authenticate(
  ctx: ServerContext,
  request: FastifyRequest,
  allowQueryToken = false,
): Promise<StaffUser> {
  const query = request.query as Record<string, string | undefined>
  const token = bearerToken(request) ?? (allowQueryToken ? (query.token ?? null) : null)
  if (!token) throw new HttpError(401, 'unauthorized', 'Sign in first: send Authorization: Bearer <token>')
  const user = await userForToken(ctx.db, token)
  if (!user) throw new HttpError(401, 'unauthorized', 'The session token is unknown or has expired; sign in again')
  return user
}

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
  extra: { instanceId: string; streams: Set<() => void>; isLeader?: () => boolean },
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
    if (!user || (user.role !== 'supervisor' && user.role !== 'admin')) return { ok: true }
    return {
      ok: true,
      db: ctx.db.kind,
      org: ctx.org.id,
      instance: extra.instanceId,
      instanceId: extra.instanceId,
      // Whether this instance runs ingestion and reply posting (the lease holder).
      leader: extra.isLeader?.() ?? true,
      seq: await withTimeout(currentSeq(ctx.db), HEALTH_TIMEOUT_MS, 'the database did not answer'),
    }
  })

  app.post(API_PATHS.login, async (request, reply) => {
    const parsed = LoginRequest.safeParse(request.body)
    if (!parsed.success) throw new HttpError(400, 'bad_request', describeZodError(parsed.error))
    const session = await login(ctx.db, parsed.data.username, parsed.data.password)
    if (!session) throw new HttpError(401, 'invalid_credentials', 'Wrong username or password')
    return reply.send({ token: session.token, user: publicUser(session.user) })
  })

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
    const user = await authenticate(ctx, request, true)
    await openEventStream(ctx, request, reply, user, extra.streams)
  })

  app.post(API_PATHS.actions, async (request) => {
    const user = await authenticate(ctx, request)
    const parsed = ActionsRequest.safeParse(request.body)
    if (!parsed.success) throw new HttpError(400, 'bad_request', describeZodError(parsed.error))
    return { results: await applyActions(ctx, user, parsed.data.actions) }
  })
}
