// An instance's role in a cluster of servers on one database. Every instance serves
// desks; the background work (ingestion + reply posting) runs only on the lease holder,
// started when the lease is won and stopped the moment it is lost, with a database handle
// fenced on that term. On PGlite there is one process, so it always leads and changes
// travel through the in-process notifier only.
import type { Database } from '../db/database'
import type { ChangeNotifier } from '../context'
import { PgChangeListener } from './change-listener'
import { fencedDatabase } from './fenced-db'
import { LeaseKeeper } from './lease'

export { LeaseKeeper, LeaseLostError, BACKGROUND_LEASE } from './lease'
export { PgChangeListener } from './change-listener'
export { fencedDatabase } from './fenced-db'

export const DEFAULT_LEASE_MS = 10_000

/** Stops the background work of one term; resolves when its passes have ended. */
export type StopWork = () => Promise<void>

export interface ClusterRoleOptions {
  db: Database
  /** Set for PostgreSQL: the change listener needs its own connection. */
  databaseUrl?: string
  instanceId: string
  leaseMs?: number
  changes: ChangeNotifier
  log: (message: string) => void
  /**
   * Starts the leader's background work on `db` (fenced on the current term on
   * PostgreSQL). `stillLeader` turns false the moment the term ends: check it before any
   * side effect outside the database (posting to X).
   */
  startWork: (db: Database, stillLeader: () => boolean) => StopWork
}

export interface ClusterRole {
  readonly instanceId: string
  readonly isLeader: boolean
  /** Graceful: work stops, the lease is released, the listener closes. */
  close(): Promise<void>
  /** Test hook: stop renewing and forget the lease without releasing it, as a crash would. */
  abandon(): Promise<void>
}

export async function startClusterRole(opts: ClusterRoleOptions): Promise<ClusterRole> {
  if (opts.db.kind === 'pglite' || !opts.databaseUrl) {
    let stop: StopWork | null = opts.startWork(opts.db, () => stop !== null)
    const end = async (): Promise<void> => {
      const current = stop
      stop = null
      await current?.()
    }
    return {
      instanceId: opts.instanceId,
      get isLeader() {
        return stop !== null
      },
      close: end,
      abandon: end,
    }
  }

  const listener = new PgChangeListener({ databaseUrl: opts.databaseUrl, changes: opts.changes, log: opts.log })
  await listener.ready
  let stopWork: StopWork | null = null
  const lease: LeaseKeeper = new LeaseKeeper(opts.db, {
    holder: opts.instanceId,
    leaseMs: opts.leaseMs ?? DEFAULT_LEASE_MS,
    log: opts.log,
    onAcquired: (token) => {
      stopWork = opts.startWork(fencedDatabase(opts.db, lease, token), () => lease.currentToken === token)
    },
    onLost: async () => {
      const current = stopWork
      stopWork = null
      await current?.()
    },
  })
  await lease.start()
  return {
    instanceId: opts.instanceId,
    get isLeader() {
      return lease.isLeader
    },
    close: async () => {
      await lease.stop(true)
      await listener.close()
    },
    abandon: async () => {
      lease.abandon()
      const current = stopWork
      stopWork = null
      await current?.()
      await listener.close()
    },
  }
}
