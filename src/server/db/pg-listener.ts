// One LISTEN connection, kept open: the instances on one PostgreSQL tell each other of
// changes (grievance changes, presence, configuration) with pg_notify, and each listener
// re-opens its dedicated connection with backoff when it drops. `onListening` runs after
// every (re)connect so a caller can catch up with what was committed while it was deaf.
import pg from 'pg'

export interface PgListenerOptions {
  databaseUrl: string
  channel: string
  /** Called for each notification on the channel. */
  onNotify: (payload: string | undefined) => void
  /** After the first LISTEN and after each reconnect (catch up here). */
  onListening?: (client: pg.Client) => Promise<void>
  log: (message: string) => void
  /** Prefix of log lines ("[cluster] change listener"). */
  name: string
  /** First reconnect delay; doubles up to 5 s. */
  retryMs?: number
}

export class PgListener {
  private client: pg.Client | null = null
  private closed = false
  private retryMs: number
  private retryTimer: NodeJS.Timeout | null = null
  /** Resolves once the first LISTEN is in place (or failed). */
  readonly ready: Promise<void>

  constructor(private readonly opts: PgListenerOptions) {
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
      this.opts.log(`${this.opts.name} lost (${why}); reconnecting`)
      this.reconnectLater()
    }
    client.on('error', (error) => onLost(error.message))
    client.on('end', () => onLost('connection ended'))
    client.on('notification', (message) => {
      if (message.channel === this.opts.channel) this.opts.onNotify(message.payload)
    })
    try {
      await client.connect()
      // Channel names are our own constants, never user input.
      await client.query(`LISTEN ${this.opts.channel}`)
      if (this.closed) {
        await client.end()
        return
      }
      this.client = client
      this.retryMs = this.opts.retryMs ?? 200
      await this.opts.onListening?.(client)
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
