// The monitor's reassignment helpers: who is offered, which grievances a division lists,
// and a bulk run that marks its actions as one bulk and skips work already with the officer.
import { describe, expect, it } from 'vitest'
import { divisionQueue, eligibleOfficers, runReassign } from '../../src/renderer/src/features/monitor/reassign'
import type { OfficerLoad } from '../../src/shared/monitor'
import type { ActionBody, BulkMark } from '../../src/shared/protocol'
import { makeGrievance } from '../desk/mock-sync-server'

const officer = (username: string, divisions: string[], load: number): OfficerLoad => ({
  username,
  displayName: username,
  divisions,
  presence: 'online',
  connected: true,
  lastActiveAt: null,
  available: true,
  load,
  capacity: 20,
  oldest: null,
})

describe('eligibleOfficers', () => {
  it('offers the division’s officers, least loaded first, and nobody for unrouted work', () => {
    const all = [officer('b', ['cyber'], 5), officer('a', ['cyber', 'police'], 5), officer('c', ['police'], 0)]
    expect(eligibleOfficers(all, 'cyber').map((o) => o.username)).toEqual(['a', 'b'])
    expect(eligibleOfficers(all, 'police').map((o) => o.username)).toEqual(['c', 'a'])
    expect(eligibleOfficers(all, null)).toEqual([])
  })
})

describe('divisionQueue', () => {
  it('lists the division’s open tickets oldest first, not closed or review-band ones', () => {
    const list = [
      makeGrievance('new', { division: 'cyber', createdAt: '2026-12-02T10:00:00.000Z' }),
      makeGrievance('old', { division: 'cyber', createdAt: '2026-12-01T10:00:00.000Z' }),
      makeGrievance('done', { division: 'cyber', status: 'resolved' }),
      makeGrievance('other', { division: 'police' }),
    ]
    const review = makeGrievance('review', { division: 'cyber' })
    list.push({ ...review, triage: { ...review.triage, band: 'review' } })
    expect(divisionQueue(list, 'cyber').map((g) => g.id)).toEqual(['old', 'new'])
  })
})

describe('runReassign', () => {
  it('sends one assign per grievance with one bulk mark, skipping work already theirs, and reports failures', async () => {
    const sent: [string, ActionBody, BulkMark | undefined][] = []
    const targets = [
      makeGrievance('g1', { assignee: 'x' }),
      makeGrievance('g2', { assignee: 'officer.two' }),
      makeGrievance('g3'),
    ]
    const outcomes = await runReassign(
      targets,
      'officer.two',
      async (id, body, bulk) => {
        if (id === 'g3') throw new Error('offline')
        sent.push([id, body, bulk])
      },
      (e) => (e as Error).message,
      () => 'bulk-id-000001',
    )
    expect(sent).toEqual([['g1', { type: 'assign', assignee: 'officer.two' }, { id: 'bulk-id-000001', count: 3 }]])
    expect(outcomes.map((o) => [o.id, o.error])).toEqual([
      ['g1', null],
      ['g2', null],
      ['g3', 'offline'],
    ])
  })

  it('marks no bulk for a single grievance', async () => {
    const bulks: (BulkMark | undefined)[] = []
    await runReassign(
      [makeGrievance('g1')],
      'officer.two',
      async (_id, _body, bulk) => void bulks.push(bulk),
      String,
      () => 'id',
    )
    expect(bulks).toEqual([undefined])
  })
})
