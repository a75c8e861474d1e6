// Changes made through any instance reach the desks of every instance: each change row
// is announced with pg_notify on CHANGES_CHANNEL inside its own transaction (see
// recordChange), and every instance LISTENs on a dedicated connection (db/pg-listener)
// and feeds the newest seq to its ChangeNotifier, which drives the SSE streams. On
// reconnect the notifier gets the current seq, so a change committed while we were deaf
// still reaches the desks.
import { CHANGES_CHANNEL } from '../db/database'
import { PgListener } from '../db/pg-listener'
import type { ChangeNotifier } from '../context'

export interface ChangeListenerOptions {
  databaseUrl: string
  changes: ChangeNotifier
  log: (message: string) => void
  /** First reconnect delay; doubles up to 5 s. */
  retryMs?: number
}

export class PgChangeListener {
  private readonly listener: PgListener
  /** Resolves once the first LISTEN is in place (or failed). */
  readonly ready: Promise<void>

  constructor(opts: ChangeListenerOptions) {
    this.listener = new PgListener({
      databaseUrl: opts.databaseUrl,
      channel: CHANGES_CHANNEL,
      name: '[cluster] change listener',
      log: opts.log,
      ...(opts.retryMs !== undefined ? { retryMs: opts.retryMs } : {}),
      onNotify: (payload) => {
        const seq = Number(payload)
        if (Number.isFinite(seq)) opts.changes.notify(seq)
      },
      // Catch up with whatever committed while no one was listening.
      onListening: async (client) => {
        const [row] = (await client.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM changes')).rows
        if (row?.seq) opts.changes.notify(Number(row.seq))
      },
    })
    this.ready = this.listener.ready
  }

  get connected(): boolean {
    return this.listener.connected
  }

  /** Test hook: drop the connection as a network failure would. */
  dropConnection(): void {
    this.listener.dropConnection()
  }

  close(): Promise<void> {
    return this.listener.close()
  }
}
