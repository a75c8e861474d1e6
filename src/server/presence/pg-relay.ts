// Presence across instances on one PostgreSQL: each change is a NOTIFY on its own
// channel (not the changes channel: presence is not a change of any grievance and has no
// seq), and every instance LISTENs on a dedicated connection and applies what the others
// said. Nothing is stored: an instance that starts (or reconnects) late learns of the
// presence already there from the desks' next refresh, within ~10 s, and an entry whose
// "left" was lost in a dropped connection times out with the TTL.
import pg from 'pg'
import { z } from 'zod'
import type { Queryable } from '../db/database'
import type { PresenceBoard, PresenceMessage, PresenceRelay } from './board'

export const PRESENCE_CHANNEL = 'seva_presence'

const Place = z.object({ division: z.string().nullable(), assignee: z.string().nullable() })
const Entry = z.object({
  sessionId: z.string(),
  username: z.string(),
  displayName: z.string(),
  grievanceId: z.string(),
  place: Place,
  state: z.enum(['viewing', 'replying']),
  since: z.string(),
})
const Envelope = z.object({
  origin: z.string(),
  message: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('set'), entry: Entry }),
    z.object({ kind: z.literal('leave'), sessionId: z.string() }),
    z.object({ kind: z.literal('clear'), sessionIds: z.array(z.string()) }),
  ]),
})

export interface PgPresenceRelayOptions {
  databaseUrl: string
  /** The pool that sends NOTIFY (the server's own database). */
  db: Queryable
  instanceId: string
  board: PresenceBoard
  log: (message: string) => void
}

export class PgPresenceRelay implements PresenceRelay {
  private client: pg.Client | null = null
  private closed = false
  private retryMs = 200
  private retryTimer: NodeJS.Timeout | null = null
  readonly ready: Promise<void>

  constructor(private readonly opts: PgPresenceRelayOptions) {
    this.ready = this.connect()
  }

  publish(message: PresenceMessage): void {
    const payload = JSON.stringify({ origin: this.opts.instanceId, message })
    // Best effort: a lost NOTIFY costs at most one refresh interval on the other instances.
    void this.opts.db
      .query('SELECT pg_notify($1, $2)', [PRESENCE_CHANNEL, payload])
      .catch((error: unknown) => this.opts.log(`[presence] could not tell the other instances: ${String(error)}`))
  }

  private receive(payload: string | undefined): void {
    let parsed: z.infer<typeof Envelope>
    try {
      parsed = Envelope.parse(JSON.parse(payload ?? ''))
    } catch {
      return // Not ours (an older or newer server): ignored.
    }
    if (parsed.origin !== this.opts.instanceId) this.opts.board.apply(parsed.message)
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
      this.opts.log(`[presence] listener lost (${why}); reconnecting`)
      this.reconnectLater()
    }
    client.on('error', (error) => onLost(error.message))
    client.on('end', () => onLost('connection ended'))
    client.on('notification', (message) => {
      if (message.channel === PRESENCE_CHANNEL) this.receive(message.payload)
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${PRESENCE_CHANNEL}`)
      if (this.closed) {
        await client.end()
        return
      }
      this.client = client
      this.retryMs = 200
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

  async close(): Promise<void> {
    this.closed = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    const client = this.client
    this.client = null
    if (client) await client.end().catch(() => undefined)
  }
}
