// What the server's parts share: the database, the organisation, and the in-process
// change notifier the event stream listens to (notified only after commit).
import { EventEmitter } from 'node:events'
import type { Triage } from '../shared/triage-model'
import type { LiveOrg, OrgSnapshot } from './config/live-org'
import type { Database } from './db/database'
import type { LiveModel } from './models/live-model'

export interface ServerContext {
  db: Database
  /**
   * The organisation as configured now (src/server/config): shared by reference between
   * contexts, swapped when an admin saves a new version. Take `config.current()` once per
   * operation and read org, compiled rules, own handles and primary handle from it.
   */
  config: LiveOrg
  /**
   * The deployed triage model (src/server/models): shared by reference like `config`, swapped
   * when an admin deploys a version; `models.model` null = the rules decide alone.
   */
  models: LiveModel
  /** This context's own triage for the current org (not reentrant: never shared between contexts). */
  triage: () => Triage
  /**
   * Post acknowledgements of new tickets: a deployment's override (SEVA_ACK, tests), or
   * undefined to follow the configuration's `acknowledge.enabled` (see acknowledges()).
   */
  acknowledge?: boolean
  changes: ChangeNotifier
  log: (message: string) => void
}

/** Emits 'changes' with the newest committed seq. */
export class ChangeNotifier extends EventEmitter {
  private latest = 0
  notify(seqs: number | readonly number[]): void {
    const max = Math.max(0, ...(typeof seqs === 'number' ? [seqs] : seqs))
    if (max <= this.latest) return
    this.latest = max
    this.emit('changes', max)
  }
}

export { primaryHandleOf } from './config/live-org'

/** Whether new tickets are acknowledged on X now: the override, else the live configuration. */
export function acknowledges(ctx: ServerContext, snapshot: OrgSnapshot): boolean {
  return ctx.acknowledge ?? snapshot.org.acknowledge.enabled
}
