// Changes made through any instance reach the desks of every instance: each change row
// is announced with pg_notify on CHANGES_CHANNEL inside its own transaction (see
// recordChange), and every instance LISTENs on a dedicated connection and feeds the
// newest seq to its ChangeNotifier, which drives the SSE streams. A dropped listener
// connection is re-opened with backoff; on reconnect the notifier gets the current seq,
// so a change committed while we were deaf still reaches the desks.
import pg from 'pg'
import { CHANGES_CHANNEL } from '../db/database'
import type { ChangeNotifier } from '../context'

export interface ChangeListenerOptions {
  databaseUrl: string
  changes: ChangeNotifier
  log: (message: string) => void
  /** First reconnect delay; doubles up to 5 s. */
  retryMs?: number
}

export class PgChangeListener {
  private client: pg.Client | null = null
  private closed = false
  private retryMs: number
  private retryTimer: NodeJS.Timeout | null = null
  /** Resolves once the first LISTEN is in place (or failed). */
  readonly ready: Promise<void>

  constructor(private readonly opts: ChangeListenerOptions) {
    this.retryMs = opts.retryMs ?? 200
    this.ready = this.connect()
  }

  get connected(): boolean {
    return this.client !== null
  }

  private async connect(): Promise<void> {
    if (this.closed) return
    const client = new pg.Client({ connectionString: this.opts.databaseUrl, keepAlive: true })
    let lost = false
    const onLost = (why: string): void => {
      if (lost) return
      lost = true
      if (this.client === client) this.client = null
      client.removeAllListeners('notification')
      void client.end().catch(() => undefined)
      if (this.closed) return
      this.opts.log(`[cluster] change listener lost (${why}); reconnecting`)
      this.reconnectLater()
    }
    client.on('error', (error) => onLost(error.message))
    client.on('end', () => onLost('connection ended'))
    client.on('notification', (message) => {
      const seq = Number(message.payload)
      if (message.channel === CHANGES_CHANNEL && Number.isFinite(seq)) this.opts.changes.notify(seq)
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${CHANGES_CHANNEL}`)
      if (this.closed) {
        await client.end()
        return
      }
      this.client = client
      this.retryMs = this.opts.retryMs ?? 200
      // Catch up with whatever committed while no one was listening.
      const [row] = (await client.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM changes')).rows
      if (row?.seq) this.opts.changes.notify(Number(row.seq))
    } catch (error) {
      onLost(error instanceof Error ? error.message : String(error))
    }
  }

  private reconnectLater(): void {
    if (this.retryTimer || this.closed) return
    const delay = this.retryMs
    this.retryMs = Math.min(5_000, this.retryMs * 2)
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      void this.connect()
    }, delay)
  }

  /** Test hook: drop the connection as a network failure would. */
  dropConnection(): void {
    const stream = (this.client as unknown as { connection?: { stream?: { destroy(): void } } } | null)?.connection
      ?.stream
    stream?.destroy()
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    const client = this.client
    this.client = null
    if (client) await client.end().catch(() => undefined)
  }
}
