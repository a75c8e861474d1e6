// Keeping a grievance's SLA record up to date as it is written. Every writer that can move
// the SLA (ingest, actions, the review route, the reply worker) calls one of these on the
// new state before saving it; `slaDueAt` mirrors the resolution due time for old desks.
import type { Grievance } from '../../shared/grievance'
import { markTakesLonger, recordResponse, slaAfterChange, startSla } from '../../shared/sla'
import type { OrgConfig } from '../../shared/org'
import { slaPolicyOf } from './policy'

/** `after` with its SLA record brought up to date with the change from `before` (null: new). */
export function withSla(org: OrgConfig, before: Grievance | null, after: Grievance, now: Date): Grievance {
  const sla = slaAfterChange(slaPolicyOf(org), before, after, now.getTime())
  return { ...after, sla, slaDueAt: sla.resolutionDueAt }
}

/** A new grievance whose clocks start at `startAt` rather than at its tweet (a tweet once ignored, made a ticket now). */
export function withSlaFrom(org: OrgConfig, g: Grievance, startAt: Date, now: Date): Grievance {
  const sla = startSla(slaPolicyOf(org), g, startAt.getTime(), now.getTime())
  return { ...g, sla, slaDueAt: sla.resolutionDueAt }
}

/**
 * A person's reply is on X (posted at `at`). What counts as a response is a public reply
 * by a person: the automatic acknowledgement and internal notes never call this. It is
 * stamped when X has the post, not when the officer sends it: until then the citizen has
 * nothing, and a reply that finally fails to post was no response at all.
 */
export function withResponse(org: OrgConfig, g: Grievance, at: Date): Grievance {
  const policy = slaPolicyOf(org)
  const base = g.sla ? g : withSla(org, null, g, at)
  const sla = recordResponse(policy, base.sla!, at.getTime(), at.getTime())
  return { ...g, sla, slaDueAt: sla.resolutionDueAt }
}

/** The officer said it will take longer: the interim reply becomes due (src/shared/sla markTakesLonger). */
export function markedTakesLonger(org: OrgConfig, g: Grievance, expectedBy: string, now: Date): Grievance {
  const base = g.sla ? g : withSla(org, null, g, now)
  const sla = markTakesLonger(slaPolicyOf(org), base.sla!, expectedBy, now.getTime())
  return { ...g, sla, slaDueAt: sla.resolutionDueAt }
}
