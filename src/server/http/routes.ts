// The HTTP API of API_PATHS: validated bodies in, {error, message} out on failure.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { LIMITS } from '../../shared/limits'
import {
  ActionsRequest,
  API_PATHS,
  ChangesQuery,
  EventsQuery,
  LoginRequest,
  type OrgSummary,
} from '../../shared/protocol'
import { login, publicUser, userForToken, type StaffUser } from '../auth'
import { applyActions } from '../actions'
import { changesFor } from '../feed'
import { currentSeq } from '../grievances'
import type { ServerContext } from '../context'
import { describeZodError, HttpError } from './errors'
import { openEventStream } from './events'

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

/** A request's body or query through its contract: a 400 saying what is wrong, or the parsed value. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new HttpError(400, 'bad_request', describeZodError(parsed.error))
  return parsed.data
}

export function registerRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  extra: { instanceId: string; streams: Set<() => void>; isLeader?: () => boolean },
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

  app.post(API_PATHS.login, { bodyLimit: LIMITS.smallBodyBytes }, async (request, reply) => {
    const body = parseInput(LoginRequest, request.body)
    const session = await login(ctx.db, body.username, body.password)
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
    const { after, limit } = parseInput(ChangesQuery, request.query)
    return changesFor(ctx.db, user, after, limit)
  })

  app.get(API_PATHS.events, async (request, reply) => {
    parseInput(EventsQuery, request.query)
    const user = await authenticate(ctx, request, true)
    await openEventStream(ctx, request, reply, user, extra.streams)
  })

  app.post(API_PATHS.actions, { bodyLimit: LIMITS.actionsBodyBytes }, async (request) => {
    const user = await authenticate(ctx, request)
    const { actions } = parseInput(ActionsRequest, request.body)
    return { results: await applyActions(ctx, user, actions) }
  })
}
