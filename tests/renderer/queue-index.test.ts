// The store's queue index against the plain scan it replaces: for a realistic corpus
// (bench/desk/corpus.ts: Hindi and English threads), after adds, changes and removals
// (enough to compact the token index several times), every filter and search answers the
// same grievances as `list.filter(queuePredicate(...))`.
import { describe, expect, it } from 'vitest'
import { makeGrievance } from '../../bench/desk/corpus'
import type { Grievance } from '../../src/shared/grievance'
import {
  EMPTY_FILTER,
  NO_DIVISION,
  queuePredicate,
  type QueueFilter,
} from '../../src/renderer/src/features/queue/filters'
import { QueueIndex } from '../../src/renderer/src/features/queue/queue-index'
import { TokenIndex } from '../../src/renderer/src/features/queue/token-index'

const FILTERS: Partial<QueueFilter>[] = [
  {},
  { status: 'open' },
  { status: 'closed' },
  { priority: 'critical' },
  { division: 'visa' },
  { division: NO_DIVISION },
  { assignee: 'mine' },
  { assignee: 'unassigned' },
  { status: 'open', division: 'cyber', assignee: 'unassigned' },
]
const SEARCHES = [
  '',
  'वी',
  'वीजा',
  'visa pending',
  'UPI',
  'धोखाधड़ी',
  'paasport',
  'mha-26-12',
  'mha-26-000123',
  'help4',
  'zzzz',
  '#help12',
  '@citizen_31',
]

function ids(gs: readonly Grievance[]): string[] {
  return gs.map((g) => g.id).sort()
}

function expectSameAsScan(index: QueueIndex, list: readonly Grievance[], me: string | null) {
  for (const f of FILTERS)
    for (const search of SEARCHES) {
      const filter = { ...EMPTY_FILTER, ...f, search }
      const expected = ids(list.filter(queuePredicate(filter, { me })))
      expect(ids(index.select(filter, me)), JSON.stringify(filter)).toEqual(expected)
    }
}

describe('the queue index answers what a scan answers', () => {
  it('after a load, changes of status, owner and thread, and removals', () => {
    const index = new QueueIndex({ compactAt: 20 })
    const byId = new Map<string, Grievance>()
    for (let i = 0; i < 300; i++) {
      const g = makeGrievance(i)
      index.put(g)
      byId.set(g.id, g)
    }
    expectSameAsScan(index, [...byId.values()], 'asha')
    // Every third grievance gets a new version (a longer thread, another status and owner);
    // every seventh leaves the desk; some come back.
    for (let round = 2; round <= 4; round++) {
      for (let i = 0; i < 300; i++) {
        if (i % 7 === round) {
          index.remove(makeGrievance(i).id)
          byId.delete(makeGrievance(i).id)
        } else if (i % 3 === round % 3) {
          const base = makeGrievance(i, round)
          const g: Grievance = {
            ...base,
            status: round % 2 ? 'closed' : 'assigned',
            assignee: round === 3 ? 'asha' : null,
          }
          index.put(g)
          byId.set(g.id, g)
        }
      }
      expect(index.size).toBe(byId.size)
      expectSameAsScan(index, [...byId.values()], 'asha')
    }
  })

  it('an unchanged copy of a grievance (new object, same text) keeps its search entry', () => {
    const index = new QueueIndex()
    const g = makeGrievance(1)
    index.put(g)
    const copy = structuredClone(g)
    index.put({ ...copy, status: 'closed' })
    const found = index.select({ ...EMPTY_FILTER, search: g.ticket }, null)
    expect(found).toHaveLength(1)
    expect(found[0]!.status).toBe('closed')
  })
})

describe('the token index', () => {
  it('matches a key inside any one key of a grievance, never across two', () => {
    const index = new TokenIndex()
    index.put('a', ['passport', 'delay'])
    index.put('b', ['visa', 'passports'])
    expect([...index.match(['sport'])].sort()).toEqual(['a', 'b'])
    expect([...index.match(['sportd'])]).toEqual([])
    expect([...index.match(['sports', 'visa'])]).toEqual(['b'])
    expect([...index.match(['port delay'])]).toEqual([])
  })

  it('finds keys added after an earlier search of the same key', () => {
    const index = new TokenIndex()
    index.put('a', ['passport'])
    expect([...index.match(['port'])]).toEqual(['a'])
    index.put('b', ['airport'])
    index.put('a', ['visa'])
    expect([...index.match(['port'])]).toEqual(['b'])
    expect([...index.match(['visa'])]).toEqual(['a'])
  })
})
