// Keeps this instance's LiveModel on the org's newest deployment without a restart, as
// config/sync.ts does for configuration versions: a NOTIFY from the instance that deployed
// (PostgreSQL) and, for a lost notification, a cheap max(id) check every few seconds.
// Refreshes run one at a time; one asked for during another runs right after it.
import type { Database } from '../db/database'
import { PgListener } from '../db/pg-listener'
import type { LiveOrg } from '../config/live-org'
import type { LiveModel } from './live-model'
import { currentDeployment, latestDeploymentId, modelOf, MODEL_CHANNEL, versionAt } from './store'

export interface ModelSyncOptions {
  db: Database
  live: LiveModel
  config: LiveOrg
  databaseUrl?: string
  log: (message: string) => void
  /** The fallback check; 0 or less: none (tests drive refresh by hand). */
  checkMs: number
}

export class ModelSync {
  private listener: PgListener | null = null
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private again = false
  private closed = false

  constructor(private readonly opts: ModelSyncOptions) {}

  async start(): Promise<void> {
    if (this.opts.checkMs > 0) {
      this.timer = setInterval(() => void this.refresh(), this.opts.checkMs)
      this.timer.unref()
    }
    if (this.opts.databaseUrl && this.opts.db.kind === 'postgres') {
      this.listener = new PgListener({
        databaseUrl: this.opts.databaseUrl,
        channel: MODEL_CHANNEL,
        name: '[models] listener',
        log: this.opts.log,
        onNotify: () => void this.refresh(),
        onListening: () => this.refresh(),
      })
      await this.listener.ready
    }
  }

  /** Installs the newest deployment when it is newer than the live one. */
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
    const org = this.opts.config.current().org.id
    try {
      const newest = await latestDeploymentId(this.opts.db, org)
      if (newest <= this.opts.live.current().deployment) return
      const deployment = await currentDeployment(this.opts.db, org)
      const stored = deployment ? await versionAt(this.opts.db, org, deployment.version) : null
      if (!deployment || !stored) return
      if (this.opts.live.install(deployment.id, stored.version, modelOf(stored)))
        this.opts.log(`[models] triage model version ${stored.version} deployed (by ${deployment.deployedBy})`)
    } catch (error) {
      // The next check tries again; the instance keeps the model it has.
      this.opts.log(
        `[models] could not load the deployed model: ${error instanceof Error ? error.message : String(error)}`,
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
