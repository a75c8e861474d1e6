import { describe, expect, it } from 'vitest'
import type { Grievance } from '../../src/shared/grievance'
import {
  countQueue,
  EMPTY_FILTER,
  isBreached,
  isQueueSort,
  matchesSearch,
  moveCursor,
  NO_DIVISION,
  queuePredicate,
  searchTerms,
  selectQueue,
  SORT_OPTIONS,
  type QueueFilter,
} from '../../src/renderer/src/features/queue/filters'
import { rowWindow, scrollToRow, VIRTUALISE_ABOVE } from '../../src/renderer/src/features/queue/windowing'

const NOW = Date.parse('2026-03-01T12:00:00Z')
const hours = (h: number) => new Date(NOW + h * 3_600_000).toISOString()

let seq = 0
function grievance(patch: Partial<Grievance> & { text?: string; author?: string } = {}): Grievance {
  seq++
  const { text = 'my visa is pending', author = `citizen${seq}`, ...rest } = patch
  return {
    id: `g${seq}`,
    ticket: `MHA-26-${String(seq).padStart(6, '0')}`,
    source: {
      tweetId: `t${seq}`,
      conversationId: `t${seq}`,
      authorId: `a${seq}`,
      authorUsername: author,
      text,
      language: 'en',
      createdAt: hours(-10 + seq),
      via: { kind: 'mention', handle: 'HMOIndia' },
      media: [],
    },
    thread: [],
    division: 'foreigners',
    matchedRules: ['visa'],
    priority: 'normal',
    triage: { actionable: true, reasons: [] },
    status: 'new',
    statusReason: null,
    assignee: null,
    slaDueAt: hours(24),
    createdAt: hours(-10 + seq),
    updatedAt: hours(-10 + seq),
    version: 1,
    ...rest,
  }
}

const filter = (patch: Partial<QueueFilter>): QueueFilter => ({ ...EMPTY_FILTER, ...patch })
const ctx = { me: 'officer1' }
const tickets = (list: Grievance[]) => list.map((g) => g.ticket)

describe('queue filters', () => {
  it('filters by exact status, and "open" keeps only unfinished work', () => {
    const fresh = grievance({ status: 'new' })
    const working = grievance({ status: 'in_progress' })
    const done = grievance({ status: 'resolved' })
    const refused = grievance({ status: 'rejected' })
    const all = [fresh, working, done, refused]
    expect(all.filter(queuePredicate(filter({ status: 'in_progress' }), ctx))).toEqual([working])
    expect(all.filter(queuePredicate(filter({ status: 'open' }), ctx))).toEqual([fresh, working])
    expect(all.filter(queuePredicate(EMPTY_FILTER, ctx))).toEqual(all)
  })

  it('filters by priority and by division, including unrouted grievances', () => {
    const visa = grievance({ division: 'foreigners', priority: 'high' })
    const cyber = grievance({ division: 'cyber', priority: 'critical' })
    const unrouted = grievance({ division: null })
    const all = [visa, cyber, unrouted]
    expect(all.filter(queuePredicate(filter({ priority: 'critical' }), ctx))).toEqual([cyber])
    expect(all.filter(queuePredicate(filter({ division: 'foreigners' }), ctx))).toEqual([visa])
    expect(all.filter(queuePredicate(filter({ division: NO_DIVISION }), ctx))).toEqual([unrouted])
  })

  it('filters by assignee: mine and unassigned', () => {
    const mine = grievance({ assignee: 'officer1', status: 'assigned' })
    const theirs = grievance({ assignee: 'officer2', status: 'assigned' })
    const nobody = grievance()
    const all = [mine, theirs, nobody]
    expect(all.filter(queuePredicate(filter({ assignee: 'mine' }), ctx))).toEqual([mine])
    expect(all.filter(queuePredicate(filter({ assignee: 'unassigned' }), ctx))).toEqual([nobody])
    expect(all.filter(queuePredicate(filter({ assignee: 'mine' }), { me: null }))).toEqual([])
  })

  it('combines filters with AND', () => {
    const match = grievance({ status: 'new', priority: 'high', division: 'cyber' })
    const wrongPriority = grievance({ status: 'new', priority: 'low', division: 'cyber' })
    const wrongDivision = grievance({ status: 'new', priority: 'high', division: 'police' })
    const result = [match, wrongPriority, wrongDivision].filter(
      queuePredicate(filter({ status: 'open', priority: 'high', division: 'cyber' }), ctx),
    )
    expect(result).toEqual([match])
  })
})

describe('queue search', () => {
  it('finds a grievance by full or partial ticket number, any case', () => {
    const target = grievance()
    const other = grievance()
    const all = [target, other]
    expect(all.filter(queuePredicate(filter({ search: target.ticket }), ctx))).toEqual([target])
    expect(all.filter(queuePredicate(filter({ search: target.ticket.slice(-6).toLowerCase() }), ctx))).toEqual([target])
    expect(all.filter(queuePredicate(filter({ search: target.ticket.toLowerCase() }), ctx))).toEqual([target])
  })

  it('finds text in English and Hindi, ignoring case, zero-width characters and Unicode form', () => {
    const english = grievance({ text: 'Passport police VERIFICATION pending' })
    // "बाढ़" (flood) typed with the precomposed letter U+095D; searched as ढ + nukta
    // (U+0922 U+093C) with a stray zero-width joiner: NFC makes them the same.
    const hindi = grievance({ text: 'गाँव में बा\u095D आई है, राहत चाहिए' })
    const all = [english, hindi]
    expect(all.filter(queuePredicate(filter({ search: 'police verification' }), ctx))).toEqual([english])
    expect(all.filter(queuePredicate(filter({ search: 'बा\u200D\u0922\u093C' }), ctx))).toEqual([hindi])
    expect(all.filter(queuePredicate(filter({ search: 'राहत' }), ctx))).toEqual([hindi])
  })

  it('requires every term and also searches the citizen handle and thread', () => {
    const g = grievance({
      text: 'visa stuck',
      author: 'ravi_k',
      thread: [{ id: 'n1', kind: 'note', text: 'called FRRO Delhi', at: hours(0) }],
    })
    expect(matchesSearch(g, searchTerms('visa frro'))).toBe(true)
    expect(matchesSearch(g, searchTerms('@ravi_k'))).toBe(true)
    expect(matchesSearch(g, searchTerms('visa passport'))).toBe(false)
    expect(matchesSearch(g, searchTerms('   '))).toBe(true)
  })
})

describe('queue sorting', () => {
  it('sorts by SLA due, soonest (most overdue) first, with finished work after open work', () => {
    const later = grievance({ slaDueAt: hours(30) })
    const overdue = grievance({ slaDueAt: hours(-5) })
    const soon = grievance({ slaDueAt: hours(1) })
    const resolvedLongAgo = grievance({ slaDueAt: hours(-100), status: 'resolved' })
    const sorted = selectQueue([later, resolvedLongAgo, overdue, soon], EMPTY_FILTER, 'sla', ctx)
    expect(tickets(sorted)).toEqual(tickets([overdue, soon, later, resolvedLongAgo]))
  })

  it('breaks SLA ties by priority, then ticket, so the order is stable', () => {
    const due = hours(2)
    const normal = grievance({ slaDueAt: due, priority: 'normal' })
    const critical = grievance({ slaDueAt: due, priority: 'critical' })
    const normal2 = grievance({ slaDueAt: due, priority: 'normal' })
    const sorted = selectQueue([normal2, normal, critical], EMPTY_FILTER, 'sla', ctx)
    expect(tickets(sorted)).toEqual(tickets([critical, normal, normal2]))
  })

  it('puts an unparseable SLA date last instead of failing', () => {
    const broken = grievance({ slaDueAt: 'not a date' })
    const fine = grievance({ slaDueAt: hours(3) })
    expect(selectQueue([broken, fine], EMPTY_FILTER, 'sla', ctx)).toEqual([fine, broken])
  })

  it('offers priority, newest and oldest orders from the same table', () => {
    const a = grievance({ priority: 'low', createdAt: hours(-3) })
    const b = grievance({ priority: 'critical', createdAt: hours(-1) })
    const c = grievance({ priority: 'high', createdAt: hours(-2) })
    expect(tickets(selectQueue([a, b, c], EMPTY_FILTER, 'priority', ctx))).toEqual(tickets([b, c, a]))
    expect(tickets(selectQueue([a, b, c], EMPTY_FILTER, 'newest', ctx))).toEqual(tickets([b, c, a]))
    expect(tickets(selectQueue([a, b, c], EMPTY_FILTER, 'oldest', ctx))).toEqual(tickets([a, c, b]))
    expect(Object.keys(SORT_OPTIONS)).toEqual(['sla', 'priority', 'newest', 'oldest'])
    expect(isQueueSort('sla')).toBe(true)
    expect(isQueueSort('toString')).toBe(false)
  })

  it('does not mutate the list it is given', () => {
    const list = [grievance({ slaDueAt: hours(5) }), grievance({ slaDueAt: hours(1) })]
    const before = [...list]
    selectQueue(list, EMPTY_FILTER, 'sla', ctx)
    expect(list).toEqual(before)
  })
})

describe('SLA breach and counts', () => {
  it('counts open work past its SLA as breached, never finished work', () => {
    const overdue = grievance({ slaDueAt: hours(-1) })
    const overdueAssigned = grievance({ slaDueAt: hours(-1), assignee: 'officer1', status: 'assigned' })
    const onTime = grievance({ slaDueAt: hours(1) })
    const closedLate = grievance({ slaDueAt: hours(-1), status: 'closed' })
    expect(isBreached(overdue, NOW)).toBe(true)
    expect(isBreached(onTime, NOW)).toBe(false)
    expect(isBreached(closedLate, NOW)).toBe(false)
    expect(countQueue([overdue, overdueAssigned, onTime, closedLate], NOW)).toEqual({
      total: 4,
      open: 3,
      breached: 2,
      unassigned: 2,
    })
  })
})

describe('keyboard cursor', () => {
  const ids = ['a', 'b', 'c']
  it('moves within the list and stops at the ends', () => {
    expect(moveCursor(ids, 'a', 1)).toBe('b')
    expect(moveCursor(ids, 'c', 1)).toBe('c')
    expect(moveCursor(ids, 'a', -1)).toBe('a')
  })
  it('starts from the top (down) or bottom (up) when nothing, or a filtered-out row, is selected', () => {
    expect(moveCursor(ids, null, 1)).toBe('a')
    expect(moveCursor(ids, 'gone', -1)).toBe('c')
    expect(moveCursor([], 'a', 1)).toBeNull()
  })
})

describe('row windowing', () => {
  it('renders small queues whole', () => {
    expect(rowWindow(50, 60, 1000, 600)).toEqual({ start: 0, end: 50, padTop: 0, padBottom: 0 })
  })
  it('renders only the visible slice of a long queue, with padding keeping the scroll height', () => {
    const count = VIRTUALISE_ABOVE * 10
    const w = rowWindow(count, 60, 60 * 1000, 600)
    expect(w.start).toBeLessThanOrEqual(1000)
    expect(w.end).toBeGreaterThanOrEqual(1010)
    expect(w.end - w.start).toBeLessThan(60)
    expect(w.padTop + (w.end - w.start) * 60 + w.padBottom).toBe(count * 60)
  })
  it('scrolls just enough to show a row', () => {
    expect(scrollToRow(0, 60, 120, 600)).toBe(0)
    expect(scrollToRow(20, 60, 0, 600)).toBe(21 * 60 - 600)
    expect(scrollToRow(5, 60, 0, 600)).toBeNull()
  })
})
