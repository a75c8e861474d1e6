// Keeps this instance's LiveModel on the org's newest deployment without a restart, as
// config/sync.ts does for configuration versions: a NOTIFY from the instance that deployed
// (PostgreSQL) and, for a lost notification, a cheap max(id) check every few seconds.
// The loop itself is db/version-follower (shared with config/sync.ts); this file is the check.
import { type FollowerOptions, VersionFollower } from '../db/version-follower'
import type { LiveOrg } from '../config/live-org'
import type { LiveModel } from './live-model'
import { currentDeployment, latestDeploymentId, modelOf, MODEL_CHANNEL, versionAt } from './store'

export interface ModelSyncOptions extends FollowerOptions {
  live: LiveModel
  config: LiveOrg
  checkMs: number
}

export class ModelSync extends VersionFollower {
  constructor(private readonly opts: ModelSyncOptions) {
    super({
      ...opts,
      channel: MODEL_CHANNEL,
      name: '[models] listener',
      failure: '[models] could not load the deployed model',
    })
  }

  protected async check(): Promise<void> {
    const org = this.opts.config.current().org.id
    const newest = await latestDeploymentId(this.opts.db, org)
    if (newest <= this.opts.live.current().deployment) return
    const deployment = await currentDeployment(this.opts.db, org)
    const stored = deployment ? await versionAt(this.opts.db, org, deployment.version) : null
    if (!deployment || !stored) return
    if (this.opts.live.install(deployment.id, stored.version, modelOf(stored)))
      this.opts.log(`[models] triage model version ${stored.version} deployed (by ${deployment.deployedBy})`)
  }
}
