// Which SLA changes are news to whom: used by the renderer's in-page alerts and the
// Electron main process's desktop notifications alike.
import { isOpen, type Grievance } from '../grievance'

export interface SlaAlert {
  id: string
  ticket: string
  state: 'at_risk' | 'breached'
}

/** Whose news an SLA change is: the assignee's, and a supervisor's (or admin's) for any work in scope. */
export interface AlertAudience {
  username: string
  oversees: boolean
}

/**
 * The SLA alerts of a change from `known` (last seen state per id) to `list`, and the new
 * `known`. A first sight is not news (the desk just started or synced in): only a move
 * into at_risk or breached is. Supervisors are told of breaches, not of every risk.
 */
export function slaAlerts(
  known: ReadonlyMap<string, string>,
  list: readonly Grievance[],
  audience: AlertAudience,
): { alerts: SlaAlert[]; known: Map<string, string> } {
  const next = new Map<string, string>()
  const alerts: SlaAlert[] = []
  for (const g of list) {
    const state = g.sla && isOpen(g.status) ? g.sla.state : 'none'
    next.set(g.id, state)
    const before = known.get(g.id)
    if (before === undefined || before === state) continue
    if (state !== 'at_risk' && state !== 'breached') continue
    const mine = g.assignee === audience.username
    if (mine || (audience.oversees && state === 'breached')) alerts.push({ id: g.id, ticket: g.ticket, state })
  }
  return { alerts, known: next }
}
