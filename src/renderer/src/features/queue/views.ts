// Saved views of the queue (Chatwoot style: small pure predicates in a table), with their
// counts taken in one pass over the desk's cache. "Mine" comes first: an officer's own
// open work is what they open the desk for.
import { isOpen, type Grievance } from '../../../../shared/grievance'
import type { Role } from '../../../../shared/protocol'
import { isBreached } from './filters'

export const QUEUE_VIEWS = ['mine', 'division', 'review', 'breached', 'all'] as const
export type QueueViewId = (typeof QUEUE_VIEWS)[number]

export interface ViewContext {
  /** Username of the signed-in officer. */
  me: string | null
  /** The officer's divisions, for "my division, unassigned". */
  divisions: readonly string[]
  now: number
}

export type TriageBand = 'ticket' | 'review' | 'ignore'

/**
 * The triage band, when the grievance carries one. The band (ticket / review / ignore)
 * is arriving with another change to the shared model; until then `triage` has no
 * `band` and this answers null, so the review view is simply empty.
 */
export function triageBand(g: Grievance): TriageBand | null {
  const band: unknown = (g.triage as { band?: unknown }).band
  return band === 'ticket' || band === 'review' || band === 'ignore' ? band : null
}

export const VIEWS: Record<QueueViewId, (g: Grievance, ctx: ViewContext) => boolean> = {
  mine: (g, ctx) => ctx.me !== null && g.assignee === ctx.me && isOpen(g.status),
  division: (g, ctx) =>
    g.assignee === null && isOpen(g.status) && g.division !== null && ctx.divisions.includes(g.division),
  review: (g) => triageBand(g) === 'review' && isOpen(g.status),
  breached: (g, ctx) => isBreached(g, ctx.now),
  all: () => true,
}

export type ViewCounts = Record<QueueViewId, number>

/** Every view's count in one pass over the grievances. */
export function countViews(grievances: readonly Grievance[], ctx: ViewContext): ViewCounts {
  const counts: ViewCounts = { mine: 0, division: 0, review: 0, breached: 0, all: grievances.length }
  for (const g of grievances) {
    if (VIEWS.mine(g, ctx)) counts.mine++
    if (VIEWS.division(g, ctx)) counts.division++
    if (VIEWS.review(g, ctx)) counts.review++
    if (VIEWS.breached(g, ctx)) counts.breached++
  }
  return counts
}

/** Officers start on their own work; supervisors and admins, who hold none, on everything. */
export function defaultView(role: Role | null | undefined): QueueViewId {
  return role === 'officer' ? 'mine' : 'all'
}

export function isQueueView(value: string): value is QueueViewId {
  return (QUEUE_VIEWS as readonly string[]).includes(value)
}
