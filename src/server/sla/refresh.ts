// SLA targets follow the policy in force: when a new configuration version changes the SLA
// policy or its calendar (working hours, holidays), the leader re-targets every OPEN
// grievance under it (src/shared/sla slaUnderPolicy, the definition a forward uses), in
// batches, in the background. Resolved, closed and rejected work keeps the record it ended
// with; what already happened stays (first response, a recorded breach and its escalation).
//
// Once per version in a cluster: sla_refreshes (migration 21) holds one row per policy
// change with a cursor over grievance ids. The row is locked by each batch's transaction,
// so two instances running at once take turns on the cursor and only the batch that
// finishes writes the audit entry. A leader that dies mid-way leaves the cursor where its
// last batch committed and the next leader carries on from there.
import { isOpen, type Grievance } from '../../shared/grievance'
import type { OrgConfig } from '../../shared/org'
import { legacySlaPolicy, slaUnderPolicy } from '../../shared/sla'
import { canonicalJson, recordAudit } from '../audit'
import type { OrgSnapshot } from '../config/live-org'
import type { ServerContext } from '../context'
import { writeTransaction, type Queryable } from '../db/database'
import { nextVersion, writeGrievances, type GrievanceWrite } from '../grievances'
import { SYSTEM_ACTOR } from '../models/store'
import { noteEscalation } from './check'
import { slaPolicyOf } from './policy'

/** Open grievances re-targeted per transaction (each holds the change lock while it runs). */
export const SLA_REFRESH_BATCH = 100
/** The leader's fallback look for a policy change (a config install also starts one at once). */
export const SLA_REFRESH_CHECK_MS = 30_000
export const SLA_REFRESH_ACTION = 'sla.recomputed'
/** Serialises deciding whether a version needs a recompute across instances. */
const SLA_REFRESH_LOCK_KEY = 7_305_021

/** The part of a configuration that sets due times: equal fingerprints, equal targets. */
export function slaPolicyFingerprint(org: OrgConfig): string {
  return canonicalJson(org.slaPolicy ?? legacySlaPolicy(org.sla))
}

interface RefreshRow {
  [key: string]: unknown
  config_version: number
  fingerprint: string
  state: 'baseline' | 'running' | 'done' | 'superseded'
  after_id: string | null
  examined: number
  moved: number
}

/** A recompute that finished in this call. */
export interface SlaRefreshOutcome {
  version: number
  /** Open grievances looked at. */
  examined: number
  /** Of those, the ones whose targets or state moved (each a new version on the change feed). */
  moved: number
}

export interface SlaRefreshOptions {
  now?: Date
  batch?: number
  /** Checked between batches: the leader's term ended, leave the rest to the next one. */
  stopped?: () => boolean
}

/**
 * Which recompute the live configuration calls for, if any: the version of a running row to
 * work on. The first time (no row) the current policy is taken as the one the stored records
 * were made with (a baseline, nothing written); an instance behind the newest recorded
 * version waits for its config follower.
 */
async function planRefresh(tx: Queryable, snapshot: OrgSnapshot): Promise<number | null> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [SLA_REFRESH_LOCK_KEY])
  const fingerprint = slaPolicyFingerprint(snapshot.org)
  const [newest] = await tx.query<RefreshRow>('SELECT * FROM sla_refreshes ORDER BY config_version DESC LIMIT 1')
  if (!newest) {
    await tx.query(
      `INSERT INTO sla_refreshes (config_version, fingerprint, state, finished_at) VALUES ($1, $2, 'baseline', now())`,
      [snapshot.version, fingerprint],
    )
    return null
  }
  const newestVersion = Number(newest.config_version)
  if (newestVersion > snapshot.version) return null
  // The same version read differently (an instance on other code mid-upgrade) is not a change.
  if (newest.fingerprint === fingerprint || newestVersion === snapshot.version)
    return newest.state === 'running' ? newestVersion : null
  // A newer policy: an unfinished recompute for an older one is moot (this one covers every open grievance).
  await tx.query(`UPDATE sla_refreshes SET state = 'superseded', finished_at = now() WHERE state = 'running'`)
  await tx.query(`INSERT INTO sla_refreshes (config_version, fingerprint, state) VALUES ($1, $2, 'running')`, [
    snapshot.version,
    fingerprint,
  ])
  return snapshot.version
}

interface BatchResult {
  seqs: number[]
  /** Nothing left to do for this version here (finished, superseded, or the live policy moved on). */
  over: boolean
  finished: SlaRefreshOutcome | null
}

async function refreshBatch(
  tx: Queryable,
  snapshot: OrgSnapshot,
  version: number,
  now: Date,
  batch: number,
): Promise<BatchResult> {
  const [row] = await tx.query<RefreshRow>(
    `SELECT * FROM sla_refreshes WHERE config_version = $1 AND state = 'running' FOR UPDATE`,
    [version],
  )
  if (!row || row.fingerprint !== slaPolicyFingerprint(snapshot.org)) return { seqs: [], over: true, finished: null }
  const policy = slaPolicyOf(snapshot.org)
  const open = await tx.query<{ id: string; doc: Grievance }>(
    `SELECT id, doc FROM grievances
     WHERE status NOT IN ('resolved', 'closed', 'rejected') AND ($1::text IS NULL OR id > $1)
     ORDER BY id LIMIT $2 FOR UPDATE`,
    [row.after_id, batch],
  )
  const writes: GrievanceWrite[] = []
  for (const { doc: before } of open) {
    // A record from before the SLA engine gets its targets on its next write (slaAfterChange).
    if (!before.sla || !isOpen(before.status)) continue
    const { sla, moved } = slaUnderPolicy(policy, before.sla, before, now.getTime())
    if (!moved) continue
    const after = nextVersion(before, now)
    after.sla = sla
    after.slaDueAt = sla.resolutionDueAt
    noteEscalation(after, before.sla, now)
    writes.push({ before, after })
  }
  // The batch save path: grievance rows, their facts and the report roll-ups, one change row each.
  const seqs = [...(await writeGrievances(tx, writes)).values()]
  const done = open.length < batch
  const examined = Number(row.examined) + open.length
  const moved = Number(row.moved) + writes.length
  await tx.query(
    `UPDATE sla_refreshes SET after_id = $2, examined = $3, moved = $4,
       state = CASE WHEN $5 THEN 'done' ELSE state END, finished_at = CASE WHEN $5 THEN now() END
     WHERE config_version = $1`,
    [version, open.at(-1)?.id ?? row.after_id, examined, moved, done],
  )
  if (!done) return { seqs, over: false, finished: null }
  await recordAudit(tx, {
    actor: SYSTEM_ACTOR,
    action: SLA_REFRESH_ACTION,
    target: `config v${version}`,
    details: { version, policy: policy.name, examined, moved },
  })
  return { seqs, over: true, finished: { version, examined, moved } }
}

/**
 * Recomputes for the live configuration's SLA policy if it changed since the last recompute
 * (or carries on with an unfinished one). Safe to call any number of times, on any number
 * of instances: it returns the outcome when this call finished a recompute, else null.
 */
export async function runSlaRefresh(
  ctx: Pick<ServerContext, 'db' | 'config' | 'changes' | 'log'>,
  opts: SlaRefreshOptions = {},
): Promise<SlaRefreshOutcome | null> {
  const snapshot = ctx.config.current()
  // A fixed org that is not a stored version (tests, tools): nothing to follow.
  if (snapshot.version === 0) return null
  const version = await ctx.db.transaction((tx) => planRefresh(tx, snapshot))
  if (version === null) return null
  for (;;) {
    if (opts.stopped?.()) return null
    const now = opts.now ?? new Date()
    // Each batch under the live version: one with another policy ends this run (the next plans anew).
    const live = ctx.config.current()
    const result = await writeTransaction(ctx.db, (tx) =>
      refreshBatch(tx, live, version, now, opts.batch ?? SLA_REFRESH_BATCH),
    )
    if (result.seqs.length > 0) ctx.changes.notify(result.seqs)
    if (result.finished)
      ctx.log(
        `[sla] targets recomputed for config version ${version}: ${result.finished.moved} of ${result.finished.examined} open grievances moved`,
      )
    if (result.over) return result.finished
  }
}

/**
 * The leader's trigger: calls made while a run is going ask for one more run after it (a
 * version installed mid-way is looked at), never a second run alongside.
 */
export function slaRefresher(run: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | null = null
  let again = false
  return () => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await run()
      } while (again)
    })().finally(() => {
      running = null
    })
    return running
  }
}
