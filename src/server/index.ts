// The central server: database, org, HTTP API, and the background workers (mention
// ingestion, reply outbox, idle-assignee re-allocation). startServer is the one entry
// point for the CLI and tests.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { fileURLToPath } from 'node:url'
import helmet from '@fastify/helmet'
import Fastify from 'fastify'
import { LIMITS } from '../shared/limits'
import { OrgConfig } from '../shared/org'
import type { TriageModel } from '../shared/triage-model'
import { openDatabase, type Database } from './db/database'
import { migrate } from './db/migrations'
import { ChangeNotifier, type ServerContext } from './context'
import {
  CONFIG_CHECK_MS,
  ConfigSync,
  LiveOrg,
  latestConfig,
  liveTriage,
  registerConfigRoutes,
  seedConfig,
} from './config'
import { seedDemoUsers, type DemoLogin } from './demo'
import { registerRoutes } from './http/routes'
import { EventStreams } from './http/events'
import { PgPresenceRelay, PresenceBoard, registerPresenceRoutes } from './presence'
import {
  DEFAULT_LOGIN_THROTTLE,
  pruneExpiredSessions,
  pruneLoginThrottle,
  type LoginThrottlePolicy,
  type SessionCloser,
} from './auth'
import { apiErrorHandler } from './http/errors'
import type { TwitterApiReadWrite } from 'twitter-api-v2'
import { createXClient } from './x/client'
import { RateLimitPacer, rateLimitPlugin } from './x/rate-limits'
import { createIngestion, type IngestionOptions, type IngestionSupervisor } from './ingest'
import { registerIngestionRoute } from './http/ingestion-route'
import { loadOrgModel, registerReviewRoutes, triageFor } from './review'
import { backfillSearchRows, registerGrievanceSearchRoutes } from './search'
import { LiveModel, ModelSync, registerFileModel, registerModelRoutes } from './models'
import { registerAuditRoutes } from './audit'
import { registerUserRoutes } from './users'
import { registerBudgetRoutes } from './budget'
import {
  registerSlaRoutes,
  runSlaCheck,
  runSlaRefresh,
  slaRefresher,
  SLA_CHECK_INTERVAL_MS,
  SLA_REFRESH_CHECK_MS,
  type SlaRefreshOutcome,
  type SlaTransition,
} from './sla'
import { registerArchiveRoutes } from './reports/archive-routes'
import { registerReportsRoutes } from './reports'
import { ActivityBoard, DEFAULT_AWAY_AFTER_MS, registerMonitorRoutes } from './monitor'
import { createHandles, loadSecretKey, refreshDueHandles, registerHandlesRoutes, type RefreshResult } from './handles'
import { registerTwoFactorRoutes } from './two-factor'
import type { RefreshPolicy } from './handles/deps'
import { ReplyWorker, type ReplyWorkerOptions } from './replies/worker'
import { BackgroundLoops } from './cluster/background-loops'
import { DEFAULT_LEASE_MS, startClusterRole, type ClusterRole } from './cluster'
import {
  DEFAULT_IDLE_REASSIGN_MS,
  IDLE_CHECK_INTERVAL_MS,
  runIdleReallocation,
  type IdleReallocation,
} from './idle-reallocation'

export type { Database, Queryable } from './db/database'
export { allocateGrievance } from './allocation'

export interface StartServerOptions {
  port?: number
  host?: string
  orgFile?: string
  org?: OrgConfig
  /**
   * The triage model that seeds the registry (src/server/models): undefined = the org
   * file's model, found as `seva triage` finds it (none when the org is given as an object);
   * null = none. Whatever version the registry has deployed is what triage uses; with none
   * deployed, the rules decide alone.
   */
  model?: TriageModel | null
  /** PGlite directory; undefined with no databaseUrl = in memory. */
  dataDir?: string
  /**
   * How long a statement may run before its caller gets an error (default: the adapter's,
   * src/server/db/database.ts). A test of a hung database shortens it instead of waiting.
   */
  statementTimeoutMs?: number
  databaseUrl?: string
  xApiBase?: string
  xUserToken?: string
  xAppToken?: string
  /** OAuth 2.0 client of the X app that connects handles (SEVA_X_CLIENT_ID; against the simulator: its demo client). */
  xClientId?: string
  /** Its secret, for a confidential client (SEVA_X_CLIENT_SECRET). */
  xClientSecret?: string
  /** X's consent page (default https://x.com/i/oauth2/authorize, or the simulator's). */
  xAuthorizeUrl?: string
  /** Base URL X sends the admin's browser back to (SEVA_PUBLIC_URL; default this server's own URL). */
  oauthRedirectBase?: string
  /** Base64 of the 32-byte key that seals handle tokens and TOTP secrets (SEVA_SECRET_KEY); default a key file beside dataDir. */
  secretKey?: string
  /** The clock two-factor codes are checked against (default Date.now; tests move it). */
  twoFactorClock?: () => number
  /** When handle tokens are refreshed and failures retried. */
  handleRefresh?: Partial<RefreshPolicy>
  /** How often the leader looks for handle tokens to refresh (default 30 s). */
  handleRefreshCheckMs?: number
  demo?: boolean
  demoPassword?: string
  /** Interval of the background workers; 0 or less turns them off (tests drive them by hand). */
  pollIntervalMs?: number
  acknowledge?: boolean
  /** Unique per running instance on PostgreSQL (default: host, pid and a random suffix). */
  instanceId?: string
  /** Leadership lease among instances on one PostgreSQL (default 10 s): a dead leader's
   * background work is taken over within about this long. */
  leaseMs?: number
  /** First retry delay of a failed reply post (doubles each attempt). */
  replyBackoffMs?: number
  replyMaxAttempts?: number
  /** Work `assigned` but untouched by its assignee this long is re-allocated (default 4 h;
   * 0 or less: off). Checked every minute by the leader. */
  idleReassignMs?: number
  /** How often the leader moves SLA states and escalates (default 1 min). */
  slaCheckIntervalMs?: number
  /** Ingestion timings (intervals, backoff, pacing); the sources themselves are set in the org file. */
  ingestion?: Omit<IngestionOptions, 'tickMs'>
  /** Lockout after failed sign-ins (per account and per client address). */
  loginThrottle?: Partial<LoginThrottlePolicy>
  /** Event stream keep-alive; open sessions are re-checked on each (default 15 s). */
  eventPingMs?: number
  /** The monitor calls a connected officer away after this long without a pull or an action (default 10 min). */
  monitorAwayMs?: number
  /** How long presence lasts unless the desk says it again (default LIMITS.presenceTtlMs). */
  presenceTtlMs?: number
  /** Behind a reverse proxy: Fastify's trustProxy (the proxies' addresses or CIDRs), so the
   * client address used for sign-in lockouts is the citizen's, not the proxy's. Off by default. */
  trustProxy?: boolean | string | string[]
  /** Fallback check for config versions and model deployments made on another instance (default 5 s; 0 = only NOTIFY). */
  configCheckMs?: number
  log?: (message: string) => void
}

export interface RunningServer {
  url: string
  port: number
  close(): Promise<void>
  /** Test hook: dies as a killed process would — timers stop, the lease is not released. */
  crash(): Promise<void>
  db: Database
  instanceId: string
  /** Whether this instance runs ingestion and reply posting now. */
  isLeader(): boolean
  ingestNow(): Promise<number>
  /** This instance's ingestion (manual passes, status); null without an X token. */
  ingestion: IngestionSupervisor | null
  postRepliesNow(): Promise<number>
  /** One SLA pass now (at `now`, default the clock), on this instance whatever its role (tests, tools). */
  checkSlaNow(now?: Date): Promise<SlaTransition[]>
  /** Re-targets open grievances if the live SLA policy changed since the last recompute (src/server/sla/refresh.ts). */
  refreshSlaNow(opts?: { now?: Date; batch?: number }): Promise<SlaRefreshOutcome | null>
  /** One pass of the handle token refresher now, on this instance whatever its role (tests, tools). */
  refreshHandlesNow(now?: number): Promise<RefreshResult>
  /** One idle-assignee pass now, on this instance whatever its role (tests, tools). */
  reallocateIdleNow(): Promise<IdleReallocation[]>
  /** Demo logins seeded (empty unless demo). */
  demoLogins: DemoLogin[]
  /** Every route this server answers (method and path pattern), for the route × role test and tools. */
  routes: readonly { method: string; url: string }[]
  /** Ends this instance's event streams of revoked sessions at once (pass to setUserDisabled and co). */
  sessions: SessionCloser & { readonly openStreams: number }
  /** The organisation this instance applies now (config version, compiled rules). */
  config: LiveOrg
  /** Loads the newest config version now if it is newer (the periodic check, on demand). */
  refreshConfigNow(): Promise<void>
  /** The triage model this instance applies now (registry version, model). */
  models: LiveModel
  /** Loads the org's newest model deployment now if it is newer (the periodic check, on demand). */
  refreshModelsNow(): Promise<void>
}

/** How often the leader deletes expired sessions and forgotten sign-in counters. */
export const SESSION_PRUNE_MS = 10 * 60_000

export const DEFAULT_ORG_FILE = fileURLToPath(new URL('../../resources/orgs/mha.json', import.meta.url))
export const REAL_X_API = 'https://api.x.com'

export function isRealXApi(base: string): boolean {
  return /^https:\/\/api\.(x|twitter)\.com\/?$/.test(base)
}

export async function loadOrg(file: string): Promise<OrgConfig> {
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'))
  const parsed = OrgConfig.safeParse(raw)
  if (!parsed.success) {
    throw new Error(
      `Invalid organisation file ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    )
  }
  return parsed.data
}

/** Token defaults: the simulator accepts sim-user-<handle> and sim-app; real X needs real ones. */
export function resolveXTokens(
  opts: { xApiBase?: string; xUserToken?: string; xAppToken?: string },
  primaryHandle: string,
) {
  const base = opts.xApiBase ?? REAL_X_API
  const isReal = isRealXApi(base)
  return {
    base,
    userToken: opts.xUserToken ?? (isReal ? undefined : `sim-user-${primaryHandle}`),
    appToken: opts.xAppToken ?? (isReal ? undefined : 'sim-app'),
  }
}

export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? ((message: string) => console.log(message))
  if (opts.idleReassignMs !== undefined && !Number.isFinite(opts.idleReassignMs))
    throw new Error(`idleReassignMs must be a number of milliseconds (0 = off), not ${opts.idleReassignMs}`)
  // The org file (or object) only seeds an empty config_versions table: afterwards the
  // database is the truth and admins change it (src/server/config).
  const seedOrg = opts.org ? OrgConfig.parse(opts.org) : await loadOrg(opts.orgFile ?? DEFAULT_ORG_FILE)
  const model =
    opts.model !== undefined
      ? opts.model
      : loadOrgModel(opts.org ? undefined : (opts.orgFile ?? DEFAULT_ORG_FILE), seedOrg)
  const db = await openDatabase({
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.statementTimeoutMs !== undefined ? { statementTimeoutMs: opts.statementTimeoutMs } : {}),
  })
  let live: LiveOrg
  const models = new LiveModel(null)
  let modelSync: ModelSync
  try {
    await migrate(db)
    await seedConfig(db, seedOrg, opts.org ? 'seeded at start' : `seeded from ${opts.orgFile ?? DEFAULT_ORG_FILE}`)
    const stored = (await latestConfig(db))!
    live = new LiveOrg(stored.config, stored.version)
    log(`[server] configuration version ${stored.version} (${stored.author}, ${stored.at})`)
    // The model file seeds the registry (it must fit the org, as before); the registry's
    // deployed version is what triage uses, on this instance and every other.
    if (model) {
      const snapshot = live.current()
      triageFor(snapshot.compiled, model, snapshot.ownHandles)
      const seeded = await registerFileModel(db, snapshot.org.id, model)
      if (seeded !== null) log(`[server] the org's model file deployed as model version ${seeded}`)
    }
    modelSync = new ModelSync({
      db,
      live: models,
      config: live,
      ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
      log,
      checkMs: opts.configCheckMs ?? CONFIG_CHECK_MS,
    })
    await modelSync.refresh()
  } catch (error) {
    await db.close()
    throw error
  }
  const org = live.current().org
  const demoLogins = opts.demo ? await seedDemoUsers(db, org, opts.demoPassword ?? 'seva-demo') : []
  const primaryHandle = live.current().primaryHandle
  const ctx: ServerContext = {
    db,
    config: live,
    models,
    triage: liveTriage(live, models),
    ...(opts.acknowledge !== undefined ? { acknowledge: opts.acknowledge } : {}),
    changes: new ChangeNotifier(),
    log,
  }
  ctx.changes.setMaxListeners(0)
  const { ticket, review } = ctx.triage().thresholds
  const deployed = models.current()
  log(
    deployed.model
      ? `[server] triage model version ${deployed.version} for ${deployed.model.org}: ticket at ${ticket}, review at ${review}`
      : '[server] no triage model: the rules decide',
  )
  // On PostgreSQL two instances must never share an id (the lease is keyed on it); on
  // PGlite a stable id lets a restart recover its own interrupted reply posts at once.
  const instanceId =
    opts.instanceId ??
    (opts.databaseUrl ? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}` : `${hostname()}:server`)
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS

  const tokens = resolveXTokens(opts, primaryHandle)
  let handles: Awaited<ReturnType<typeof createHandles>>
  let keys: Awaited<ReturnType<typeof loadSecretKey>>
  try {
    // One key seals every secret at rest (handle tokens, TOTP secrets): loaded once here.
    keys = await loadSecretKey(opts)
    if (keys.source.kind === 'file' && keys.source.created)
      log(`[server] made a new secret key at ${keys.source.path} (0600)`)
    handles = await createHandles({
      keys,
      db,
      currentOrg: () => live.current().org,
      log,
      apiBase: tokens.base,
      isRealX: isRealXApi(tokens.base),
      clientId: opts.xClientId,
      clientSecret: opts.xClientSecret,
      authorizeUrl: opts.xAuthorizeUrl,
      redirectBase: opts.oauthRedirectBase,
      secretKey: opts.secretKey,
      dataDir: opts.dataDir,
      databaseUrl: opts.databaseUrl,
      refresh: opts.handleRefresh,
    })
  } catch (error) {
    await db.close()
    throw error
  }
  const readToken = tokens.appToken ?? tokens.userToken
  const replyOptions: ReplyWorkerOptions = {
    instanceId,
    // A reply a dead leader left mid-send is re-checked once its lease could have expired.
    ...(opts.databaseUrl ? { leaseMs } : {}),
    ...(opts.replyBackoffMs !== undefined ? { backoffMs: opts.replyBackoffMs } : {}),
    ...(opts.replyMaxAttempts !== undefined ? { maxAttempts: opts.replyMaxAttempts } : {}),
  }
  const makePoller = (workCtx: ServerContext, tickMs = 0): IngestionSupervisor | null =>
    readToken ? createIngestion(workCtx, tokens.base, readToken, { ...opts.ingestion, tickMs }) : null
  const makeReplies = (workCtx: ServerContext, mayPost?: () => boolean): ReplyWorker | null => {
    if (!tokens.userToken && !handles.deps.oauth) return null
    // The posting window as X reports it: people's replies keep a share of it (replies/posting-window.ts).
    const pacer = new RateLimitPacer()
    // The primary handle's own token once connected (it changes with each refresh), else the configured one.
    let current: { token: string; client: TwitterApiReadWrite } | null = null
    const postingClient = async (): Promise<TwitterApiReadWrite | null> => {
      const token = await handles.postingToken(workCtx.db, tokens.userToken)
      if (!token) return null
      if (current?.token !== token)
        current = { token, client: createXClient(tokens.base, token, [rateLimitPlugin(pacer)]) }
      return current.client
    }
    return new ReplyWorker(workCtx, postingClient, {
      ...replyOptions,
      pacer,
      ...(mayPost ? { mayPost } : {}),
    })
  }
  // Manual passes (tests, tools) run unfenced on this instance whatever its role.
  const poller = makePoller(ctx)
  const replies = makeReplies(ctx)
  if (!poller) log('[server] no X token configured: mention ingestion is off')
  if (!replies) log('[server] no X user token or OAuth client configured: replies stay queued')

  // Every route takes small bodies unless it says otherwise (actions: LIMITS.actionsBodyBytes).
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    bodyLimit: LIMITS.smallBodyBytes,
    ...(opts.trustProxy !== undefined ? { trustProxy: opts.trustProxy } : {}),
  })
  const routes: { method: string; url: string }[] = []
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url })
  })
  await app.register(helmet)
  // Sessions and grievances must not linger in a shared or browser cache.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store')
  })
  app.setErrorHandler(apiErrorHandler(log))
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', message: `No route ${request.method} ${request.url}` }),
  )
  const presence = new PresenceBoard(opts.presenceTtlMs !== undefined ? { ttlMs: opts.presenceTtlMs } : {})
  if (opts.databaseUrl && db.kind === 'postgres') {
    const relay = new PgPresenceRelay({ databaseUrl: opts.databaseUrl, db, instanceId, board: presence, log })
    await relay.ready
    presence.useRelay(relay)
  }
  const streams = new EventStreams(ctx, {
    ...(opts.eventPingMs !== undefined ? { pingMs: opts.eventPingMs } : {}),
    presence,
  })
  const throttle: LoginThrottlePolicy = { ...DEFAULT_LOGIN_THROTTLE, ...opts.loginThrottle }
  let cluster: ClusterRole | null = null
  const activity = new ActivityBoard()
  registerRoutes(app, ctx, { instanceId, streams, throttle, activity, isLeader: () => cluster?.isLeader ?? false })

  const ingestNow = async (): Promise<number> => (poller ? poller.ingestNow() : 0)
  const postRepliesNow = async (): Promise<number> => (replies ? replies.runOnce() : 0)
  const idleReassignMs = opts.idleReassignMs ?? DEFAULT_IDLE_REASSIGN_MS
  const reallocateIdleNow = (): Promise<IdleReallocation[]> => runIdleReallocation(ctx, { idleAfterMs: idleReassignMs })

  // The leader's background work, started for each leadership term on a database fenced
  // on that term (src/server/cluster): a deposed leader can neither commit an ingested
  // tweet nor claim a reply, and stops posting the moment stillLeader() turns false.
  const pollMs = opts.pollIntervalMs ?? 5_000
  const startWork = (workDb: Database, stillLeader: () => boolean): (() => Promise<void>) => {
    const loops = new BackgroundLoops(log)
    // Search rows of grievances stored before them (or of an older words version) are made
    // by the leader alone, once per term, in the background: the server serves meanwhile
    // (those grievances are found once the pass is done). Stopping the term stops it between
    // batches and waits for the batch in flight; the next leader resumes where it stopped.
    loops.track(
      backfillSearchRows(workDb, {
        stopped: () => loops.isStopped,
        onUnreadable: (id, error) => log(`[server] search row of grievance ${id} not made: ${String(error)}`),
      }).then(
        (made) => made > 0 && log(`[server] search rows made for ${made} older grievance(s)`),
        (error: unknown) => log(`[server] search rows of older grievances not made yet: ${String(error)}`),
      ),
    )
    if (pollMs <= 0) return () => loops.stop()
    // Its own triage (not reentrant); the same LiveOrg, so config changes reach the leader's work too.
    const workCtx: ServerContext = { ...ctx, db: workDb, triage: liveTriage(live, models) }
    const termPoller = makePoller(workCtx, pollMs)
    const termReplies = makeReplies(workCtx, stillLeader)
    // The supervisor runs its own loop (sources have their own intervals) and the stream.
    if (termPoller) {
      leaderIngestion = termPoller
      void termPoller.start().catch((error: unknown) => log(`[server] ingestion failed to start: ${String(error)}`))
    }
    if (termReplies) loops.every(Math.min(pollMs, 1_000), () => termReplies.runOnce())
    // On the fenced database: a deposed leader's pass cannot commit.
    if (idleReassignMs > 0)
      loops.every(IDLE_CHECK_INTERVAL_MS, () => runIdleReallocation(workCtx, { idleAfterMs: idleReassignMs }))
    // SLA states and escalations (src/server/sla): only grievances whose moment has come.
    loops.every(opts.slaCheckIntervalMs ?? SLA_CHECK_INTERVAL_MS, () => runSlaCheck(workCtx))
    // A new SLA policy or calendar re-targets open work: at once when a version is installed
    // (saved here or followed from another instance), and by a periodic look that also carries
    // on a recompute a previous leader left unfinished.
    const refreshSla = slaRefresher(() => runSlaRefresh(workCtx, { stopped: () => loops.isStopped }))
    loops.every(SLA_REFRESH_CHECK_MS, refreshSla)
    const unwatchConfig = live.watch(() => loops.track(refreshSla()))
    // Handle tokens are refreshed by the leader alone: X rotates refresh tokens, so two refreshers would race.
    loops.every(opts.handleRefreshCheckMs ?? 30_000, async () => {
      await refreshDueHandles({ ...handles.deps, db: workDb })
    })
    loops.every(SESSION_PRUNE_MS, async () => {
      await pruneExpiredSessions(workDb)
      await pruneLoginThrottle(workDb, throttle)
    })
    return async () => {
      unwatchConfig()
      if (leaderIngestion === termPoller) leaderIngestion = null
      await termPoller?.stop()
      await loops.stop()
    }
  }
  // Status from this term's supervisor while leader (it knows the live stream), else the manual one.
  let leaderIngestion: IngestionSupervisor | null = null
  registerPresenceRoutes(app, ctx, presence)
  registerIngestionRoute(app, ctx, async () => (leaderIngestion ?? poller)?.status() ?? null)
  registerReviewRoutes(app, ctx)
  registerAuditRoutes(app, ctx)
  registerUserRoutes(app, ctx, { sessions: streams, throttle })
  registerBudgetRoutes(app, ctx, async () => (leaderIngestion ?? poller)?.status() ?? null)
  registerConfigRoutes(app, ctx)
  registerModelRoutes(app, ctx, { refresh: () => modelSync.refresh() })
  registerSlaRoutes(app, ctx)
  registerArchiveRoutes(app, ctx)
  registerGrievanceSearchRoutes(app, ctx)
  registerReportsRoutes(app, ctx)
  registerMonitorRoutes(app, ctx, {
    activity,
    connectedUsers: () => streams.connectedUsers(),
    awayAfterMs: opts.monitorAwayMs ?? DEFAULT_AWAY_AFTER_MS,
  })
  registerHandlesRoutes(app, ctx, handles.deps)
  registerTwoFactorRoutes(app, ctx, {
    box: keys.box,
    boxProblem:
      keys.source.kind === 'missing'
        ? 'set SEVA_SECRET_KEY (the same on every instance) to use two-factor sign-in'
        : null,
    throttle,
    sessions: streams,
    now: opts.twoFactorClock ?? Date.now,
  })

  let address: string
  try {
    address = await app.listen({ port: opts.port ?? 4020, host: opts.host ?? '127.0.0.1' })
  } catch (error) {
    await presence.close()
    await db.close()
    throw error
  }
  const port = (app.server.address() as { port: number }).port
  const url = address.replace('[::1]', '127.0.0.1')
  handles.setOwnUrl(url)
  try {
    cluster = await startClusterRole({
      db,
      ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
      instanceId,
      leaseMs,
      changes: ctx.changes,
      log,
      startWork,
    })
  } catch (error) {
    await app.close()
    await presence.close()
    await db.close()
    throw error
  }
  const role = cluster
  const configSync = new ConfigSync({
    db,
    live,
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
    log,
    ...(opts.configCheckMs !== undefined ? { checkMs: opts.configCheckMs } : {}),
  })
  await configSync.start()
  await modelSync.start()

  let closing: Promise<void> | null = null
  const shutDown = (graceful: boolean): Promise<void> => {
    closing ??= (async () => {
      await (graceful ? role.close() : role.abandon())
      await poller?.stop()
      streams.closeAll()
      await configSync.close()
      await modelSync.close()
      await presence.close()
      await app.close()
      await db.close()
    })()
    return closing
  }
  return {
    url,
    port,
    close: () => shutDown(true),
    crash: () => shutDown(false),
    db,
    instanceId,
    isLeader: () => role.isLeader,
    ingestNow,
    ingestion: poller,
    postRepliesNow,
    refreshHandlesNow: (now) => refreshDueHandles(handles.deps, now),
    reallocateIdleNow,
    checkSlaNow: (now?: Date) => runSlaCheck(ctx, now ? { now } : {}),
    refreshSlaNow: (refresh = {}) => runSlaRefresh(ctx, refresh),
    demoLogins,
    routes,
    sessions: streams,
    config: live,
    refreshConfigNow: () => configSync.refresh(),
    models,
    refreshModelsNow: () => modelSync.refresh(),
  }
}
