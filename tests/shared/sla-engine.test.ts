import { describe, expect, it } from 'vitest'
import type { Grievance } from '../../src/shared/grievance'
import {
  evaluateSla,
  interimOwed,
  markTakesLonger,
  recordResolution,
  recordResponse,
  reopenSla,
  resolveSlaPolicy,
  retargetSla,
  SlaPolicy,
  slaAfterChange,
  slaUnderPolicy,
  startSla,
  type SlaPolicyInput,
} from '../../src/shared/sla'

const HOUR = 3_600_000
const ist = (local: string): number => Date.parse(`${local}:00+05:30`)
const istText = (at: string | null | undefined): string | null =>
  at ? new Date(Date.parse(at) + 330 * 60_000).toISOString().slice(0, 16).replace('T', ' ') : null

// No holidays in these tests: the calendar's own tests cover them.
const policyOf = (input: SlaPolicyInput = {}) =>
  resolveSlaPolicy(SlaPolicy.parse({ ...input, calendar: { holidays: [], ...input.calendar } }))
const normal = { priority: 'normal' as const, division: 'passport' }
const monday10 = ist('2026-12-07T10:00')

describe('starting an SLA record', () => {
  it('sets business-time due times for first response and resolution', () => {
    const sla = startSla(policyOf(), normal, monday10, monday10)
    // Normal: first response in 8½ business hours, resolution in 7 working days.
    expect(istText(sla.firstResponseDueAt)).toBe('2026-12-08 10:00')
    expect(istText(sla.resolutionDueAt)).toBe('2026-12-16 10:00')
    expect(sla).toMatchObject({ clock: 'business', state: 'on_track', escalationLevel: 0, policy: 'cpgrams@1' })
    expect(sla.responseAts).toEqual([])
    // The first thing that can happen: the first response at risk at 75 %.
    expect(sla.nextCheckAt).toBe('2026-12-07T10:52:30.000Z')
  })
  it('runs critical work round the clock', () => {
    const sla = startSla(
      policyOf(),
      { priority: 'critical', division: null },
      ist('2026-12-05T22:00'),
      ist('2026-12-05T22:00'),
    )
    expect(sla.clock).toBe('24x7')
    expect(istText(sla.firstResponseDueAt)).toBe('2026-12-05 23:00')
    expect(istText(sla.resolutionDueAt)).toBe('2026-12-06 22:00')
  })
  it('never gives more than 21 calendar days to resolve', () => {
    const policy = policyOf({ targets: { low: { resolutionHours: 400 } } })
    const sla = startSla(policy, { priority: 'low', division: null }, monday10, monday10)
    expect(Date.parse(sla.resolutionDueAt) - monday10).toBe(21 * 24 * HOUR)
  })
  it('is breached at once when the tweet is older than its target', () => {
    const tweeted = ist('2026-11-02T10:00')
    const sla = startSla(policyOf(), normal, tweeted, monday10)
    expect(sla.state).toBe('breached')
    expect(istText(sla.breachedAt)).toBe('2026-11-03 10:00')
    expect(sla.interimDueAt).not.toBeNull()
    expect(sla.escalationLevel).toBe(2)
  })
})

describe('state over time', () => {
  const policy = policyOf()
  const start = startSla(policy, normal, monday10, monday10)
  it('is at risk once 75 % of a target is used, breached past it', () => {
    const early = evaluateSla(policy, start, ist('2026-12-07T16:00'))
    expect(early.sla.state).toBe('on_track')
    expect(early.changed).toBe(false)
    const risk = evaluateSla(policy, start, ist('2026-12-07T16:30'))
    expect(risk).toMatchObject({ changed: true, sla: { state: 'at_risk' } })
    expect(istText(risk.sla.nextCheckAt)).toBe('2026-12-08 10:00')
    const breached = evaluateSla(policy, risk.sla, ist('2026-12-08T10:01'))
    expect(breached.changed).toBe(true)
    expect(breached.sla.state).toBe('breached')
    expect(istText(breached.sla.breachedAt)).toBe('2026-12-08 10:00')
    // Next: the supervisor, 4 business hours after the breach.
    expect(istText(breached.sla.nextCheckAt)).toBe('2026-12-08 14:00')
  })
  it('escalates to the supervisor then the division head after business time breached', () => {
    const breached = evaluateSla(policy, start, ist('2026-12-08T10:01')).sla
    const one = evaluateSla(policy, breached, ist('2026-12-08T14:00')).sla
    expect(one.escalationLevel).toBe(1)
    expect(one.escalatedAt).toBe(new Date(ist('2026-12-08T14:00')).toISOString())
    // 17 business hours after Tuesday 10:00 is Thursday 10:00.
    expect(istText(one.nextCheckAt)).toBe('2026-12-10 10:00')
    expect(evaluateSla(policy, one, ist('2026-12-10T09:59')).sla.escalationLevel).toBe(1)
    expect(evaluateSla(policy, one, ist('2026-12-10T10:00')).sla.escalationLevel).toBe(2)
  })
  it('moves nothing outside working hours on a time-driven check, and looks again at the next opening', () => {
    const friday = startSla(policy, normal, ist('2026-12-04T10:00'), ist('2026-12-04T10:00'))
    const night = evaluateSla(policy, friday, ist('2026-12-05T23:00'), { timeDriven: true })
    expect(night.changed).toBe(false)
    expect(night.sla.state).toBe('on_track')
    expect(istText(night.sla.nextCheckAt)).toBe('2026-12-07 09:00')
    // At risk since Friday 16:22 by the clock, said on Monday morning; breached at 10:00.
    const morning = evaluateSla(policy, night.sla, ist('2026-12-07T09:00'), { timeDriven: true })
    expect(morning).toMatchObject({ changed: true, sla: { state: 'at_risk', breachedAt: null } })
    expect(istText(morning.sla.nextCheckAt)).toBe('2026-12-07 10:00')
  })
  it('still moves a 24×7 item at night', () => {
    const critical = startSla(
      policy,
      { priority: 'critical', division: null },
      ist('2026-12-05T22:00'),
      ist('2026-12-05T22:00'),
    )
    const night = evaluateSla(policy, critical, ist('2026-12-05T23:30'), { timeDriven: true })
    expect(night).toMatchObject({ changed: true, sla: { state: 'breached' } })
  })
})

describe('responses, interim replies and resolution', () => {
  const policy = policyOf()
  const start = startSla(policy, normal, monday10, monday10)
  it('a person\u2019s reply meets the first-response target', () => {
    const replied = recordResponse(policy, start, ist('2026-12-07T15:00'), ist('2026-12-07T15:00'))
    expect(istText(replied.firstResponseAt)).toBe('2026-12-07 15:00')
    expect(replied.responseAts).toHaveLength(1)
    expect(evaluateSla(policy, replied, ist('2026-12-08T12:00')).sla.state).toBe('on_track')
    // The same posting recorded twice is one response.
    expect(recordResponse(policy, replied, ist('2026-12-07T15:00'), ist('2026-12-07T16:00')).responseAts).toHaveLength(
      1,
    )
  })
  it('owes an interim reply once the resolution target passes, met by a reply after it', () => {
    const replied = recordResponse(policy, start, ist('2026-12-07T15:00'), ist('2026-12-07T15:00'))
    const late = evaluateSla(policy, replied, ist('2026-12-16T10:30')).sla
    expect(late.state).toBe('breached')
    expect(istText(late.interimDueAt)).toBe('2026-12-17 10:00')
    expect(interimOwed(late)).toBe(true)
    const interim = recordResponse(policy, late, ist('2026-12-16T11:00'), ist('2026-12-16T11:00'))
    expect(interimOwed(interim)).toBe(false)
    expect(interim.firstResponseAt).toBe(replied.firstResponseAt)
  })
  it('resolved in time is met; resolved late stays breached; no further checks', () => {
    const met = recordResolution(policy, start, ist('2026-12-07T12:00'))
    expect(met).toMatchObject({ state: 'met', nextCheckAt: null })
    const late = recordResolution(policy, start, ist('2026-12-17T12:00'))
    expect(late.state).toBe('breached')
    expect(istText(late.breachedAt)).toBe('2026-12-08 10:00')
    expect(late.nextCheckAt).toBeNull()
  })
  it('reopening starts a new resolution clock from the reopening and keeps earlier responses', () => {
    const replied = recordResponse(policy, start, ist('2026-12-07T15:00'), ist('2026-12-07T15:00'))
    const done = recordResolution(policy, replied, ist('2026-12-08T12:00'))
    const reopened = reopenSla(policy, done, normal, ist('2026-12-14T10:00'))
    expect(reopened).toMatchObject({ state: 'on_track', resolvedAt: null, firstResponseAt: null })
    expect(reopened.responseAts).toEqual(replied.responseAts)
    expect(istText(reopened.resolutionDueAt)).toBe('2026-12-23 10:00')
  })
  it('a new division or priority re-targets from the same start, and a recorded breach stays', () => {
    const high = retargetSla(policy, start, { priority: 'high', division: 'passport' }, ist('2026-12-07T11:00'))
    expect(istText(high.firstResponseDueAt)).toBe('2026-12-07 14:00')
    expect(high.state).toBe('on_track')
    const byDivision = policyOf({ divisions: { visa: { normal: { firstResponseHours: 2 } } } })
    const moved = retargetSla(byDivision, start, { priority: 'normal', division: 'visa' }, ist('2026-12-07T13:00'))
    expect(moved.state).toBe('breached')
    const lowered = retargetSla(policy, moved, { priority: 'low', division: 'visa' }, ist('2026-12-07T13:30'))
    expect(lowered.breachedAt).toBe(moved.breachedAt)
    expect(lowered.state).toBe('breached')
  })
})

describe('"will take longer"', () => {
  const policy = policyOf()
  const start = startSla(policy, normal, monday10, monday10)
  it('makes an interim reply due within a working day, met by a reply after the mark', () => {
    // The first response was on Monday: it does not count as the interim reply.
    const replied = recordResponse(policy, start, ist('2026-12-07T15:00'), ist('2026-12-07T15:00'))
    const marked = markTakesLonger(policy, replied, '2026-12-31', ist('2026-12-09T10:00'))
    expect(marked).toMatchObject({ expectedBy: '2026-12-31', state: 'on_track' })
    expect(istText(marked.extendedAt)).toBe('2026-12-09 10:00')
    expect(istText(marked.interimDueAt)).toBe('2026-12-10 10:00')
    expect(interimOwed(marked)).toBe(true)
    const answered = recordResponse(policy, marked, ist('2026-12-09T12:00'), ist('2026-12-09T12:00'))
    expect(interimOwed(answered)).toBe(false)
    expect(evaluateSla(policy, answered, ist('2026-12-10T11:00')).sla.breachedAt).toBeNull()
  })
  it('is a breach when the interim reply does not come in time', () => {
    const replied = recordResponse(policy, start, ist('2026-12-07T15:00'), ist('2026-12-07T15:00'))
    const marked = markTakesLonger(policy, replied, '2026-12-31', ist('2026-12-09T10:00'))
    const late = evaluateSla(policy, marked, ist('2026-12-10T10:05')).sla
    expect(late.state).toBe('breached')
    expect(istText(late.breachedAt)).toBe('2026-12-10 10:00')
  })
})

describe('slaAfterChange', () => {
  const policy = policyOf()
  const g = (over: Partial<Grievance>): Grievance =>
    ({
      priority: 'normal',
      division: 'passport',
      status: 'new',
      source: { createdAt: new Date(monday10).toISOString() },
      ...over,
    }) as Grievance
  it('starts a record for an old grievance from its tweet, stopped if it is already done', () => {
    const sla = slaAfterChange(policy, null, g({}), monday10)
    expect(istText(sla.resolutionDueAt)).toBe('2026-12-16 10:00')
    const closed = g({ status: 'closed' })
    const done = slaAfterChange(policy, closed, closed, ist('2026-12-20T10:00'))
    expect(done).toMatchObject({ state: 'breached', nextCheckAt: null })
    expect(done.resolvedAt).not.toBeNull()
  })
  it('stamps resolution on resolve and reject, and reopens with a fresh clock', () => {
    const open = g({ sla: startSla(policy, normal, monday10, monday10) })
    const resolved = slaAfterChange(policy, open, { ...open, status: 'resolved' }, ist('2026-12-08T11:00'))
    expect(resolved.resolvedAt).toBe(new Date(ist('2026-12-08T11:00')).toISOString())
    const rejected = slaAfterChange(policy, open, { ...open, status: 'rejected' }, ist('2026-12-08T11:00'))
    expect(rejected.state).toBe('breached')
    const before = { ...open, status: 'resolved' as const, sla: resolved }
    const reopened = slaAfterChange(policy, before, { ...before, status: 'reopened' }, ist('2026-12-09T10:00'))
    expect(reopened.resolvedAt).toBeNull()
    expect(istText(reopened.startedAt)).toBe('2026-12-09 10:00')
  })
})

describe('a new policy or calendar (slaUnderPolicy)', () => {
  const before = policyOf()
  const start = startSla(before, normal, monday10, monday10)
  it('moves nothing under the same policy, so a second pass writes nothing', () => {
    const again = slaUnderPolicy(policyOf(), start, normal, ist('2026-12-07T11:00'))
    expect(again.moved).toBe(false)
    expect(again.sla.resolutionDueAt).toBe(start.resolutionDueAt)
  })
  it('re-targets from the same start on the new calendar (a holiday pushes the due times out)', () => {
    const holiday = policyOf({ calendar: { holidays: [{ date: '2026-12-08', name: 'Local closure' }] } })
    const { sla, moved } = slaUnderPolicy(holiday, start, normal, ist('2026-12-07T11:00'))
    expect(moved).toBe(true)
    expect(sla.startedAt).toBe(start.startedAt)
    expect(istText(sla.firstResponseDueAt)).toBe('2026-12-09 10:00')
    expect(istText(sla.resolutionDueAt)).toBe('2026-12-17 10:00')
  })
  it('keeps an interim reply the officer promised ("will take longer")', () => {
    const marked = markTakesLonger(before, start, '2026-12-31', ist('2026-12-09T10:00'))
    const longer = policyOf({ targets: { normal: { resolutionHours: 10 * 8.5 } } })
    const { sla } = slaUnderPolicy(longer, marked, normal, ist('2026-12-09T11:00'))
    expect(sla.interimDueAt).toBe(marked.interimDueAt)
    expect(istText(sla.resolutionDueAt)).toBe('2026-12-21 10:00')
  })
})
