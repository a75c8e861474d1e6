// The desk core: everything the renderer can ask of the desk (src/shared/desk-api.ts),
// independent of Electron. Owns the session, the local files and one SyncEngine per
// signed-in session; the Electron glue and the browser desk host are thin shells on it.
import { randomUUID } from 'node:crypto'
import {
  deskApi,
  type Conflict,
  type DeskEvent,
  type DeskInput,
  type DeskMethod,
  type DeskOutput,
  type Session,
  type StaffRequest,
  type SyncState,
  type UserSettings,
} from '../../shared/desk-api'
import { IllegalTransitionError, type Grievance } from '../../shared/grievance'
import type { Action, LoginResponse, OrgSummary, User } from '../../shared/protocol'
import { whyUnsendable } from './action-check'
import { applyActionLocally, rebasePending } from './apply-action'
import { DeskSettings, deskFiles, emptySettings, sameOwner, type Owner } from './desk-files'
import { DurableJSONFile } from './durable-json-file'
import { importLegacyCache, LogGrievanceStore } from './grievance-store'
import { DeskPresence } from './presence'
import { openOutbox, type OutboxStore } from './outbox-store'
import { tightenDataDir } from './private-files'
import { DeskCoreError, RequestRefusedError, SessionExpiredError } from './errors'
import { JsonStore } from './json-store'
import { ServerClient } from './server-client'
import { StaffRelay } from './staff-relay'
import { normaliseServerUrl } from './server-url'
import { DEFAULT_TIMING, SyncEngine, type SyncTiming } from './sync-engine'
import { fetchIntoCache, searchServer } from './server-search'
import { WORKING_SET } from '../../shared/grievance-search'
import { FileTokenStore, type TokenStore } from './token-store'
import { UserSettingsStore, userSettingsPath } from './user-settings'

export { normaliseServerUrl } from './server-url'

export type DeskLogger = (level: 'info' | 'warn' | 'error', message: string) => void

export interface DeskCoreOptions {
  dataDir: string
  /** Default server address (admins pre-seed it); a signed-in session keeps its own. */
  serverUrl?: string
  fetch?: typeof fetch
  clock?: () => Date
  /** Defaults to a plain file in dataDir; Electron passes a safeStorage-backed one. */
  tokenStore?: TokenStore
  timing?: Partial<SyncTiming>
  log?: DeskLogger
  /**
   * The working set (issue 13, item 4): finished grievances unchanged for this many days
   * are dropped from the cache (default WORKING_SET.defaultDays, 30; the deployment's
   * workingSetDays sets it; 0 or null keeps everything). Older ones are found with
   * grievances.search-server and opened with grievances.open.
   */
  finishedDays?: number | null
}

/** The cache is trimmed at most this often (a pass is a scan of the in-memory rows). */
const TRIM_EVERY_MS = 60 * 60_000

export interface DeskCore {
  handle<M extends DeskMethod>(method: M, input: unknown): Promise<DeskOutput<M>>
  onEvent(listener: (event: DeskEvent) => void): () => void
  close(): Promise<void>
}

interface ActiveSession {
  owner: Owner
  user: User
  /** Kept to end the session on the server at sign-out. */
  token: string
  client: ServerClient
  engine: SyncEngine
  presence: DeskPresence
  /** The supervisor and admin screens' line to the server (staff-relay.ts). */
  staff: StaffRelay
}

/**
 * A sign-in with a password an administrator chose: the token is good only for changing
 * it, so it is held in memory, not saved and not synced with; a desk restarted meanwhile
 * asks the user to sign in again.
 */
interface PendingPasswordChange {
  serverUrl: string
  user: User
  token: string
  /** What the token still waits for: a password of the user's own, then two-factor enrolment. */
  mustChangePassword: boolean
  mustEnrolTwoFactor: boolean
}

/** The password was right and the code is due: only the challenge is held (no session yet). */
interface PendingCode {
  serverUrl: string
  challenge: string
}

interface Stores {
  settings: JsonStore<DeskSettings>
  /** The grievance cache: log-structured, every write the size of what changed (issue 13). */
  cache: LogGrievanceStore
  outbox: OutboxStore
}

const defaultLogger: DeskLogger = (level, message) => {
  if (level !== 'info') console.error(`[desk] ${level}: ${message}`)
}

export function createDeskCore(opts: DeskCoreOptions): DeskCore {
  return new DeskCoreImpl(opts)
}

class DeskCoreImpl implements DeskCore {
  private readonly files
  private readonly fetchImpl: typeof fetch
  private readonly clock: () => Date
  private readonly tokenStore: TokenStore
  private readonly timing: SyncTiming
  private readonly log: DeskLogger
  private readonly listeners = new Set<(event: DeskEvent) => void>()
  private readonly ready: Promise<Stores>
  private readonly userSettings: UserSettingsStore
  private session: ActiveSession | null = null
  private pendingChange: PendingPasswordChange | null = null
  private pendingCode: PendingCode | null = null
  private closed = false
  /** A problem with the local files that the officer must hear about; stays for the run. */
  private storageWarning: string | null = null
  private sync: SyncState
  private lastTrim = Number.NEGATIVE_INFINITY
  /** The grievance open in the renderer (its presence, or opened from the server): never trimmed. */
  private viewing: string | null = null

  constructor(private readonly opts: DeskCoreOptions) {
    this.files = deskFiles(opts.dataDir)
    this.fetchImpl = opts.fetch ?? globalThis.fetch
    this.clock = opts.clock ?? (() => new Date())
    this.tokenStore = opts.tokenStore ?? new FileTokenStore(this.files.token)
    this.timing = { ...DEFAULT_TIMING, ...opts.timing }
    this.log = opts.log ?? defaultLogger
    this.userSettings = new UserSettingsStore(userSettingsPath(opts.dataDir), this.clock, this.log)
    this.sync = {
      status: 'logged-out',
      pending: 0,
      lastSyncedAt: null,
      lastError: null,
      warning: null,
      serverUrl: opts.serverUrl ?? null,
    }
    this.ready = this.init()
    // Failures surface on the first call; do not crash the process on an unhandled rejection.
    this.ready.catch((error: unknown) => this.log('error', `desk start-up failed: ${String(error)}`))
  }

  // ---- start-up -----------------------------------------------------------------

  private async init(): Promise<Stores> {
    // Files made by an older desk were 0644: tighten them before reading anything.
    await tightenDataDir(this.opts.dataDir)
    const clock = this.clock
    const settings = await JsonStore.open({
      file: this.files.settings,
      adapter: new DurableJSONFile<DeskSettings>(this.files.settings),
      schema: DeskSettings,
      defaultData: emptySettings,
      clock,
    })
    const cache = await this.openCache()
    const outbox = await openOutbox(this.files, clock)
    if (settings.corrupt) {
      this.log(
        'error',
        `Settings file ${settings.corrupt.file} was ${settings.corrupt.reason}; moved to ${settings.corrupt.movedTo}. Sign in again.`,
      )
    }
    if (outbox.corrupt) {
      const { reason, movedTo, recovered } = outbox.corrupt
      const kept = outbox.store.data.entries.length
      const lost = recovered?.lost ?? 0
      this.storageWarning =
        `The outbox file was damaged (${reason}). ${kept} queued action(s) were recovered` +
        (lost > 0 ? `; ${lost} item(s) could not be read` : '') +
        `. The damaged file was moved aside to ${movedTo}: check that your recent offline work is all there.`
      this.log('error', this.storageWarning)
    }
    const stores = { settings: settings.store, cache, outbox: outbox.store }
    await this.restoreSession(stores)
    return stores
  }

  /**
   * Opens the grievance store (a torn or unfinished last write is dropped; unreadable files
   * start it empty, and the next pull fetches everything again), then imports an older
   * desk's grievances.json once, so an upgraded desk keeps its cache and its cursor.
   */
  private async openCache(): Promise<LogGrievanceStore> {
    const { store, report } = await LogGrievanceStore.open({
      dir: this.files.cache,
      log: (level, message) => this.log(level, message),
    })
    // Only a cache: whatever was lost comes back with the next pull.
    if (report.recovered) this.log('error', `${report.recovered}`)
    const legacy = this.files.legacyCache
    const result = await importLegacyCache(store, legacy)
    if (result.outcome === 'imported')
      this.log('info', `Grievance cache: imported ${result.count} grievance(s) from ${legacy}`)
    else if (result.outcome === 'unreadable') {
      this.log(
        'error',
        `Grievance cache ${legacy} could not be read (${result.reason}); moved to ${legacy}.unreadable. Fetching everything again from the server.`,
      )
    }
    return store
  }

  private async restoreSession(stores: Stores): Promise<void> {
    const { serverUrl, user } = stores.settings.data
    const token = await this.tokenStore.load()
    // A session saved by an older desk over plain http:// to another machine is not resumed.
    const refusal = serverUrl ? refusalOf(serverUrl) : null
    if (token && user && serverUrl && refusal) {
      await this.tokenStore.clear()
      await stores.settings.update((current) => ({ ...current, user: null }))
      this.setSync({ status: 'logged-out', serverUrl, pending: 0, lastError: refusal })
    } else if (token && user && serverUrl) {
      await this.beginSession(stores, serverUrl, user, token)
    } else {
      this.setSync({
        status: 'logged-out',
        serverUrl: this.defaultServerUrl(stores),
        pending: 0,
        lastError: null,
        warning: this.storageWarning,
      })
    }
  }

  private defaultServerUrl(stores: Stores): string | null {
    return this.opts.serverUrl ?? stores.settings.data.serverUrl
  }

  private async beginSession(stores: Stores, serverUrl: string, user: User, token: string): Promise<void> {
    const owner: Owner = { serverUrl, username: user.username }
    if (!sameOwner(stores.cache.meta.owner, owner)) {
      // Another user's (or server's) grievances are not this user's to see.
      await stores.cache.reset(owner)
    }
    const client = new ServerClient(serverUrl, this.fetchImpl, token)
    const engine = new SyncEngine(owner, client, stores.cache, stores.outbox, this.timing, this.clock, {
      contact: (state, error) => {
        if (this.session?.engine !== engine) return
        const wasOnline = this.sync.status === 'online'
        this.setSync({ status: state, lastError: error ?? null })
        // Back online (or online for the first time): templates and divisions may have changed.
        if (state === 'online' && !wasOnline) void this.refreshOrg(stores, engine)
      },
      pulled: (at) => {
        if (this.session?.engine !== engine) return
        this.setSync({ lastSyncedAt: at })
        void this.trimWorkingSet(stores)
      },
      grievancesChanged: (ids) => this.emit({ type: 'grievances-changed', ids }),
      conflict: (conflict) => this.emit({ type: 'conflict', conflict }),
      pendingChanged: () => this.setSync({ pending: this.pendingActions(stores).length }),
      sessionExpired: () => {
        if (this.session?.engine === engine) void this.endSession(stores, 'The session has expired; sign in again.')
      },
      presence: (list) => {
        if (this.session?.engine === engine) this.emit({ type: 'presence', ...list })
      },
      log: this.log,
    })
    const presence = new DeskPresence(client, (list) => {
      if (this.session?.engine === engine) this.emit({ type: 'presence', ...list })
    })
    const staff = new StaffRelay(serverUrl, this.fetchImpl, token, client.lifetimeSignal, (p) => {
      if (this.session?.engine === engine) this.emit({ type: 'download-progress', ...p })
    })
    this.session = { owner, user, token, client, engine, presence, staff }
    this.setSync({
      status: 'connecting',
      serverUrl,
      pending: this.pendingActions(stores).length,
      lastSyncedAt: stores.cache.meta.lastSyncedAt,
      lastError: null,
      warning: this.storageWarning,
    })
    this.emit({ type: 'session', session: this.sessionView(stores) })
    engine.start()
  }

  /** Drops old finished grievances, never one open in the renderer or that the outbox or a conflict refers to. */
  private async trimWorkingSet(stores: Stores): Promise<void> {
    const days = this.opts.finishedDays === undefined ? WORKING_SET.defaultDays : this.opts.finishedDays
    const now = this.clock().getTime()
    if (!days || now - this.lastTrim < TRIM_EVERY_MS) return
    this.lastTrim = now
    const keep = new Set<string>()
    if (this.viewing) keep.add(this.viewing)
    for (const entry of stores.outbox.data.entries) keep.add(entry.action.grievanceId)
    for (const conflict of stores.outbox.data.conflicts) keep.add(conflict.action.grievanceId)
    try {
      const before = new Date(now - days * 24 * 60 * 60_000).toISOString()
      const ids = await stores.cache.evictFinished(before, keep)
      if (ids.length === 0) return
      this.log('info', `Grievance cache: ${ids.length} grievance(s) finished over ${days} days ago left the cache`)
      this.emit({ type: 'grievances-changed', ids })
    } catch (error) {
      this.log('warn', `Grievance cache: trimming the working set failed (will retry): ${String(error)}`)
      this.lastTrim = Number.NEGATIVE_INFINITY
    }
  }

  private async refreshOrg(stores: Stores, engine: SyncEngine): Promise<void> {
    const session = this.session
    if (!session || session.engine !== engine) return
    let org: OrgSummary
    try {
      org = await session.client.org()
    } catch {
      return // Offline or not yet served: the cached copy stays.
    }
    if (this.session?.engine !== engine) return
    await stores.cache.setOrg(org)
    this.emit({ type: 'org', org })
  }

  private async endSession(stores: Stores, reason: string | null): Promise<void> {
    const session = this.session
    this.session = null
    this.viewing = null
    session?.presence.stop()
    session?.client.abortAll()
    await session?.engine.stop()
    await this.tokenStore.clear()
    // The server address stays for the next sign-in; the outbox stays for this user's return.
    await stores.settings.update((current) => ({ ...current, user: null }))
    this.setSync({
      status: 'logged-out',
      pending: 0,
      lastError: reason,
      warning: this.storageWarning,
      serverUrl: this.defaultServerUrl(stores),
    })
    this.emit({ type: 'session', session: this.sessionView(stores) })
  }

  /**
   * Ends the session here at once, then asks the server to revoke the token. Best effort:
   * offline, the local session is gone anyway and the token dies when it expires.
   */
  private async signOut(stores: Stores): Promise<void> {
    if (this.pendingCode) {
      this.pendingCode = null
      this.emit({ type: 'session', session: this.sessionView(stores) })
    }
    const pending = this.pendingChange
    if (pending) {
      this.pendingChange = null
      this.emit({ type: 'session', session: this.sessionView(stores) })
      await new ServerClient(pending.serverUrl, this.fetchImpl, pending.token).logout().catch(() => undefined)
    }
    const session = this.session
    if (!session) return
    await this.endSession(stores, null)
    try {
      await new ServerClient(session.owner.serverUrl, this.fetchImpl, session.token).logout()
    } catch (error) {
      this.log(
        'warn',
        `could not end the session on the server (${error instanceof Error ? error.message : String(error)}); it expires on its own`,
      )
    }
  }

  // ---- the desk API -----------------------------------------------------------------

  async handle<M extends DeskMethod>(method: M, input: unknown): Promise<DeskOutput<M>> {
    const spec = deskApi[method] as (typeof deskApi)[DeskMethod] | undefined
    if (!spec) throw new DeskCoreError('invalid-input', `Unknown desk method: ${String(method)}`)
    const parsed = spec.input.safeParse(input ?? {})
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new DeskCoreError(
        'invalid-input',
        `${method}: ${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`,
      )
    }
    if (this.closed) throw new DeskCoreError('internal', 'The desk is shutting down')
    const stores = await this.ready
    const output = await this.dispatch(stores, method, parsed.data)
    const checked = spec.output.safeParse(output)
    if (!checked.success) {
      throw new DeskCoreError('internal', `${method} produced an invalid answer: ${checked.error.issues[0]?.message}`)
    }
    return checked.data as DeskOutput<M>
  }

  private async dispatch(stores: Stores, method: DeskMethod, input: unknown): Promise<unknown> {
    switch (method) {
      case 'session.get':
        return this.sessionView(stores)
      case 'session.login':
        return this.login(stores, input as DeskLoginInput)
      case 'session.logout':
        await this.signOut(stores)
        return this.sessionView(stores)
      case 'session.change-password':
        return this.changePassword(stores, input as DeskInput<'session.change-password'>)
      case 'session.two-factor-code':
        return this.codeStep(stores, (input as { code: string }).code)
      case 'two-factor.status':
        return this.twoFactorClient().twoFactorStatus()
      case 'two-factor.enrol':
        return this.twoFactorClient().startTwoFactorEnrolment()
      case 'two-factor.recovery-codes': {
        if (!this.session) throw new DeskCoreError('unauthorised', 'Sign in before making recovery codes.')
        return this.session.client.newRecoveryCodes()
      }
      case 'two-factor.confirm':
        return this.confirmTwoFactor(stores, (input as { code: string }).code)
      case 'org.get':
        return this.session ? stores.cache.meta.org : null
      case 'grievances.list':
        return this.listGrievances(stores)
      case 'grievances.get':
        return this.viewGrievance(stores, (input as { id: string }).id)
      case 'grievances.ids':
        return this.session ? stores.cache.rows().map((row) => row.id) : []
      case 'grievances.get-many':
        return this.viewGrievances(stores, (input as { ids: string[] }).ids)
      case 'grievances.search-server': {
        if (!this.session) throw new DeskCoreError('unauthorised', 'Sign in to search grievances on the server.')
        return searchServer(this.session.client, input as DeskInput<'grievances.search-server'>)
      }
      case 'grievances.open':
        return this.openGrievance(stores, (input as { id: string }).id)
      case 'actions.submit':
        return this.submit(stores, input as DeskInput<'actions.submit'>)
      case 'sync.state':
        return this.sync
      case 'sync.now':
        await this.session?.engine.syncNow()
        return this.sync
      case 'conflicts.list':
        return this.conflicts(stores)
      case 'ingestion.status': {
        const session = this.session
        if (!session || session.user.role === 'officer') return null
        return session.client.ingestion()
      }
      case 'review.ignored': {
        if (!this.session) throw new DeskCoreError('unauthorised', 'Sign in to see ignored tweets.')
        const { q, before } = input as { q?: string; before?: string }
        return this.session.client.ignored({ ...(q ? { q } : {}), ...(before ? { before } : {}) })
      }
      case 'review.ticket': {
        const session = this.session
        if (!session) throw new DeskCoreError('unauthorised', 'Sign in to make a ticket.')
        const { tweetId, division } = input as { tweetId: string; division?: string }
        const made = await session.client.ticketFromIgnored(tweetId, division)
        // The new grievance comes down the changes feed: pull now so it shows at once.
        void session.engine.syncNow().catch(() => undefined)
        return made
      }
      case 'settings.get':
        return this.session ? this.userSettings.get(this.session.user.username) : { language: null }
      case 'settings.set':
        if (!this.session) throw new DeskCoreError('unauthorised', 'Sign in before changing your settings.')
        return this.userSettings.set(this.session.user.username, input as Partial<UserSettings>)
      case 'presence.set': {
        const { grievanceId, state } = input as DeskInput<'presence.set'>
        if (state !== 'left') this.viewing = grievanceId
        else if (this.viewing === grievanceId) this.viewing = null
        this.session?.presence.set(grievanceId, state)
        return {}
      }
      case 'staff.request':
        return this.staffRelay('use the supervisor and admin screens').request(input as StaffRequest)
      case 'staff.download': {
        const { id, path, query } = input as DeskInput<'staff.download'>
        return this.staffRelay('download an export').download(id, path, query)
      }
      case 'staff.download-cancel':
        this.session?.staff.cancel((input as { id: string }).id)
        return {}
      case 'updates.state':
        // The core has no updater: the Electron glue answers this itself (src/main/updater.ts).
        return null
      case 'conflicts.dismiss': {
        const { actionId } = input as { actionId: string }
        const owner = this.session?.owner ?? null
        await stores.outbox.update((current) => ({
          ...current,
          conflicts: current.conflicts.filter((c) => !(c.action.id === actionId && sameOwner(c.owner, owner))),
        }))
        return this.conflicts(stores)
      }
    }
  }

  private staffRelay(what: string): StaffRelay {
    if (!this.session) throw new DeskCoreError('unauthorised', `Sign in to ${what}.`)
    return this.session.staff
  }

  private sessionView(stores: Stores): Session {
    if (this.pendingCode) return { user: null, serverUrl: this.pendingCode.serverUrl, twoFactor: 'code' }
    if (this.pendingChange) {
      const { user, serverUrl, mustChangePassword, mustEnrolTwoFactor } = this.pendingChange
      return mustChangePassword
        ? { user, serverUrl, mustChangePassword: true }
        : { user, serverUrl, ...(mustEnrolTwoFactor ? { twoFactor: 'enrol' as const } : {}) }
    }
    return this.session
      ? { user: this.session.user, serverUrl: this.session.owner.serverUrl }
      : { user: null, serverUrl: this.defaultServerUrl(stores) }
  }

  private async login(stores: Stores, input: DeskLoginInput): Promise<Session> {
    const raw = input.serverUrl ?? this.defaultServerUrl(stores)
    if (!raw)
      throw new DeskCoreError('invalid-input', 'No server address: enter the address your administrator gave you.')
    const serverUrl = normaliseServerUrl(raw)
    const answer = await new ServerClient(serverUrl, this.fetchImpl).login(input.username, input.password)
    await this.signOut(stores)
    if ('twoFactor' in answer) {
      this.pendingCode = { serverUrl, challenge: answer.challenge }
      this.setSync({ status: 'logged-out', serverUrl, pending: 0, lastError: null, warning: this.storageWarning })
      this.emit({ type: 'session', session: this.sessionView(stores) })
      return this.sessionView(stores)
    }
    return this.signedIn(stores, serverUrl, answer)
  }

  /** A session token from the server: held back while it waits for a password or an enrolment, else begun. */
  private async signedIn(stores: Stores, serverUrl: string, answer: LoginResponse): Promise<Session> {
    const { token, user, mustChangePassword, mustEnrolTwoFactor } = answer
    if (mustChangePassword || mustEnrolTwoFactor) {
      this.pendingChange = { serverUrl, user, token, mustChangePassword, mustEnrolTwoFactor }
      this.setSync({ status: 'logged-out', serverUrl, pending: 0, lastError: null, warning: this.storageWarning })
      this.emit({ type: 'session', session: this.sessionView(stores) })
      return this.sessionView(stores)
    }
    await this.tokenStore.save(token)
    await stores.settings.update(() => ({ serverUrl, user }))
    await this.beginSession(stores, serverUrl, user, token)
    return this.sessionView(stores)
  }

  /** The authenticator's code after a right password. A wrong code leaves the challenge standing. */
  private async codeStep(stores: Stores, code: string): Promise<Session> {
    const pending = this.pendingCode
    if (!pending) throw new DeskCoreError('unauthorised', 'Sign in with your password first.')
    let answer: LoginResponse
    try {
      answer = await new ServerClient(pending.serverUrl, this.fetchImpl).verifyTwoFactor(pending.challenge, code)
    } catch (error) {
      // The challenge is gone (expired, or used): back to the password.
      if (error instanceof SessionExpiredError && this.pendingCode === pending) {
        this.pendingCode = null
        this.emit({ type: 'session', session: this.sessionView(stores) })
      }
      throw error
    }
    if (this.pendingCode !== pending) return this.sessionView(stores)
    this.pendingCode = null
    return this.signedIn(stores, pending.serverUrl, answer)
  }

  /** Whoever may enrol now: the user a role requires it of (held token), or the signed-in user. */
  private twoFactorClient(): ServerClient {
    const pending = this.pendingChange
    if (pending && !pending.mustChangePassword)
      return new ServerClient(pending.serverUrl, this.fetchImpl, pending.token)
    if (this.session) return this.session.client
    throw new DeskCoreError('unauthorised', 'Sign in before setting up two-factor sign-in.')
  }

  /** The first right code; after a required enrolment the held token becomes a real session. */
  private async confirmTwoFactor(stores: Stores, code: string): Promise<Session> {
    const pending = this.pendingChange
    await this.twoFactorClient().confirmTwoFactor(code)
    if (pending && this.pendingChange === pending && !pending.mustChangePassword) {
      this.pendingChange = null
      await this.signedIn(stores, pending.serverUrl, {
        token: pending.token,
        user: pending.user,
        mustChangePassword: false,
        mustEnrolTwoFactor: false,
      })
    }
    return this.sessionView(stores)
  }

  /**
   * The user's own new password. After a required change the held token becomes a real
   * session (saved, synced); a signed-in user just changes it. A refusal (wrong current
   * password, a password the policy rejects) is the user's to fix: invalid-input with
   * the server's words.
   */
  private async changePassword(
    stores: Stores,
    input: { currentPassword: string; newPassword: string },
  ): Promise<Session> {
    const pending = this.pendingChange
    const client = pending ? new ServerClient(pending.serverUrl, this.fetchImpl, pending.token) : this.session?.client
    if (!client) throw new DeskCoreError('unauthorised', 'Sign in before changing your password.')
    try {
      await client.changePassword(input.currentPassword, input.newPassword)
    } catch (error) {
      if (error instanceof SessionExpiredError && pending && this.pendingChange === pending) {
        this.pendingChange = null
        this.emit({ type: 'session', session: this.sessionView(stores) })
      }
      if (error instanceof RequestRefusedError) throw new DeskCoreError('invalid-input', error.message)
      throw error
    }
    if (pending && this.pendingChange === pending) {
      this.pendingChange = null
      await this.signedIn(stores, pending.serverUrl, {
        token: pending.token,
        user: pending.user,
        mustChangePassword: false,
        mustEnrolTwoFactor: pending.mustEnrolTwoFactor,
      })
    }
    return this.sessionView(stores)
  }

  private pendingActions(stores: Stores): Action[] {
    const owner = this.session?.owner ?? null
    return stores.outbox.data.entries.filter((e) => sameOwner(e.owner, owner)).map((e) => e.action)
  }

  /** Every document, read from disk in file order (the renderer now reads ids + get-many). */
  private async listGrievances(stores: Stores): Promise<Grievance[]> {
    if (!this.session) return []
    const pendingById = new Map<string, Action[]>()
    for (const action of this.pendingActions(stores)) {
      const list = pendingById.get(action.grievanceId) ?? []
      list.push(action)
      pendingById.set(action.grievanceId, list)
    }
    const user = this.session.user
    const out: Grievance[] = []
    for await (const g of stores.cache.all()) {
      const pending = pendingById.get(g.id)
      out.push(pending ? rebasePending(g, pending, user) : g)
    }
    return out
  }

  /** Like viewGrievance for a slice of ids (a sync page's changes): the outbox is read once. */
  private async viewGrievances(stores: Stores, ids: readonly string[]): Promise<Grievance[]> {
    if (!this.session) return []
    const user = this.session.user
    const pending = this.pendingActions(stores)
    // Reads go out together: the store serves them from one handle per file.
    const documents = await Promise.all(ids.map((id) => stores.cache.get(id)))
    const out: Grievance[] = []
    for (const cached of documents) {
      if (!cached) continue
      const id = cached.id
      const mine = pending.filter((action) => action.grievanceId === id)
      out.push(mine.length > 0 ? rebasePending(cached, mine, user) : cached)
    }
    return out
  }

  /** The cached grievance, or the server's put in the cache first (online only). */
  private async openGrievance(stores: Stores, id: string): Promise<Grievance> {
    const session = this.session
    if (!session) throw new DeskCoreError('unauthorised', 'Sign in to open a grievance.')
    // Kept from the trim from now: it is about to be on the officer's screen.
    this.viewing = id
    const cached = await this.viewGrievance(stores, id)
    if (cached) return cached
    const { grievance, changed } = await fetchIntoCache(session.client, stores.cache, id)
    if (this.session !== session) throw new DeskCoreError('unauthorised', 'Signed out while the grievance was fetched.')
    if (changed.length > 0) this.emit({ type: 'grievances-changed', ids: changed })
    return (await this.viewGrievance(stores, id)) ?? grievance
  }

  private async viewGrievance(stores: Stores, id: string): Promise<Grievance | null> {
    if (!this.session) return null
    const cached = await stores.cache.get(id)
    return cached ? rebasePending(cached, this.pendingActions(stores), this.session.user) : null
  }

  private async submit(
    stores: Stores,
    input: DeskInput<'actions.submit'>,
  ): Promise<{ actionId: string; grievance: Grievance }> {
    const session = this.session
    if (!session) throw new DeskCoreError('unauthorised', 'Sign in before acting on grievances.')
    const cached = await stores.cache.get(input.grievanceId)
    if (!cached) throw new DeskCoreError('not-found', `No grievance ${input.grievanceId} on this desk`)
    const action: Action = {
      id: randomUUID(),
      grievanceId: cached.id,
      // The server's version we saw; queued actions ahead of it are rebased as they settle.
      baseVersion: cached.version,
      at: this.clock().toISOString(),
      body: input.body,
      ...(input.bulk ? { bulk: input.bulk } : {}),
    }
    if (input.body.type === 'assign' && session.user.role === 'officer')
      throw new DeskCoreError('unauthorised', 'Only supervisors and admins assign work to a named officer.')
    // The server's contract, checked before the outbox: a refused action never queues.
    const unsendable = whyUnsendable(action)
    if (unsendable)
      throw new DeskCoreError('invalid-input', `${cached.ticket}: this action cannot be sent: ${unsendable}`)
    let view: Grievance
    try {
      view = applyActionLocally(rebasePending(cached, this.pendingActions(stores), session.user), action, session.user)
    } catch (error) {
      if (error instanceof IllegalTransitionError) {
        throw new DeskCoreError('invalid-input', `${cached.ticket}: ${error.message}`)
      }
      throw error
    }
    // Durable before anyone hears of it: a power cut after this line loses nothing. One
    // fdatasync'd journal line, not the outbox rewritten; the push is not waited for.
    await stores.outbox.append({ action, owner: session.owner })
    this.setSync({ pending: this.pendingActions(stores).length })
    this.emit({ type: 'grievances-changed', ids: [cached.id] })
    void session.engine.push()
    return { actionId: action.id, grievance: view }
  }

  private conflicts(stores: Stores): Conflict[] {
    const owner = this.session?.owner ?? null
    return stores.outbox.data.conflicts
      .filter((c) => sameOwner(c.owner, owner))
      .map(({ owner: _owner, ...conflict }) => conflict)
  }

  // ---- events -----------------------------------------------------------------------

  onEvent(listener: (event: DeskEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(event: DeskEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event)
      } catch (error) {
        this.log('warn', `a desk event listener failed: ${String(error)}`)
      }
    }
  }

  private setSync(patch: Partial<SyncState>): void {
    const next = { ...this.sync, ...patch }
    if (JSON.stringify(next) === JSON.stringify(this.sync)) return
    this.sync = next
    this.emit({ type: 'sync', state: next })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    let stores: Stores | null = null
    try {
      stores = await this.ready
    } catch {
      // Start-up failed: nothing to flush.
    }
    this.session?.presence.stop()
    this.session?.client.abortAll()
    await this.session?.engine.stop()
    if (stores) await Promise.all([stores.settings.flush(), stores.cache.close(), stores.outbox.close()])
    await this.userSettings.flush()
    this.listeners.clear()
  }
}

function refusalOf(serverUrl: string): string | null {
  try {
    normaliseServerUrl(serverUrl)
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

interface DeskLoginInput {
  serverUrl?: string
  username: string
  password: string
}
