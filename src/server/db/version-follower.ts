// Follows a "newest version" kept in the database on every instance: a NOTIFY on a channel
// from the instance that wrote it (PostgreSQL, via PgListener) and, for a lost notification
// or a dropped listener, a periodic check. Configuration versions (config/sync.ts) and model
// deployments (models/sync.ts) both need exactly this loop; only the check itself differs,
// so each extends this class with its own `check`.
// Checks run one at a time; one asked for during another runs right after it.
import type { Database } from './database'
import { PgListener } from './pg-listener'

/** What every follower is given by the server. */
export interface FollowerOptions {
  db: Database
  /** With a PostgreSQL URL the instance listens for writes made elsewhere. */
  databaseUrl?: string
  log: (message: string) => void
  /** The fallback check; 0 or less: none (tests drive refresh by hand). */
  checkMs?: number
}

export interface VersionFollowerOptions extends FollowerOptions {
  checkMs: number
  channel: string
  /** Prefix of the listener's log lines ("[config] listener"). */
  name: string
  /** Logged, with the error, when a check fails ("[config] could not load the newest version"). */
  failure: string
}

export abstract class VersionFollower {
  private listener: PgListener | null = null
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private again = false
  private closed = false

  constructor(private readonly following: VersionFollowerOptions) {}

  /** Installs what is newer than the live version, if anything is. */
  protected abstract check(): Promise<void>

  async start(): Promise<void> {
    const { checkMs, databaseUrl, db } = this.following
    if (checkMs > 0) {
      this.timer = setInterval(() => void this.refresh(), checkMs)
      this.timer.unref()
    }
    if (databaseUrl && db.kind === 'postgres') {
      this.listener = new PgListener({
        databaseUrl,
        channel: this.following.channel,
        name: this.following.name,
        log: this.following.log,
        onNotify: () => void this.refresh(),
        // Whatever was written while the listener was down.
        onListening: () => this.refresh(),
      })
      await this.listener.ready
    }
  }

  /** Installs the newest version when it is newer than the live one. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      do {
        this.again = false
        await this.pass()
      } while (this.again && !this.closed)
    })().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async pass(): Promise<void> {
    if (this.closed) return
    try {
      await this.check()
    } catch (error) {
      // The next check tries again; the instance keeps the version it has.
      this.following.log(`${this.following.failure}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearInterval(this.timer)
    await this.listener?.close()
    await this.running
  }
}
