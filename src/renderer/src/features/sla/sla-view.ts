// What the desk shows of a grievance's SLA record (g.sla, kept by the server): a badge
// for open work that needs attention, the breached list for supervisors, and which
// changes are news worth an alert. Pure, so the queue's memoised rows stay cheap.
import { isOpen, type Grievance } from '../../../../shared/grievance'
import { interimOwed } from '../../../../shared/sla/engine'

export type SlaBadgeKind = 'at_risk' | 'breached' | 'interim_due'

/** The badge of an open grievance, or null (on track, met, closed, or no record yet). */
export function slaBadge(g: Pick<Grievance, 'status' | 'sla'>): SlaBadgeKind | null {
  if (!g.sla || !isOpen(g.status)) return null
  // The interim reply is the thing to do about a missed resolution target: say that.
  if (interimOwed(g.sla)) return 'interim_due'
  if (g.sla.state === 'breached') return 'breached'
  if (g.sla.state === 'at_risk') return 'at_risk'
  return null
}

/** Open breached grievances, oldest breach first (the desk holds exactly the user's scope). */
export function breachedInScope(list: readonly Grievance[]): Grievance[] {
  return list
    .filter((g) => isOpen(g.status) && g.sla?.state === 'breached' && g.sla.breachedAt)
    .sort((a, b) => a.sla!.breachedAt!.localeCompare(b.sla!.breachedAt!) || a.ticket.localeCompare(b.ticket))
}

export { slaAlerts, type AlertAudience, type SlaAlert } from '../../../../shared/sla/alerts'
