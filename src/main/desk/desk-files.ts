// What the desk keeps in its data directory, one file per concern:
//   grievances/      the server's copies of grievances + the pull cursor: the log-structured
//                    store (grievance-store/log-store.ts), every write the size of what changed
//   grievances.json  the whole-file cache of older desks: imported once, then renamed .imported
//   outbox.json      unsent actions + conflicts to show (small, fsynced on every settle)
//   outbox-journal.jsonl  actions submitted since outbox.json was last written, one line
//                    each, fdatasync'd (append-journal.ts); folded into outbox.json
//   settings.json    server address and the signed-in user (the token lives in a TokenStore)
import { join } from 'node:path'
import { z } from 'zod'
import { Conflict } from '../../shared/desk-api'
import { Grievance } from '../../shared/grievance'
import { Action, OrgSummary, User } from '../../shared/protocol'

/** Whose data it is: a cache or an action belongs to one user on one server. */
export const Owner = z.object({ serverUrl: z.string(), username: z.string() })
export type Owner = z.infer<typeof Owner>

export function sameOwner(a: Owner | null, b: Owner | null): boolean {
  return a !== null && b !== null && a.serverUrl === b.serverUrl && a.username === b.username
}

/** The whole-file cache older desks kept (grievances.json): read once, by the import. */
export const GrievanceCache = z.object({
  owner: Owner.nullable(),
  /** The `last` of the last changes page applied. */
  cursor: z.number().int(),
  grievances: z.record(z.string(), Grievance),
  org: OrgSummary.nullable(),
  lastSyncedAt: z.string().nullable(),
})
export type GrievanceCache = z.infer<typeof GrievanceCache>

export const emptyCache = (owner: Owner | null = null): GrievanceCache => ({
  owner,
  cursor: 0,
  grievances: {},
  org: null,
  lastSyncedAt: null,
})

/**
 * What an outbox may hold: an action's shape without the contract's content limits. An
 * entry an older desk queued before a limit existed still loads, and is refused where the
 * officer sees it (action-check.ts, at push) instead of vanishing with a schema failure.
 */
const QueuedAction = z
  .object({
    id: z.string(),
    grievanceId: z.string(),
    baseVersion: z.number().int(),
    at: z.string(),
    body: z.looseObject({ type: z.string() }),
  })
  .transform((action) => action as unknown as Action)

export const OutboxEntry = z.object({ action: QueuedAction, owner: Owner })
export type OutboxEntry = z.infer<typeof OutboxEntry>

export const StoredConflict = Conflict.extend({ owner: Owner })
export type StoredConflict = z.infer<typeof StoredConflict>

export const Outbox = z.object({
  entries: z.array(OutboxEntry),
  conflicts: z.array(StoredConflict),
})
export type Outbox = z.infer<typeof Outbox>

export const emptyOutbox = (): Outbox => ({ entries: [], conflicts: [] })

/** An action queued as a journal line: added once, however often the line is replayed. */
export function withQueued(outbox: Outbox, entry: OutboxEntry): Outbox {
  if (outbox.entries.some((e) => e.action.id === entry.action.id)) return outbox
  return { ...outbox, entries: [...outbox.entries, entry] }
}

export const DeskSettings = z.object({
  serverUrl: z.string().nullable(),
  user: User.nullable(),
})
export type DeskSettings = z.infer<typeof DeskSettings>

export const emptySettings = (): DeskSettings => ({ serverUrl: null, user: null })

export const deskFiles = (dataDir: string) => ({
  cache: join(dataDir, 'grievances'),
  legacyCache: join(dataDir, 'grievances.json'),
  outbox: join(dataDir, 'outbox.json'),
  outboxJournal: join(dataDir, 'outbox-journal.jsonl'),
  settings: join(dataDir, 'settings.json'),
  token: join(dataDir, 'session-token'),
})
