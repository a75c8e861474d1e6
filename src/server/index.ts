// The central server: database, org, HTTP API, and the background workers (mention
// ingestion, reply outbox). startServer is the one entry point for the CLI and tests.
import { readFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyError } from 'fastify'
import { OrgConfig } from '../shared/org'
import { compileOrg } from '../shared/routing'
import { openDatabase, type Database } from './db/database'
import { migrate } from './db/migrations'
import { ChangeNotifier, primaryHandleOf, type ServerContext } from './context'
import { seedDemoUsers, type DemoLogin } from './demo'
import { registerRoutes } from './http/routes'
import { HttpError } from './http/errors'
import { createXClient } from './x/client'
import { MentionPoller } from './ingest/mention-poller'
import { ReplyWorker } from './replies/worker'

export type { Database, Queryable } from './db/database'
export { allocateGrievance } from './allocation'

export interface StartServerOptions {
  port?: number
  host?: string
  orgFile?: string
  org?: OrgConfig
  /** PGlite directory; undefined with no databaseUrl = in memory. */
  dataDir?: string
  databaseUrl?: string
  xApiBase?: string
  xUserToken?: string
  xAppToken?: string
  demo?: boolean
  demoPassword?: string
  /** Interval of the background workers; 0 or less turns them off (tests drive them by hand). */
  pollIntervalMs?: number
  acknowledge?: boolean
  instanceId?: string
  /** First retry delay of a failed reply post (doubles each attempt). */
  replyBackoffMs?: number
  replyMaxAttempts?: number
  log?: (message: string) => void
}

export interface RunningServer {
  url: string
  port: number
  close(): Promise<void>
  db: Database
  ingestNow(): Promise<number>
  postRepliesNow(): Promise<number>
  /** Demo logins seeded (empty unless demo). */
  demoLogins: DemoLogin[]
}

export const DEFAULT_ORG_FILE = fileURLToPath(new URL('../../resources/orgs/mha.json', import.meta.url))
export const REAL_X_API = 'https://api.x.com'

export async function loadOrg(file: string): Promise<OrgConfig> {
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'))
  const parsed = OrgConfig.safeParse(raw)
  if (!parsed.success) {
    throw new Error(`Invalid organisation file ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  }
  return parsed.data
}

/** Token defaults: the simulator accepts sim-user-<handle> and sim-app; real X needs real ones. */
export function resolveXTokens(opts: { xApiBase?: string; xUserToken?: string; xAppToken?: string }, primaryHandle: string) {
  const base = opts.xApiBase ?? REAL_X_API
  const isReal = /^https:\/\/api\.(x|twitter)\.com\/?$/.test(base)
  return {
    base,
    userToken: opts.xUserToken ?? (isReal ? undefined : `sim-user-${primaryHandle}`),
    appToken: opts.xAppToken ?? (isReal ? undefined : 'sim-app'),
  }
}

export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? ((message: string) => console.log(message))
  const org = opts.org ? OrgConfig.parse(opts.org) : await loadOrg(opts.orgFile ?? DEFAULT_ORG_FILE)
  const db = await openDatabase({ ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}), ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) })
  try {
    await migrate(db)
  } catch (error) {
    await db.close()
    throw error
  }
  const demoLogins = opts.demo ? await seedDemoUsers(db, org, opts.demoPassword ?? 'seva-demo') : []
  const primaryHandle = primaryHandleOf(org)
  const ctx: ServerContext = {
    db,
    org,
    compiled: compileOrg(org),
    ownHandles: new Set(org.handles.map((h) => h.username.toLowerCase())),
    primaryHandle,
    acknowledge: opts.acknowledge ?? org.acknowledge.enabled,
    changes: new ChangeNotifier(),
    log,
  }
  ctx.changes.setMaxListeners(0)
  const instanceId = opts.instanceId ?? `${hostname()}:server`

  const tokens = resolveXTokens(opts, primaryHandle)
  const readToken = tokens.appToken ?? tokens.userToken
  const poller = readToken ? new MentionPoller(ctx, createXClient(tokens.base, readToken).readOnly) : null
  const replies = tokens.userToken
    ? new ReplyWorker(ctx, createXClient(tokens.base, tokens.userToken), {
        instanceId,
        ...(opts.replyBackoffMs !== undefined ? { backoffMs: opts.replyBackoffMs } : {}),
        ...(opts.replyMaxAttempts !== undefined ? { maxAttempts: opts.replyMaxAttempts } : {}),
      })
    : null
  if (!poller) log('[server] no X token configured: mention ingestion is off')
  if (!replies) log('[server] no X user token configured: replies stay queued')

  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 2 * 1024 * 1024 })
  app.setErrorHandler((error: FastifyError | HttpError, _request, reply) => {
    if (error instanceof HttpError) return reply.code(error.statusCode).send({ error: error.code, message: error.message })
    const status = error.statusCode ?? 500
    if (status < 500) return reply.code(status).send({ error: error.code ?? 'bad_request', message: error.message })
    log(`[server] internal error: ${error.stack ?? error.message}`)
    return reply.code(500).send({ error: 'internal', message: 'Internal server error' })
  })
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', message: `No route ${request.method} ${request.url}` }),
  )
  const streams = new Set<() => void>()
  registerRoutes(app, ctx, { instanceId, streams })

  const ingestNow = async (): Promise<number> => (poller ? poller.pollOnce() : 0)
  const postRepliesNow = async (): Promise<number> => (replies ? replies.runOnce() : 0)

  // Background loops: setTimeout chains, so a slow pass never overlaps the next.
  let stopped = false
  const timers = new Set<NodeJS.Timeout>()
  const inFlight = new Set<Promise<unknown>>()
  const loop = (pass: () => Promise<unknown>, everyMs: number): void => {
    const tick = (): void => {
      if (stopped) return
      const run = pass().catch((error: unknown) => log(`[server] background pass failed: ${String(error)}`))
      inFlight.add(run)
      void run.finally(() => {
        inFlight.delete(run)
        if (stopped) return
        const timer = setTimeout(() => {
          timers.delete(timer)
          tick()
        }, everyMs)
        timers.add(timer)
      })
    }
    tick()
  }
  const pollMs = opts.pollIntervalMs ?? 5_000
  if (pollMs > 0) {
    if (poller) loop(ingestNow, pollMs)
    if (replies) loop(postRepliesNow, Math.min(pollMs, 1_000))
  }

  let address: string
  try {
    address = await app.listen({ port: opts.port ?? 4020, host: opts.host ?? '127.0.0.1' })
  } catch (error) {
    stopped = true
    await db.close()
    throw error
  }
  const port = (app.server.address() as { port: number }).port
  const url = address.replace('[::1]', '127.0.0.1')

  let closing: Promise<void> | null = null
  const close = (): Promise<void> => {
    closing ??= (async () => {
      stopped = true
      for (const timer of timers) clearTimeout(timer)
      for (const end of [...streams]) end()
      await app.close()
      await Promise.allSettled([...inFlight])
      await db.close()
    })()
    return closing
  }
  return { url, port, close, db, ingestNow, postRepliesNow, demoLogins }
}
