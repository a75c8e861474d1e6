// Bulk actions: one desk action per selected grievance, in queue order. A grievance the
// action does not fit (already claimed, already resolved, …) is skipped and reported with
// its reason; a desk error fails that grievance only. Nothing about one row stops the rest.
import { canTransition, isOpen, type Grievance, type GrievanceStatus } from '../../../../shared/grievance'
import type { ActionBody } from '../../../../shared/protocol'

export const BULK_ACTIONS = ['claim', 'start', 'resolve', 'reject', 'forward'] as const
export type BulkAction = (typeof BULK_ACTIONS)[number]
export type BulkBody = Extract<ActionBody, { type: BulkAction }>

/** Why an action was not tried on a grievance; catalogue key queue.bulk.skip.<reason>. */
export type SkipReason =
  | { reason: 'alreadyAssigned'; assignee: string }
  | { reason: 'notAllowed'; status: GrievanceStatus }
  | { reason: 'sameDivision' }

const TARGET: Record<BulkAction, GrievanceStatus> = {
  claim: 'assigned',
  start: 'in_progress',
  resolve: 'resolved',
  reject: 'rejected',
  forward: 'forwarded',
}

/** The same checks the action bar makes before enabling a button, for one grievance. */
export function skipReason(g: Grievance, body: BulkBody): SkipReason | null {
  if (body.type === 'claim' && g.assignee !== null) return { reason: 'alreadyAssigned', assignee: g.assignee }
  if (body.type === 'claim' && !isOpen(g.status)) return { reason: 'notAllowed', status: g.status }
  if (!canTransition(g.status, TARGET[body.type])) return { reason: 'notAllowed', status: g.status }
  if (body.type === 'forward' && g.division === body.toDivision) return { reason: 'sameDivision' }
  return null
}

export type BulkOutcome =
  | { id: string; ticket: string; result: 'done' }
  | ({ id: string; ticket: string; result: 'skipped' } & SkipReason)
  | { id: string; ticket: string; result: 'failed'; message: string }

export interface BulkTally {
  done: number
  skipped: number
  failed: number
}

export function tally(outcomes: readonly BulkOutcome[]): BulkTally {
  const t: BulkTally = { done: 0, skipped: 0, failed: 0 }
  for (const o of outcomes) t[o.result]++
  return t
}

/**
 * Applies `body` to each grievance in turn through `submit` (the desk's actions.submit).
 * One at a time: the desk writes each action to its outbox before answering, and a burst
 * of hundreds in parallel would only queue up there anyway.
 */
export async function runBulk(
  grievances: readonly Grievance[],
  body: BulkBody,
  submit: (grievanceId: string, body: BulkBody) => Promise<void>,
  describe: (error: unknown) => string,
  onOutcome?: (outcome: BulkOutcome) => void,
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = []
  for (const g of grievances) {
    const skip = skipReason(g, body)
    let outcome: BulkOutcome
    if (skip) outcome = { id: g.id, ticket: g.ticket, result: 'skipped', ...skip }
    else {
      try {
        await submit(g.id, body)
        outcome = { id: g.id, ticket: g.ticket, result: 'done' }
      } catch (error) {
        outcome = { id: g.id, ticket: g.ticket, result: 'failed', message: describe(error) }
      }
    }
    outcomes.push(outcome)
    onOutcome?.(outcome)
  }
  return outcomes
}
