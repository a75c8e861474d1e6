// A grievance's SLA record through its life: started when the grievance is made,
// re-targeted on forward, priority change and reopening, stamped by a person's public
// reply and by resolution, and moved on_track → at_risk → breached (and escalated) as
// counted time passes. Pure: the server decides when to call it and stores the result.
import type { Grievance, GrievanceSla, SlaEscalationLevel, SlaState } from '../grievance'
import { isOpen } from '../grievance'
import { targetFor, type ResolvedSlaPolicy } from './policy'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

type SlaSubject = Pick<Grievance, 'priority' | 'division'>

const iso = (ms: number): string => new Date(ms).toISOString()
const ms = (text: string): number => Date.parse(text)

/** Due times for a clock started at `startAt`: counted hours, capped at maxResolutionDays calendar days. */
export function dueTimes(
  resolved: ResolvedSlaPolicy,
  subject: SlaSubject,
  startAt: number,
): Pick<GrievanceSla, 'clock' | 'firstResponseDueAt' | 'resolutionDueAt'> {
  const target = targetFor(resolved.policy, subject.priority, subject.division)
  const clock = resolved.clocks[target.clock]
  const cap = startAt + resolved.policy.maxResolutionDays * DAY_MS
  const resolution = Math.min(clock.add(startAt, target.resolutionHours * HOUR_MS), cap)
  const firstResponse = Math.min(clock.add(startAt, target.firstResponseHours * HOUR_MS), resolution)
  return { clock: target.clock, firstResponseDueAt: iso(firstResponse), resolutionDueAt: iso(resolution) }
}

/** A new record, its clocks started at `startAt` (the citizen's tweet), evaluated at `now`. */
export function startSla(resolved: ResolvedSlaPolicy, subject: SlaSubject, startAt: number, now: number): GrievanceSla {
  const record: GrievanceSla = {
    policy: resolved.name,
    ...dueTimes(resolved, subject, startAt),
    interimDueAt: null,
    firstResponseAt: null,
    responseAts: [],
    resolvedAt: null,
    breachedAt: null,
    state: 'on_track',
    escalationLevel: 0,
    escalatedAt: null,
    startedAt: iso(startAt),
  }
  return evaluateSla(resolved, record, now).sla
}

/**
 * New targets from the same start (forward to another division, priority change, a new
 * policy or calendar): the citizen's wait so far still counts. What already happened stays
 * on the record: a first response keeps the target it was measured against, a breach
 * already recorded stays (with its escalation), and an interim reply the officer promised
 * ("will take longer") stays due.
 */
export function retargetSla(
  resolved: ResolvedSlaPolicy,
  sla: GrievanceSla,
  subject: SlaSubject,
  now: number,
): GrievanceSla {
  const startAt = ms(sla.startedAt ?? sla.resolutionDueAt)
  const due = dueTimes(resolved, subject, startAt)
  const next: GrievanceSla = {
    ...sla,
    ...due,
    policy: resolved.name,
    firstResponseDueAt: sla.firstResponseAt ? sla.firstResponseDueAt : due.firstResponseDueAt,
    interimDueAt: sla.extendedAt ? sla.interimDueAt : null,
    state: 'on_track',
  }
  // The breach moment of the new targets, if they have passed; escalation does not go back down.
  return evaluateSla(resolved, next, now).sla
}

/**
 * The citizen wrote again after resolution: a new resolution clock from now (and a new
 * first-response target, since the new message has had no reply). Earlier responses stay.
 */
export function reopenSla(
  resolved: ResolvedSlaPolicy,
  sla: GrievanceSla,
  subject: SlaSubject,
  now: number,
): GrievanceSla {
  const fresh = startSla(resolved, subject, now, now)
  return { ...fresh, responseAts: sla.responseAts }
}

/** A person's public reply reached X at `at`. */
export function recordResponse(resolved: ResolvedSlaPolicy, sla: GrievanceSla, at: number, now: number): GrievanceSla {
  const stamp = iso(at)
  if (sla.responseAts.includes(stamp)) return sla
  const next: GrievanceSla = {
    ...sla,
    firstResponseAt: sla.firstResponseAt ?? stamp,
    responseAts: [...sla.responseAts, stamp].sort(),
  }
  return evaluateSla(resolved, next, now).sla
}

/** Resolved or rejected: the resolution clock stops. */
export function recordResolution(resolved: ResolvedSlaPolicy, sla: GrievanceSla, at: number): GrievanceSla {
  return evaluateSla(resolved, { ...sla, resolvedAt: iso(at) }, at).sla
}

/** From when a reply counts as the interim reply: the target passing, or the officer saying it will take longer. */
export function interimFrom(sla: GrievanceSla): string {
  return sla.extendedAt && sla.extendedAt < sla.resolutionDueAt ? sla.extendedAt : sla.resolutionDueAt
}

/** A reply since the interim reply became due answers for it. */
export function interimReplied(sla: GrievanceSla): boolean {
  const from = interimFrom(sla)
  return sla.responseAts.some((r) => r >= from)
}

/** The officer says it will take longer: an interim reply is due within interimReplyHours from now. */
export function markTakesLonger(
  resolved: ResolvedSlaPolicy,
  sla: GrievanceSla,
  expectedBy: string,
  now: number,
): GrievanceSla {
  const clock = resolved.clocks[sla.clock]
  const next: GrievanceSla = {
    ...sla,
    extendedAt: sla.extendedAt ?? iso(now),
    expectedBy,
    interimDueAt: sla.interimDueAt ?? iso(clock.add(now, resolved.policy.interimReplyHours * HOUR_MS)),
  }
  return evaluateSla(resolved, next, now).sla
}

/** Whether an interim reply is owed now (for the desk's "interim reply due"). */
export function interimOwed(sla: GrievanceSla): boolean {
  return sla.interimDueAt !== null && sla.resolvedAt === null && !interimReplied(sla)
}

export interface SlaEvaluation {
  sla: GrievanceSla
  /** The state, breach, interim or escalation moved (a change desks must see). */
  changed: boolean
}

export interface EvaluateOptions {
  /**
   * A check no one asked for (the server's loop): on the business clock it moves nothing
   * outside working hours and only schedules the next look for the next working minute.
   */
  timeDriven?: boolean
}

/** The record as it stands at `now`, and when it should next be looked at. */
export function evaluateSla(
  resolved: ResolvedSlaPolicy,
  sla: GrievanceSla,
  now: number,
  opts: EvaluateOptions = {},
): SlaEvaluation {
  const { policy } = resolved
  const clock = resolved.clocks[sla.clock]
  if (opts.timeDriven && !clock.isWorking(now)) {
    const nextCheckAt = iso(clock.nextWorkingStart(now))
    return { sla: { ...sla, nextCheckAt }, changed: false }
  }
  const startAt = ms(sla.startedAt ?? sla.resolutionDueAt)
  const resolutionDue = ms(sla.resolutionDueAt)
  const resolvedAt = sla.resolvedAt ? ms(sla.resolvedAt) : null

  // The interim reply is owed once the resolution target has passed unresolved.
  let interimDueAt = sla.interimDueAt
  if (interimDueAt === null && resolvedAt === null && now >= resolutionDue)
    interimDueAt = iso(clock.add(resolutionDue, policy.interimReplyHours * HOUR_MS))

  // Targets not met in time, each with the moment it was missed (or null while pending).
  const targets: { due: number; metAt: number | null }[] = [
    { due: ms(sla.firstResponseDueAt), metAt: sla.firstResponseAt ? ms(sla.firstResponseAt) : null },
    { due: resolutionDue, metAt: resolvedAt },
  ]
  if (interimDueAt !== null) {
    const from = interimFrom(sla)
    const reply = sla.responseAts.find((r) => r >= from)
    targets.push({ due: ms(interimDueAt), metAt: reply ? ms(reply) : resolvedAt })
  }
  const missed = targets
    .filter((t) => (t.metAt === null ? now >= t.due : t.metAt > t.due))
    .map((t) => t.due)
    .sort((a, b) => a - b)
  const breachedAt = sla.breachedAt ?? (missed.length > 0 ? iso(missed[0]!) : null)
  const pending = resolvedAt === null ? targets.filter((t) => t.metAt === null) : []
  const atRiskAt = (due: number): number => clock.add(startAt, policy.atRiskFraction * clock.between(startAt, due))

  let state: SlaState
  if (resolvedAt !== null) state = breachedAt ? 'breached' : 'met'
  else if (breachedAt) state = 'breached'
  else if (pending.some((t) => now >= atRiskAt(t.due))) state = 'at_risk'
  else state = 'on_track'

  // Escalation climbs with counted time since the breach, and never comes down.
  let escalationLevel: SlaEscalationLevel = sla.escalationLevel
  let escalatedAt = sla.escalatedAt
  const escalations: number[] = []
  if (breachedAt && resolvedAt === null) {
    const from = ms(breachedAt)
    escalations.push(
      clock.add(from, policy.escalation.supervisorAfterHours * HOUR_MS),
      clock.add(from, policy.escalation.divisionHeadAfterHours * HOUR_MS),
    )
    const reached = escalations.filter((at) => now >= at).length as SlaEscalationLevel
    if (reached > escalationLevel) {
      escalationLevel = reached
      escalatedAt = iso(now)
    }
  }

  // The next moment something would move with no one acting.
  const upcoming: number[] = []
  if (resolvedAt === null) {
    for (const t of pending) {
      if (now < t.due) upcoming.push(t.due)
      const risk = atRiskAt(t.due)
      if (state === 'on_track' && now < risk) upcoming.push(risk)
    }
    if (interimDueAt === null && now < resolutionDue) upcoming.push(resolutionDue)
    for (const at of escalations.slice(escalationLevel)) if (now < at) upcoming.push(at)
  }
  const nextCheckAt = upcoming.length > 0 ? iso(Math.min(...upcoming)) : null

  const next: GrievanceSla = { ...sla, interimDueAt, breachedAt, state, escalationLevel, escalatedAt, nextCheckAt }
  const changed =
    next.state !== sla.state ||
    next.breachedAt !== sla.breachedAt ||
    next.interimDueAt !== sla.interimDueAt ||
    next.escalationLevel !== sla.escalationLevel
  return { sla: next, changed }
}

/** The record after a change of the grievance (`before` → `after`), at `now`. */
export function slaAfterChange(
  resolved: ResolvedSlaPolicy,
  before: Grievance | null,
  after: Grievance,
  now: number,
): GrievanceSla {
  const prior = after.sla ?? before?.sla
  if (!prior) {
    // A grievance from before the SLA engine: its record from its tweet, stopped if it is done.
    const started = startSla(resolved, after, ms(after.source.createdAt), now)
    return isOpen(after.status) ? started : recordResolution(resolved, started, now)
  }
  const wasOpen = before ? isOpen(before.status) : true
  if (before && !wasOpen && isOpen(after.status)) return reopenSla(resolved, prior, after, now)
  let sla = prior
  if (before && (before.division !== after.division || before.priority !== after.priority))
    sla = retargetSla(resolved, sla, after, now)
  if (wasOpen && !isOpen(after.status) && sla.resolvedAt === null) sla = recordResolution(resolved, sla, now)
  return evaluateSla(resolved, sla, now).sla
}

/** What a desk shows of a record: the fields a policy change can move. */
const SHOWN: readonly (keyof GrievanceSla)[] = [
  'policy',
  'clock',
  'firstResponseDueAt',
  'resolutionDueAt',
  'interimDueAt',
  'breachedAt',
  'state',
  'escalationLevel',
]

/**
 * An open grievance's record under the policy and calendar in force now (an admin changed
 * them): re-targeted as on a forward, from the same start. `moved` is false when the new
 * policy gives the same targets and state, so a second pass over the same policy writes
 * nothing. A grievance the new targets put past a due time is breached from that due time
 * (and escalates by the counted time since); a breach recorded under the old targets stays.
 */
export function slaUnderPolicy(
  resolved: ResolvedSlaPolicy,
  sla: GrievanceSla,
  subject: SlaSubject,
  now: number,
): { sla: GrievanceSla; moved: boolean } {
  const next = retargetSla(resolved, sla, subject, now)
  return { sla: next, moved: SHOWN.some((k) => next[k] !== sla[k]) }
}
