// The grievance cache as the sync engine and the desk core use it, shaped so that every
// write costs what changed: a changes page, a server copy after an action, the org.
// Reads of whole documents are async (they come from disk); the queue's rows are in memory.
import type { Grievance } from '../../../shared/grievance'
import type { Change, OrgSummary } from '../../../shared/protocol'
import type { Owner } from '../desk-files'
import type { QueueRow } from './queue-row'

export interface CacheMeta {
  owner: Owner | null
  /** The `last` of the last changes page applied (durable together with that page). */
  cursor: number
  org: OrgSummary | null
  lastSyncedAt: string | null
}

export interface StoreCounters {
  /** Bytes this store handed to write(): log appends, index checkpoints, compaction. */
  bytesWritten: number
  checkpoints: number
  compactions: number
}

export interface GrievanceCacheStore {
  readonly meta: Readonly<CacheMeta>
  readonly size: number
  readonly counters: Readonly<StoreCounters>
  has(id: string): boolean
  /** The cached server version, for upsert-if-newer and an action's base version. */
  versionOf(id: string): number | undefined
  row(id: string): QueueRow | undefined
  /** Every cached grievance's queue row, from memory. */
  rows(): QueueRow[]
  /** The whole document, read from disk; null when not cached. */
  get(id: string): Promise<Grievance | null>
  /** Every document, read in file order (for exports and the phase-1 list). */
  all(): AsyncGenerator<Grievance>
  /** One changes page, durable as one unit with its cursor. Resolves to the ids it changed. */
  applyChangesPage(changes: readonly Change[], last: number, at: string): Promise<string[]>
  /** Server copies (action results): a version never goes backwards. Resolves to the ids it changed. */
  upsertNewer(grievances: readonly Grievance[]): Promise<string[]>
  setOrg(org: OrgSummary): Promise<void>
  /** Forgets finished grievances last changed before `before` (ISO time), except `keep`. */
  evictFinished(before: string, keep: ReadonlySet<string>): Promise<string[]>
  /** Another user's or server's cache is not this user's to see: start empty for `owner`. */
  reset(owner: Owner | null): Promise<void>
  /** Waits for queued writes (not for background maintenance). */
  flush(): Promise<void>
  /** Waits for queued writes and any checkpoint or compaction in progress. */
  idle(): Promise<void>
  close(): Promise<void>
}
