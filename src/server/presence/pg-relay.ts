// Presence across instances on one PostgreSQL: each change is a NOTIFY on its own
// channel (not the changes channel: presence is not a change of any grievance and has no
// seq), and every instance LISTENs on a dedicated connection and applies what the others
// said (db/pg-listener). Nothing is stored: an instance that starts (or reconnects) late learns of the
// presence already there from the desks' next refresh, within ~10 s, and an entry whose
// "left" was lost in a dropped connection times out with the TTL.
import { z } from 'zod'
import type { Queryable } from '../db/database'
import { PgListener } from '../db/pg-listener'
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
  private readonly listener: PgListener
  readonly ready: Promise<void>

  constructor(private readonly opts: PgPresenceRelayOptions) {
    this.listener = new PgListener({
      databaseUrl: opts.databaseUrl,
      channel: PRESENCE_CHANNEL,
      name: '[presence] listener',
      log: opts.log,
      onNotify: (payload) => this.receive(payload),
    })
    this.ready = this.listener.ready
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

  close(): Promise<void> {
    return this.listener.close()
  }
}
