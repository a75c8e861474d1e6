import { describe, expect, it } from 'vitest'
import type { Grievance, GrievanceSla } from '../../src/shared/grievance'
import { breachedInScope, slaAlerts, slaBadge } from '../../src/renderer/src/features/sla/sla-view'

const sla = (over: Partial<GrievanceSla> = {}): GrievanceSla => ({
  policy: 'cpgrams@1',
  clock: 'business',
  firstResponseDueAt: '2026-12-07T04:30:00.000Z',
  resolutionDueAt: '2026-12-16T04:30:00.000Z',
  interimDueAt: null,
  firstResponseAt: null,
  responseAts: [],
  resolvedAt: null,
  breachedAt: null,
  state: 'on_track',
  escalationLevel: 0,
  escalatedAt: null,
  ...over,
})
const g = (id: string, over: Partial<Grievance> = {}): Grievance =>
  ({
    id,
    ticket: `MHA-26-${id.padStart(6, '0')}`,
    status: 'assigned',
    assignee: 'officer.a',
    sla: sla(),
    ...over,
  }) as Grievance

describe('the SLA badge', () => {
  it('shows at risk, breached, and an interim reply owed in preference to the breach', () => {
    expect(slaBadge(g('1'))).toBeNull()
    expect(slaBadge(g('1', { sla: sla({ state: 'at_risk' }) }))).toBe('at_risk')
    expect(slaBadge(g('1', { sla: sla({ state: 'breached', breachedAt: 'x' }) }))).toBe('breached')
    const interim = sla({ state: 'breached', breachedAt: 'x', interimDueAt: '2026-12-17T04:30:00.000Z' })
    expect(slaBadge(g('1', { sla: interim }))).toBe('interim_due')
    // An interim reply sent after the resolution target passed: back to "breached".
    expect(slaBadge(g('1', { sla: { ...interim, responseAts: ['2026-12-16T05:00:00.000Z'] } }))).toBe('breached')
  })
  it('shows nothing for closed work or a grievance without a record', () => {
    expect(slaBadge(g('1', { status: 'resolved', sla: sla({ state: 'breached' }) }))).toBeNull()
    expect(slaBadge(g('1', { sla: undefined }))).toBeNull()
  })
})

describe('the breached list', () => {
  it('holds open breached work, oldest breach first', () => {
    const list = [
      g('1', { sla: sla({ state: 'breached', breachedAt: '2026-12-02T10:00:00.000Z' }) }),
      g('2', { sla: sla({ state: 'at_risk' }) }),
      g('3', { sla: sla({ state: 'breached', breachedAt: '2026-12-01T10:00:00.000Z' }) }),
      g('4', { status: 'closed', sla: sla({ state: 'breached', breachedAt: '2026-11-01T10:00:00.000Z' }) }),
    ]
    expect(breachedInScope(list).map((x) => x.id)).toEqual(['3', '1'])
  })
})

describe('SLA alerts', () => {
  const officer = { username: 'officer.a', oversees: false }
  const supervisor = { username: 'supervisor', oversees: true }
  it('says nothing on first sight, then tells the assignee of risk and breach', () => {
    const first = slaAlerts(new Map(), [g('1', { sla: sla({ state: 'at_risk' }) })], officer)
    expect(first.alerts).toEqual([])
    const risk = slaAlerts(first.known, [g('1', { sla: sla({ state: 'breached' }) })], officer)
    expect(risk.alerts).toEqual([{ id: '1', ticket: 'MHA-26-000001', state: 'breached' }])
    expect(slaAlerts(risk.known, [g('1', { sla: sla({ state: 'breached' }) })], officer).alerts).toEqual([])
  })
  it('tells a supervisor of breaches in scope, not of every risk; an officer only of their own', () => {
    const known = new Map([
      ['1', 'on_track'],
      ['2', 'on_track'],
    ])
    const list = [
      g('1', { assignee: 'officer.b', sla: sla({ state: 'at_risk' }) }),
      g('2', { assignee: 'officer.b', sla: sla({ state: 'breached' }) }),
    ]
    expect(slaAlerts(known, list, supervisor).alerts.map((a) => a.id)).toEqual(['2'])
    expect(slaAlerts(known, list, officer).alerts).toEqual([])
  })
})
