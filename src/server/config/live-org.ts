// The organisation as this instance applies it right now. One LiveOrg per running server,
// shared BY REFERENCE by every context made from it (startWork's fenced copy, the ingestion
// sources, the routes), so a new config version reaches all of them by one assignment.
// Readers take a snapshot (`ctx.config.current()`) and use it for the whole operation: an
// ingested batch never mixes two versions' rules, divisions and ticket prefix.
import type { OrgConfig } from '../../shared/org'
import { compileOrg, type CompiledOrg } from '../../shared/routing'
import type { Triage } from '../../shared/triage-model'
import { LiveModel } from '../models/live-model'
import { triageFor } from '../review/model'

export interface OrgSnapshot {
  /** The config_versions version this is (0: not from the database, e.g. a test's fixed org). */
  readonly version: number
  readonly org: OrgConfig
  readonly compiled: CompiledOrg
  /** Usernames (lower case) of the organisation's own handles. */
  readonly ownHandles: ReadonlySet<string>
  /** The handle that posts replies and acknowledgements. */
  readonly primaryHandle: string
}

export function primaryHandleOf(org: OrgConfig): string {
  return (org.handles.find((h) => h.primary) ?? org.handles[0]!).username
}

/** Everything derived from one org version, built before it is swapped in (compileOrg throws on a bad org). */
export function snapshotOf(org: OrgConfig, version: number): OrgSnapshot {
  return {
    version,
    org,
    compiled: compileOrg(org),
    ownHandles: new Set(org.handles.map((h) => h.username.toLowerCase())),
    primaryHandle: primaryHandleOf(org),
  }
}

export class LiveOrg {
  private snapshot: OrgSnapshot
  private readonly watchers = new Set<(snapshot: OrgSnapshot) => void>()

  constructor(org: OrgConfig, version = 0) {
    this.snapshot = snapshotOf(org, version)
  }

  current(): OrgSnapshot {
    return this.snapshot
  }

  /**
   * Swaps in a newer version (built completely first, then one assignment); an older or
   * equal version is ignored, so a late notification cannot undo a newer one. Returns
   * whether it was installed.
   */
  install(version: number, org: OrgConfig): boolean {
    if (version <= this.snapshot.version) return false
    this.snapshot = snapshotOf(org, version)
    for (const watch of this.watchers) watch(this.snapshot)
    return true
  }

  /** Called after each install (e.g. the ingestion sources rebuild their search queries). */
  watch(fn: (snapshot: OrgSnapshot) => void): () => void {
    this.watchers.add(fn)
    return () => this.watchers.delete(fn)
  }
}

/**
 * A context's own triage for the live org and model, rebuilt on first use after a config
 * change or a model deployment.
 * A Triage holds scratch buffers and is not reentrant, so each context calls this once
 * and keeps its own function (startWork makes a second one for the leader's work).
 */
export function liveTriage(live: LiveOrg, models: LiveModel): () => Triage {
  let built: { snapshot: OrgSnapshot; model: LiveModel['model']; triage: Triage } | null = null
  return () => {
    const snapshot = live.current()
    const model = models.model
    if (built?.snapshot !== snapshot || built.model !== model)
      built = { snapshot, model, triage: triageFor(snapshot.compiled, model, snapshot.ownHandles) }
    return built.triage
  }
}

/** The organisation parts of a ServerContext for a fixed org and no model (tests, benches, tools). */
export function rulesOnlyOrg(org: OrgConfig): { config: LiveOrg; models: LiveModel; triage: () => Triage } {
  const config = new LiveOrg(org)
  const models = new LiveModel(null)
  return { config, models, triage: liveTriage(config, models) }
}
