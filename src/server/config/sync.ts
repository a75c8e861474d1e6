// Keeps this instance's LiveOrg on the newest config version without a restart: a NOTIFY
// from the instance that saved it (PostgreSQL) and, as a fallback for a lost notification
// or a dropped listener, a cheap `max(version)` check every few seconds. The loop itself is
// db/version-follower (shared with models/sync.ts); this file is only the check.
import { type FollowerOptions, VersionFollower } from '../db/version-follower'
import type { LiveOrg } from './live-org'
import { CONFIG_CHANNEL, configAt, latestVersionNumber } from './store'

export const CONFIG_CHECK_MS = 5_000

export interface ConfigSyncOptions extends FollowerOptions {
  live: LiveOrg
}

export class ConfigSync extends VersionFollower {
  constructor(private readonly opts: ConfigSyncOptions) {
    super({
      ...opts,
      checkMs: opts.checkMs ?? CONFIG_CHECK_MS,
      channel: CONFIG_CHANNEL,
      name: '[config] listener',
      failure: '[config] could not load the newest version',
    })
  }

  protected async check(): Promise<void> {
    const newest = await latestVersionNumber(this.opts.db)
    if (newest <= this.opts.live.current().version) return
    const stored = await configAt(this.opts.db, newest)
    if (stored && this.opts.live.install(stored.version, stored.config))
      this.opts.log(`[config] now on version ${stored.version} (by ${stored.author})`)
  }
}
