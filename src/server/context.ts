// What the server's parts share: the database, the organisation, and the in-process
// change notifier the event stream listens to (notified only after commit).
import { EventEmitter } from 'node:events'
import type { OrgConfig } from '../shared/org'
import type { CompiledOrg } from '../shared/routing'
import type { Triage, TriageModel } from '../shared/triage-model'
import type { Database } from './db/database'

export interface ServerContext {
  db: Database
  org: OrgConfig
  compiled: CompiledOrg
  /** The deployed triage model (null: the rules decide alone). */
  model: TriageModel | null
  /** This context's own triage (not reentrant: never shared between contexts). */
  triage: Triage
  /** Usernames (lower case) of the organisation's own handles. */
  ownHandles: Set<string>
  primaryHandle: string
  acknowledge: boolean
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

export function primaryHandleOf(org: OrgConfig): string {
  return (org.handles.find((h) => h.primary) ?? org.handles[0]!).username
}
