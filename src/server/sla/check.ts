// The leader's SLA pass: grievances whose next SLA moment has come (the indexed
// next_sla_check_at column, never a scan of every document) are evaluated; a state,
// breach, interim or escalation that moved is a new version on the change feed so desks
// see it. On the business clock nothing moves outside working hours: the grievance is
// simply looked at again at the next working minute.
import { randomUUID } from 'node:crypto'
import { isOpen, type Grievance, type GrievanceSla } from '../../shared/grievance'
import { evaluateSla } from '../../shared/sla'
import type { ServerContext } from '../context'
import { writeTransaction, type Queryable } from '../db/database'
import { nextVersion, saveGrievance } from '../grievances'
import { slaPolicyOf } from './policy'

/** How often the leader looks for SLA moments that have come. */
export const SLA_CHECK_INTERVAL_MS = 60_000
/** Grievances evaluated per pass; the rest are next (their moments are already due). */
const PASS_LIMIT = 200

export interface SlaTransition {
  id: string
  ticket: string
  state: NonNullable<Grievance['sla']>['state']
  escalationLevel: number
  seq: number
}

export interface SlaPassOptions {
  now?: Date
  limit?: number
}

const ESCALATED_TO = ['', 'the supervisor', 'the division head'] as const

/** A system line on the thread when `after`'s record climbed an escalation level since `was`. */
export function noteEscalation(after: Grievance, was: GrievanceSla, now: Date): void {
  const sla = after.sla
  if (!sla || sla.escalationLevel <= was.escalationLevel) return
  after.thread.push({
    id: `sla:${randomUUID()}`,
    kind: 'system',
    text: `SLA breached since ${sla.breachedAt}: escalated to ${ESCALATED_TO[sla.escalationLevel]}`,
    at: now.toISOString(),
  })
}

/** One pass inside the caller's transaction. */
export async function checkSla(
  ctx: Pick<ServerContext, 'config'>,
  tx: Queryable,
  opts: SlaPassOptions = {},
): Promise<SlaTransition[]> {
  const now = opts.now ?? new Date()
  const policy = slaPolicyOf(ctx.config.current().org)
  const due = await tx.query<{ doc: Grievance }>(
    `SELECT doc FROM grievances WHERE next_sla_check_at <= $1::timestamptz
     ORDER BY next_sla_check_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now.toISOString(), opts.limit ?? PASS_LIMIT],
  )
  const moved: SlaTransition[] = []
  for (const { doc: before } of due) {
    // Nothing moves for finished work (its record stopped when it was resolved or rejected).
    if (!before.sla || !isOpen(before.status)) {
      await tx.query('UPDATE grievances SET next_sla_check_at = NULL WHERE id = $1', [before.id])
      continue
    }
    const { sla, changed } = evaluateSla(policy, before.sla, now.getTime(), { timeDriven: true })
    if (!changed) {
      // Only the schedule moved: no new version (nothing a desk would show).
      await tx.query('UPDATE grievances SET next_sla_check_at = $2 WHERE id = $1', [before.id, sla.nextCheckAt ?? null])
      continue
    }
    const after = nextVersion(before, now)
    after.sla = sla
    after.slaDueAt = sla.resolutionDueAt
    noteEscalation(after, before.sla, now)
    const seq = await saveGrievance(tx, before, after)
    moved.push({ id: after.id, ticket: after.ticket, state: sla.state, escalationLevel: sla.escalationLevel, seq })
  }
  return moved
}

/** The pass in its own transaction, announced to this instance's event streams. */
export async function runSlaCheck(
  ctx: Pick<ServerContext, 'db' | 'config' | 'changes' | 'log'>,
  opts: SlaPassOptions = {},
): Promise<SlaTransition[]> {
  const moved = await writeTransaction(ctx.db, (tx) => checkSla(ctx, tx, opts))
  if (moved.length === 0) return moved
  ctx.changes.notify(moved.map((m) => m.seq))
  for (const m of moved)
    ctx.log(`[sla] ${m.ticket} ${m.state}${m.escalationLevel ? ` (level ${m.escalationLevel})` : ''}`)
  return moved
}
