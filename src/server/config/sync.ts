// Keeps this instance's LiveOrg on the newest config version without a restart: a NOTIFY
// from the instance that saved it (PostgreSQL, db/pg-listener) and, as a fallback for a
// lost notification or a dropped listener, a cheap `max(version)` check every few seconds.
// Refreshes run one at a time; one asked for during another runs right after it.
import type { Database } from '../db/database'
import { PgListener } from '../db/pg-listener'
import type { LiveOrg } from './live-org'
import { CONFIG_CHANNEL, configAt, latestVersionNumber } from './store'

export const CONFIG_CHECK_MS = 5_000

export interface ConfigSyncOptions {
  db: Database
  live: LiveOrg
  /** With a PostgreSQL URL the instance listens for saves made elsewhere. */
  databaseUrl?: string
  log: (message: string) => void
  /** The fallback check; 0 or less: none (tests drive refresh by hand). */
  checkMs?: number
}

export class ConfigSync {
  private listener: PgListener | null = null
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private again = false
  private closed = false

  constructor(private readonly opts: ConfigSyncOptions) {}

  async start(): Promise<void> {
    const checkMs = this.opts.checkMs ?? CONFIG_CHECK_MS
    if (checkMs > 0) {
      this.timer = setInterval(() => void this.refresh(), checkMs)
      this.timer.unref()
    }
    if (this.opts.databaseUrl && this.opts.db.kind === 'postgres') {
      this.listener = new PgListener({
        databaseUrl: this.opts.databaseUrl,
        channel: CONFIG_CHANNEL,
        name: '[config] listener',
        log: this.opts.log,
        onNotify: () => void this.refresh(),
        // Whatever was saved while the listener was down.
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
      const newest = await latestVersionNumber(this.opts.db)
      if (newest <= this.opts.live.current().version) return
      const stored = await configAt(this.opts.db, newest)
      if (stored && this.opts.live.install(stored.version, stored.config))
        this.opts.log(`[config] now on version ${stored.version} (by ${stored.author})`)
    } catch (error) {
      // The next check tries again; the instance keeps the version it has.
      this.opts.log(
        `[config] could not load the newest version: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearInterval(this.timer)
    await this.listener?.close()
    await this.running
  }
}
