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
import { TicketIndex } from '../../src/renderer/src/features/queue/ticket-index'
import { TokenIndex } from '../../src/renderer/src/features/queue/token-index'
import { parseSearchQuery, ticketParts, ticketPartsMatch } from '../../src/shared/search'

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

describe('typing narrows the previous answer', () => {
  /** Each prefix of each search, as typed, against a scan of the same list at that moment. */
  function typeAndCompare(index: QueueIndex, list: readonly Grievance[], searches: readonly string[]) {
    for (const search of searches)
      for (let end = 1; end <= search.length; end++) {
        const filter = { ...EMPTY_FILTER, search: search.slice(0, end) }
        expect(ids(index.select(filter, null)), filter.search).toEqual(
          ids(list.filter(queuePredicate(filter, { me: null }))),
        )
      }
  }

  it('answers each keystroke as a fresh lookup would, and a change in between is seen', () => {
    const index = new QueueIndex({ compactAt: 20 })
    const byId = new Map<string, Grievance>()
    for (let i = 0; i < 400; i++) {
      const g = makeGrievance(i)
      index.put(g)
      byId.set(g.id, g)
    }
    // Narrowing ("pa" after "p"), the same folded keys ("paa" is "pa"), a second word, backspace-like jumps.
    const typed = [
      'paasport',
      'वीजा लंबित',
      'visa pending',
      'upi fraud',
      'पा',
      'help1',
      'help12 visa',
      'mha-26-000123',
      'MHA-26-12',
      'mha-26-1 visa',
    ]
    typeAndCompare(index, [...byId.values()], typed)
    // A keystroke, then sync pages change and remove grievances, then the next keystroke.
    for (let round = 2; round <= 4; round++) {
      expect(ids(index.select({ ...EMPTY_FILTER, search: 'pa' }, null)).length).toBeGreaterThan(0)
      for (let i = round; i < 400; i += 5) {
        if (i % 2) {
          index.remove(makeGrievance(i).id)
          byId.delete(makeGrievance(i).id)
        } else {
          const g = { ...makeGrievance(i + 1_000, round), id: makeGrievance(i).id }
          index.put(g)
          byId.set(g.id, g)
        }
      }
      typeAndCompare(index, [...byId.values()], ['paa', 'pas', ...typed])
    }
  })

  it("an answer handed out is the caller's: changing it does not change the next one", () => {
    const index = new TokenIndex()
    index.put('a', ['passport'])
    index.put('b', ['pan'])
    const first = index.match(['pa'])
    first.length = 0
    expect(index.match(['pa']).sort()).toEqual(['a', 'b'])
    expect(index.match(['pas'])).toEqual(['a'])
  })

  it('a new copy with the same text is what the search answers, not the copy before it', () => {
    const index = new QueueIndex()
    const g = makeGrievance(7)
    index.put(g)
    const search = { ...EMPTY_FILTER, search: `@${g.source.authorUsername}` }
    expect(index.select(search, null)).toEqual([g])
    const closed = { ...g, status: 'closed' as const, version: g.version + 1 }
    index.put(closed)
    expect(index.select(search, null)[0]).toBe(closed)
  })
})

describe('the ticket index', () => {
  it('answers what comparing every parsed ticket answers, after many removals (compacted) and re-adds', () => {
    const index = new TicketIndex()
    const live = new Map<string, string>()
    const put = (id: string, ticket: string) => {
      index.put(id, ticketParts(ticket))
      live.set(id, ticket)
    }
    for (let i = 1; i <= 3_000; i++) put(`g${i}`, `MHA-26-${String(i).padStart(6, '0')}`)
    for (let i = 1; i <= 3_000; i += 1)
      if (i % 5 !== 0) {
        index.remove(`g${i}`)
        live.delete(`g${i}`)
      }
    for (let i = 1; i <= 40; i++) put(`x${i}`, i % 2 ? `MHA-26-${i}` : `CPG-25-${String(i).padStart(7, '0')}`)
    for (const typed of [
      'mha-26-1',
      'mha-26-10',
      'mha-26-100',
      'mha-26-1000',
      'mha-26-0010',
      'cpg-25-2',
      'cpg-25-00000',
      'mha-26-9',
    ]) {
      const query = parseSearchQuery(typed).tickets[0]!
      const expected = [...live].filter(([, t]) => ticketPartsMatch(ticketParts(t), query)).map(([id]) => id)
      expect(index.match(query).sort(), typed).toEqual(expected.sort())
    }
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
