// Issue 9 queue features as pure functions: saved views and their counts, the table's
// column sort, forgiving search through the store's index, bulk selection and bulk
// actions reported row by row, the citizen's other grievances, the saved layout.
import { describe, expect, it } from 'vitest'
import type { Grievance } from '../../src/shared/grievance'
import { citizenHistory } from '../../src/renderer/src/features/grievance/citizen-history'
import { runBulk, skipReason, tally } from '../../src/renderer/src/features/queue/bulk'
import { EMPTY_FILTER } from '../../src/renderer/src/features/queue/filters'
import { QueueIndex } from '../../src/renderer/src/features/queue/queue-index'
import {
  EMPTY_SELECTION,
  pruneSelection,
  selectedInOrder,
  selectRange,
  toggleSelected,
} from '../../src/renderer/src/features/queue/selection'
import { nextTableSort, sortForTable } from '../../src/renderer/src/features/queue/table-sort'
import { countViews, defaultView, triageBand, VIEWS } from '../../src/renderer/src/features/queue/views'
import { parseQueueLayout } from '../../src/renderer/src/store/queue-layout'

const NOW = Date.parse('2026-03-01T12:00:00Z')
const hours = (h: number) => new Date(NOW + h * 3_600_000).toISOString()

let seq = 0
function grievance(patch: Partial<Grievance> & { text?: string; author?: string; authorId?: string } = {}): Grievance {
  seq++
  const { text = 'my visa is pending', author = `citizen${seq}`, authorId = `a${seq}`, ...rest } = patch
  return {
    id: `g${seq}`,
    ticket: `MHA-26-${String(seq).padStart(6, '0')}`,
    source: {
      tweetId: `t${seq}`,
      conversationId: `t${seq}`,
      authorId,
      authorUsername: author,
      text,
      language: 'en',
      createdAt: hours(-10 + seq),
      via: { kind: 'mention', handle: 'HMOIndia' },
      media: [],
    },
    thread: [],
    division: 'foreigners',
    matchedRules: [],
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

const ctx = { me: 'officer.foreigners', divisions: ['foreigners'], now: NOW }
const tickets = (list: readonly Grievance[]) => list.map((g) => g.ticket)
/** A grievance as it will look once the triage band lands in the shared model. */
const withBand = (g: Grievance, band: string): Grievance =>
  ({ ...g, triage: { ...g.triage, band } }) as unknown as Grievance

describe('saved views', () => {
  const mine = grievance({ assignee: 'officer.foreigners', status: 'in_progress' })
  const mineDone = grievance({ assignee: 'officer.foreigners', status: 'resolved' })
  const colleague = grievance({ assignee: 'officer.other', status: 'assigned' })
  const waiting = grievance({ assignee: null, status: 'new' })
  const otherDivision = grievance({ assignee: null, division: 'cyber' })
  const late = grievance({ assignee: 'officer.foreigners', slaDueAt: hours(-1) })
  const lateButDone = grievance({ status: 'closed', slaDueAt: hours(-5) })
  const all = [mine, mineDone, colleague, waiting, otherDivision, late, lateButDone]
  const inView = (view: keyof typeof VIEWS) => all.filter((g) => VIEWS[view](g, ctx))

  it('"mine" is my open work; "division" is my divisions’ unassigned open work', () => {
    expect(inView('mine')).toEqual([mine, late])
    expect(inView('division')).toEqual([waiting])
    expect(inView('breached')).toEqual([late])
    expect(inView('all')).toEqual(all)
  })

  it('counts every view in one pass, agreeing with the predicates', () => {
    expect(countViews(all, ctx)).toEqual({ mine: 2, division: 1, review: 0, breached: 1, all: 7 })
  })

  it('"review" reads the triage band when grievances carry one, and is empty until then', () => {
    expect(triageBand(waiting)).toBeNull()
    expect(inView('review')).toEqual([])
    const review = withBand(grievance(), 'review')
    const ticket = withBand(grievance(), 'ticket')
    const strange = withBand(grievance(), 'maybe')
    expect(triageBand(review)).toBe('review')
    expect(triageBand(strange)).toBeNull()
    expect([review, ticket, strange].filter((g) => VIEWS.review(g, ctx))).toEqual([review])
    expect(countViews([review, ticket], ctx).review).toBe(1)
  })

  it('nobody signed in has no work of their own; officers start on theirs, supervisors on all', () => {
    expect(VIEWS.mine(mine, { ...ctx, me: null })).toBe(false)
    expect(defaultView('officer')).toBe('mine')
    expect(defaultView('supervisor')).toBe('all')
    expect(defaultView(undefined)).toBe('all')
  })
})

describe('table sort', () => {
  const a = grievance({ priority: 'low', slaDueAt: hours(3), author: 'Zara', division: 'cyber' })
  const b = grievance({ priority: 'critical', slaDueAt: hours(9), author: 'amit', division: 'foreigners' })
  const c = grievance({ priority: 'high', slaDueAt: hours(1), author: 'Meena', assignee: 'officer.x' })
  const rows = [a, b, c]

  it('sorts by the chosen column in either direction', () => {
    expect(sortForTable(rows, { column: 'sla', direction: 'ascending' })).toEqual([c, a, b])
    expect(sortForTable(rows, { column: 'sla', direction: 'descending' })).toEqual([b, a, c])
    expect(sortForTable(rows, { column: 'priority', direction: 'ascending' })).toEqual([b, c, a])
    expect(sortForTable(rows, { column: 'citizen', direction: 'ascending' })).toEqual([b, c, a])
    expect(sortForTable(rows, { column: 'ticket', direction: 'descending' })).toEqual([c, b, a])
    // Unassigned after every officer.
    expect(sortForTable(rows, { column: 'assignee', direction: 'ascending' })[0]).toBe(c)
  })

  it('sorts divisions by the name shown, and breaks ties by ticket without mutating', () => {
    const label = (id: string | null) => (id === 'cyber' ? 'Z cyber' : 'A foreigners')
    expect(sortForTable(rows, { column: 'division', direction: 'ascending' }, label)).toEqual([b, c, a])
    const tied = [grievance({ status: 'new' }), grievance({ status: 'new' })].reverse()
    const copy = [...tied]
    expect(tickets(sortForTable(tied, { column: 'status', direction: 'descending' }))).toEqual(tickets(copy).sort())
    expect(tied).toEqual(copy)
  })

  it('a header click flips the direction of the same column and starts another ascending', () => {
    const start = { column: 'sla', direction: 'ascending' } as const
    expect(nextTableSort(start, 'sla')).toEqual({ column: 'sla', direction: 'descending' })
    expect(nextTableSort(nextTableSort(start, 'sla'), 'sla')).toEqual(start)
    expect(nextTableSort(start, 'ticket')).toEqual({ column: 'ticket', direction: 'ascending' })
  })

  it('a saved layout that is damaged falls back to the default', () => {
    expect(parseQueueLayout('{"table":true,"tableSort":{"column":"ticket","direction":"descending"}}')).toEqual({
      table: true,
      tableSort: { column: 'ticket', direction: 'descending' },
    })
    expect(parseQueueLayout('{"table":true,"tableSort":{"column":"__proto__"}}').tableSort.column).toBe('sla')
    expect(parseQueueLayout('not json').table).toBe(false)
    expect(parseQueueLayout(null).table).toBe(false)
  })
})

describe('search through the store’s index', () => {
  const nukta = grievance({ text: 'मेरा वीज़ा तीन महीने से लंबित है', language: 'hi' } as never)
  const plain = grievance({ text: 'passport renewal pending' })
  const index = new QueueIndex()
  index.put(nukta)
  index.put(plain)
  const search = (query: string) => index.select({ ...EMPTY_FILTER, search: query }, null)

  it('"वीजा" finds the grievance that says "वीज़ा"', () => {
    expect(search('वीजा')).toEqual([nukta])
    expect(search('वीज़ा')).toEqual([nukta])
  })

  it('"mha-26-1"-style ticket numbers match in any case, with or without leading zeros', () => {
    const seqOf = Number(plain.ticket.slice(-6))
    expect(search(`mha-26-${seqOf}`)).toEqual([plain])
    expect(search(plain.ticket.toLowerCase())).toEqual([plain])
  })

  it('a changed grievance is found by its new words only, and a removed one not at all', () => {
    const changed = { ...plain, source: { ...plain.source, text: 'now about my visa' } }
    const local = new QueueIndex()
    local.put(nukta)
    local.put(plain)
    local.put(changed)
    expect(local.select({ ...EMPTY_FILTER, search: 'visa' }, null)).toEqual([changed])
    expect(local.select({ ...EMPTY_FILTER, search: 'renewal' }, null)).toEqual([])
    local.remove(changed.id)
    expect(local.select({ ...EMPTY_FILTER, search: 'visa' }, null)).toEqual([])
    expect(local.size).toBe(1)
  })
})

describe('bulk selection', () => {
  const ids = ['a', 'b', 'c', 'd', 'e']

  it('x toggles one row and sets the anchor', () => {
    const one = toggleSelected(EMPTY_SELECTION, 'b')
    expect([...one.ids]).toEqual(['b'])
    expect(one.anchor).toBe('b')
    expect(toggleSelected(one, 'b').ids.size).toBe(0)
  })

  it('shift+x adds the range from the anchor, in either direction', () => {
    const down = selectRange(toggleSelected(EMPTY_SELECTION, 'b'), ids, 'd')
    expect(selectedInOrder(down, ids)).toEqual(['b', 'c', 'd'])
    const up = selectRange(toggleSelected(EMPTY_SELECTION, 'e'), ids, 'c')
    expect(selectedInOrder(up, ids)).toEqual(['c', 'd', 'e'])
    // Without an anchor it selects just the row.
    expect([...selectRange(EMPTY_SELECTION, ids, 'c').ids]).toEqual(['c'])
  })

  it('rows that leave the list leave the selection', () => {
    const sel = selectRange(toggleSelected(EMPTY_SELECTION, 'a'), ids, 'c')
    const pruned = pruneSelection(sel, ['b', 'c', 'd'])
    expect(selectedInOrder(pruned, ids)).toEqual(['b', 'c'])
    expect(pruned.anchor).toBe('c')
    expect(pruneSelection(pruned, ['b', 'c'])).toBe(pruned)
  })
})

describe('bulk actions', () => {
  it('skip what the status machine or the assignee rules out, with the reason', () => {
    expect(skipReason(grievance({ assignee: 'officer.x' }), { type: 'claim' })).toEqual({
      reason: 'alreadyAssigned',
      assignee: 'officer.x',
    })
    expect(skipReason(grievance({ status: 'resolved' }), { type: 'start' })).toEqual({
      reason: 'notAllowed',
      status: 'resolved',
    })
    expect(skipReason(grievance(), { type: 'forward', toDivision: 'foreigners' })).toEqual({ reason: 'sameDivision' })
    expect(skipReason(grievance(), { type: 'claim' })).toBeNull()
    expect(skipReason(grievance({ status: 'assigned' }), { type: 'resolve' })).toBeNull()
  })

  it('submit one action per grievance in order; a skip or a desk error does not stop the rest', async () => {
    const fine = grievance({ status: 'assigned', assignee: 'officer.foreigners' })
    const done = grievance({ status: 'closed' })
    const refused = grievance({ status: 'assigned', assignee: 'officer.foreigners' })
    const last = grievance({ status: 'new' })
    const submitted: string[] = []
    const outcomes = await runBulk(
      [fine, done, refused, last],
      { type: 'start' },
      async (id, body) => {
        submitted.push(`${id}:${body.type}`)
        if (id === refused.id) throw new Error('the desk refused it')
      },
      (e) => (e as Error).message,
    )
    expect(submitted).toEqual([`${fine.id}:start`, `${refused.id}:start`, `${last.id}:start`])
    expect(outcomes.map((o) => o.result)).toEqual(['done', 'skipped', 'failed', 'done'])
    expect(outcomes[1]).toMatchObject({ ticket: done.ticket, reason: 'notAllowed', status: 'closed' })
    expect(outcomes[2]).toMatchObject({ ticket: refused.ticket, message: 'the desk refused it' })
    expect(tally(outcomes)).toEqual({ done: 2, skipped: 1, failed: 1 })
  })
})

describe('the citizen’s history', () => {
  it('lists the same author’s other grievances, newest first, not this one nor others’', () => {
    const first = grievance({ authorId: 'u42', createdAt: hours(-48) })
    const second = grievance({ authorId: 'u42', createdAt: hours(-2) })
    const current = grievance({ authorId: 'u42', createdAt: hours(-1) })
    const stranger = grievance({ authorId: 'u7' })
    expect(citizenHistory([first, current, stranger, second], current)).toEqual([second, first])
    expect(citizenHistory([stranger, current], current)).toEqual([])
  })
})
