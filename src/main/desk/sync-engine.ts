// Keeps one signed-in desk in step with the server: pulls the changes feed in pages,
// listens to the server-sent event stream for "pull again", pushes the outbox in order
// and settles each result. One engine per session; `stop()` ends every loop and timer.
import type { Conflict } from '../../shared/desk-api'
import type { Grievance } from '../../shared/grievance'
import type { Action, ActionResult, Change, PresenceList } from '../../shared/protocol'
import { applyActionLocally } from './apply-action'
import { Backoff } from './backoff'
import {
  sameOwner,
  type GrievanceCache,
  type Outbox,
  type OutboxEntry,
  type Owner,
  type StoredConflict,
} from './desk-files'
import { LIMITS } from '../../shared/limits'
import { refusedActionForDisplay, whyUnsendable } from './action-check'
import { RequestRefusedError, ServerFailedError, ServerUnreachableError, SessionExpiredError } from './errors'
import { readServerEvents } from './event-stream'
import type { GrievanceCacheStore } from './grievance-store'
import { nextPushBatch, rebaseQueued } from './outbox-batch'
import type { OutboxStore } from './outbox-store'
import type { ServerClient } from './server-client'

export interface SyncTiming {
  /** Pull this often even when the event stream is quiet (missed events, proxies). */
  safetyPullMs: number
  backoffMinMs: number
  backoffMaxMs: number
  pushBatchSize: number
  /** `limit` sent with each changes page; undefined = the server's default. */
  pageLimit?: number
}

export const DEFAULT_TIMING: SyncTiming = {
  safetyPullMs: 60_000,
  backoffMinMs: 1_000,
  backoffMaxMs: 30_000,
  pushBatchSize: 50,
  // The largest page the server gives (it also stops a page at LIMITS.changesPageBytes):
  // every page is one cache write and one change event, so an initial sync of 20,000
  // grievances is 40 of them instead of 200 at the server's default of 100 (with the
  // whole-file cache, 333 s → the figure in README "The renderer's queue at scale").
  pageLimit: LIMITS.changesPage,
}

/** Bounds on loops that depend on the server behaving. */
const MAX_PAGES_PER_PULL = 10_000
const MAX_BATCHES_PER_PUSH = 1_000

/** How the server last answered: it did, it could not be reached, or it answered with a failure. */
export type ContactState = 'online' | 'offline' | 'server-error'

export interface SyncCallbacks {
  /** Any answer from the server, or a failure to get one, with the error worth showing. */
  contact(state: ContactState, error?: string): void
  pulled(at: string): void
  grievancesChanged(ids: string[]): void
  conflict(conflict: Conflict): void
  pendingChanged(): void
  sessionExpired(): void
  /** Who else is on a grievance, as the event stream said. */
  presence?(list: PresenceList): void
  log(level: 'info' | 'warn' | 'error', message: string): void
}

export class SyncEngine {
  private stopped = false
  private readonly stopController = new AbortController()
  private streamController: AbortController | null = null
  private pulling: Promise<void> | null = null
  private pullAgain = false
  private pushing: Promise<void> | null = null
  private pushAgain = false
  private pushRetryTimer: NodeJS.Timeout | null = null
  private safetyTimer: NodeJS.Timeout | null = null
  private streamLoop: Promise<void> | null = null
  private readonly streamBackoff: Backoff
  private readonly pushBackoff: Backoff

  constructor(
    private readonly owner: Owner,
    private readonly client: ServerClient,
    private readonly cache: GrievanceCacheStore,
    private readonly outbox: OutboxStore,
    private readonly timing: SyncTiming,
    private readonly clock: () => Date,
    private readonly on: SyncCallbacks,
  ) {
    this.streamBackoff = new Backoff({ minMs: timing.backoffMinMs, maxMs: timing.backoffMaxMs })
    this.pushBackoff = new Backoff({ minMs: timing.backoffMinMs, maxMs: timing.backoffMaxMs })
  }

  start(): void {
    this.streamLoop = this.runEventStream()
    this.safetyTimer = setInterval(() => void this.syncNow(), this.timing.safetyPullMs)
    this.safetyTimer.unref()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.stopController.abort()
    this.streamController?.abort()
    if (this.safetyTimer) clearInterval(this.safetyTimer)
    if (this.pushRetryTimer) clearTimeout(this.pushRetryTimer)
    await Promise.allSettled([this.streamLoop, this.pulling, this.pushing])
  }

  /** Pull then push; failures are reported through the callbacks, never thrown. */
  async syncNow(): Promise<void> {
    await this.pull()
    await this.push()
  }

  myEntries(outbox: Outbox = this.outbox.data): OutboxEntry[] {
    return outbox.entries.filter((e) => sameOwner(e.owner, this.owner))
  }

  // ---- pull -------------------------------------------------------------------

  /** Coalesces: a pull asked for while one runs makes that one go round again. */
  pull(): Promise<void> {
    if (this.stopped) return Promise.resolve()
    if (this.pulling) {
      this.pullAgain = true
      return this.pulling
    }
    this.pulling = (async () => {
      try {
        do {
          this.pullAgain = false
          await this.pullAllPages()
        } while (this.pullAgain && !this.stopped)
      } finally {
        this.pulling = null
      }
    })()
    return this.pulling
  }

  private async pullAllPages(): Promise<void> {
    for (let page = 0; page < MAX_PAGES_PER_PULL && !this.stopped; page++) {
      let response
      try {
        response = await this.client.changes(this.cache.meta.cursor, this.timing.pageLimit)
      } catch (error) {
        this.failed(error, 'pull')
        return
      }
      this.on.contact('online')
      const at = this.clock().toISOString()
      // One page, one appended batch: the cursor moves together with the grievances it covers.
      await this.cache.applyChangesPage(response.changes, response.last, at)
      const ids = [...new Set(response.changes.map((c) => (c.kind === 'upsert' ? c.grievance.id : c.id)))]
      if (ids.length > 0) this.on.grievancesChanged(ids)
      this.on.pulled(at)
      if (!response.hasMore) return
    }
  }

  // ---- push -------------------------------------------------------------------

  push(): Promise<void> {
    if (this.stopped) return Promise.resolve()
    if (this.pushing) {
      this.pushAgain = true
      return this.pushing
    }
    this.pushing = (async () => {
      try {
        do {
          this.pushAgain = false
          await this.pushAllBatches()
        } while (this.pushAgain && !this.stopped)
      } finally {
        this.pushing = null
      }
    })()
    return this.pushing
  }

  private async pushAllBatches(): Promise<void> {
    // Queued by an older desk under looser rules: refuse here rather than send it. (New
    // actions were checked at submit, so once per push is enough.)
    const unsendable = this.myEntries().flatMap(({ action }) => {
      const why = whyUnsendable(action)
      return why ? [{ action, why }] : []
    })
    for (const { action, why } of unsendable) {
      if (this.stopped) return
      await this.refuseLocally(action, `This action breaks the server's rules and was not sent: ${why}`)
    }
    for (let round = 0; round < MAX_BATCHES_PER_PUSH && !this.stopped; round++) {
      const batch = nextPushBatch(this.myEntries(), this.timing.pushBatchSize)
      if (batch.length === 0) return
      if ((await this.pushBatch(batch)) === 'stop') return
    }
  }

  /**
   * Sends one batch. A batch the server refuses as a whole (400, 413, 422) holds an action
   * it will never take: split it in halves, at once, until that action is alone, settle
   * it as rejected and send the rest — the actions behind a poisoned one wait for no retry.
   */
  private async pushBatch(batch: Action[]): Promise<'sent' | 'stop'> {
    let results: ActionResult[]
    try {
      results = (await this.client.pushActions(batch)).results
    } catch (error) {
      if (error instanceof RequestRefusedError && !this.stopped) {
        this.on.contact('online')
        if (batch.length === 1) {
          await this.refuseLocally(batch[0]!, `The server refused this action (${error.status}): ${error.message}`)
          return 'sent'
        }
        const half = Math.ceil(batch.length / 2)
        if ((await this.pushBatch(batch.slice(0, half))) === 'stop') return 'stop'
        // Re-read the second half: settling the first may have rebased or removed some.
        const rest = this.stillQueued(batch.slice(half))
        return rest.length > 0 ? this.pushBatch(rest) : 'sent'
      }
      this.failed(error, 'push')
      // Whatever else went wrong, the actions stay in the outbox; try again later.
      if (!(error instanceof SessionExpiredError)) this.schedulePushRetry()
      return 'stop'
    }
    this.on.contact('online')
    this.pushBackoff.reset()
    const settledAny = await this.settle(
      batch.map((a) => a.id),
      results,
    )
    if (!settledAny) {
      // The server answered without settling anything: do not spin on it.
      this.schedulePushRetry()
      return 'stop'
    }
    return 'sent'
  }

  /** The current outbox copies of these actions, in order, leaving out settled ones. */
  private stillQueued(actions: Action[]): Action[] {
    const byId = new Map(this.myEntries().map((e) => [e.action.id, e.action]))
    return actions.flatMap((a) => {
      const current = byId.get(a.id)
      return current ? [current] : []
    })
  }

  /** Settles an action the server will never accept as rejected: shown to the officer, out of the queue. */
  private async refuseLocally(action: Action, reason: string): Promise<void> {
    this.on.log('warn', `action ${action.id} (${action.body.type} on ${action.grievanceId}) refused: ${reason}`)
    // The server's message may be long (a list of schema issues): the officer needs its start.
    await this.settle([action.id], [{ id: action.id, status: 'rejected', reason: shorten(reason, LIMITS.reasonChars) }])
  }

  /**
   * Applies the server's verdicts: cache first, then outbox (a crash between = duplicate).
   * An applied action's answer is its outcome and version, not the grievance: the cache
   * keeps the optimistic copy (at the server's version when only our action happened) and
   * a pull brings the server's copy, which replaces it.
   */
  private async settle(batchIds: string[], results: ActionResult[]): Promise<boolean> {
    const byId = new Map(results.map((r) => [r.id, r]))
    const serverCopies: Grievance[] = []
    const conflicts: StoredConflict[] = []
    let needsPull = false
    const at = this.clock().toISOString()

    const settledIds = new Set<string>()
    /** Applied actions and the version they produced, in order, for the rebase and the cache. */
    const applied: { action: Action; version: number }[] = []
    for (const id of batchIds) {
      const result = byId.get(id)
      const entry = this.outbox.data.entries.find((e) => e.action.id === id)
      if (!result || !entry) continue // No verdict: stays queued, in order.
      settledIds.add(id)
      const action = entry.action
      switch (result.status) {
        case 'applied':
          applied.push({ action, version: result.version })
          needsPull = true
          break
        case 'duplicate':
          // Applied before (our earlier answer was lost): the server's copy comes with the pull.
          needsPull = true
          break
        case 'conflict':
          serverCopies.push(result.grievance)
          conflicts.push({
            action,
            kind: 'conflict',
            reason: result.reason,
            grievance: result.grievance,
            at,
            owner: this.owner,
          })
          break
        case 'rejected': {
          // An action refused for its content is shown cleaned and cut, so the list can hold it.
          const shown = refusedActionForDisplay(action)
          if (shown) {
            conflicts.push({
              action: shown,
              kind: 'rejected',
              reason: result.reason,
              grievance: await this.cache.get(action.grievanceId),
              at,
              owner: this.owner,
            })
          } else {
            this.on.log('warn', `action ${action.id} refused and dropped: it cannot be shown (${result.reason})`)
          }
          needsPull = true
          break
        }
      }
    }
    if (settledIds.size === 0) return false

    if (serverCopies.length > 0 || applied.length > 0) {
      // Only the grievances these verdicts touched are read and written, not the cache.
      const touched: Record<string, Grievance> = {}
      for (const { action } of applied) {
        if (Object.hasOwn(touched, action.grievanceId)) continue
        const cached = await this.cache.get(action.grievanceId)
        if (cached) touched[cached.id] = cached
      }
      const kept = keepOptimistic(touched, applied, this.owner)
      // The store keeps a version from going backwards; a pull that lands between the read
      // and this write at the same version is replaced by the next pull (needsPull is set).
      const optimistic = Object.values(kept).filter((g) => g !== touched[g.id])
      await this.cache.upsertNewer([...optimistic, ...serverCopies])
    }
    // Rebase inside the write: actions submitted while this batch was out are included.
    await this.outbox.update((current) => {
      let entries = current.entries.filter((e) => !settledIds.has(e.action.id))
      for (const { action, version } of applied) entries = rebaseQueued(entries, action, version)
      return { entries, conflicts: [...current.conflicts, ...conflicts] }
    })

    const changedIds = [
      ...new Set([
        ...serverCopies.map((g) => g.id),
        ...applied.map((a) => a.action.grievanceId),
        ...conflicts.map((c) => c.action.grievanceId),
      ]),
    ]
    if (changedIds.length > 0) this.on.grievancesChanged(changedIds)
    for (const conflict of conflicts) {
      const { owner: _owner, ...shown } = conflict
      this.on.conflict(shown)
    }
    this.on.pendingChanged()
    if (needsPull) void this.pull()
    return true
  }

  private schedulePushRetry(): void {
    if (this.stopped || this.pushRetryTimer) return
    this.pushRetryTimer = setTimeout(() => {
      this.pushRetryTimer = null
      void this.push()
    }, this.pushBackoff.next())
    this.pushRetryTimer.unref()
  }

  // ---- event stream -------------------------------------------------------------

  private async runEventStream(): Promise<void> {
    while (!this.stopped) {
      this.streamController = new AbortController()
      try {
        const response = await this.client.openEvents(
          AbortSignal.any([this.streamController.signal, this.stopController.signal]),
        )
        this.on.contact('online')
        this.streamBackoff.reset()
        // (Re)connected: whatever happened while we were away, catch up and drain.
        void this.syncNow()
        await readServerEvents(response, (event) => {
          // Presence is news for the screen, not a change to pull.
          if (event.type === 'presence') this.on.presence?.({ grievanceId: event.grievanceId, users: event.users })
          else void this.pull()
        })
        if (!this.stopped) this.on.contact('offline', 'The event stream from the server ended; reconnecting')
      } catch (error) {
        if (this.stopped) return
        if (error instanceof SessionExpiredError) {
          this.failed(error, 'events')
          return
        }
        this.failed(error, 'events')
      }
      await this.sleep(this.streamBackoff.next())
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopped) return resolve()
      const timer = setTimeout(done, ms)
      const signal = this.stopController.signal
      function done(): void {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        resolve()
      }
      signal.addEventListener('abort', done)
    })
  }

  private failed(error: unknown, during: 'pull' | 'push' | 'events'): void {
    if (this.stopped) return
    if (error instanceof SessionExpiredError) {
      this.on.sessionExpired()
      return
    }
    const message = error instanceof Error ? error.message : String(error)
    if (error instanceof ServerUnreachableError) {
      this.on.contact('offline', message)
      return
    }
    const what = during === 'push' ? 'Sending actions' : during === 'pull' ? 'Fetching changes' : 'The event stream'
    this.on.log('warn', `${during} failed: ${message}`)
    if (error instanceof ServerFailedError) {
      // Up but failing (a 500, a restarting database): not the officer's network.
      this.on.contact('server-error', `${what} failed, will retry: ${message}`)
      return
    }
    // The server answered but refused: we are online, the error is worth showing.
    this.on.contact('online', `${what} failed: ${message}`)
  }
}

/** At most `max` code units, never cutting a surrogate pair in half. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`
}

/**
 * The cached grievances with each applied action's effect kept, as the officer saw it before
 * it left the outbox. A cached copy at version V that the action took to V + 1 is what the
 * server holds now (give or take the server's own entry ids), so it takes that version; when
 * somebody else changed the grievance too it keeps V, and the pull brings the rest. A copy
 * already at the action's version or newer came from a pull and includes it.
 */
export function keepOptimistic(
  grievances: Record<string, Grievance>,
  applied: readonly { action: Action; version: number }[],
  user: Pick<Owner, 'username'>,
): Record<string, Grievance> {
  let next = grievances
  for (const { action, version } of applied) {
    const cached = next[action.grievanceId]
    if (!cached || cached.version >= version) continue
    let copy: Grievance
    try {
      copy = applyActionLocally(cached, action, user)
    } catch {
      continue // The cache moved on under it (a pull); the next pull settles the view.
    }
    next = { ...next, [cached.id]: { ...copy, version: version === cached.version + 1 ? version : cached.version } }
  }
  return next
}

// The whole-file cache's page and upsert rules (grievances.json, before issue 13). The desk
// core writes through GrievanceCacheStore now, which follows the same rules per changed
// grievance; these stay as the bench's baseline (bench/desk/candidates.ts) and its tests.

/** A grievance's version only grows: never replace a newer copy with an older one. */
export function upsertNewer(grievances: Record<string, Grievance>, incoming: Grievance[]): Record<string, Grievance> {
  const next = { ...grievances }
  for (const g of incoming) {
    const cached = next[g.id]
    if (!cached || cached.version <= g.version) next[g.id] = g
  }
  return next
}

export function applyChangesPage(current: GrievanceCache, changes: Change[], last: number, at: string): GrievanceCache {
  let grievances = current.grievances
  const upserts: Grievance[] = []
  const removals = new Set<string>()
  for (const change of changes) {
    if (change.kind === 'upsert') {
      removals.delete(change.grievance.id)
      upserts.push(change.grievance)
    } else {
      removals.add(change.id)
    }
  }
  grievances = upsertNewer(grievances, upserts)
  if (removals.size > 0) {
    grievances = { ...grievances }
    for (const id of removals) delete grievances[id]
  }
  return { ...current, grievances, cursor: Math.max(current.cursor, last), lastSyncedAt: at }
}
