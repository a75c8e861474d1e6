// The queue's order made once per revision (sorted-order.ts) against sorting each answer:
// for broad and narrow searches and filters, card and table sorts, the rows come out in
// exactly the order a sort of the matches gives, and a table changed since the order was
// made (a sync page before the next publish) still answers its newest rows, sorted.
import { describe, expect, it } from 'vitest'
import { makeGrievance } from '../../bench/desk/corpus'
import type { Grievance } from '../../src/shared/grievance'
import { EMPTY_FILTER, SORT_OPTIONS, type QueueFilter } from '../../src/renderer/src/features/queue/filters'
import { QueueIndex } from '../../src/renderer/src/features/queue/queue-index'
import { SortedOrder } from '../../src/renderer/src/features/queue/sorted-order'
import { sortForTable, type TableSort } from '../../src/renderer/src/features/queue/table-sort'

const SORTS: ((rows: readonly Grievance[]) => Grievance[])[] = [
  ...Object.values(SORT_OPTIONS).map((option) => (rows: readonly Grievance[]) => [...rows].sort(option.compare)),
  ...(
    [
      { column: 'sla', direction: 'ascending' },
      { column: 'citizen', direction: 'descending' },
      { column: 'assignee', direction: 'ascending' },
      { column: 'division', direction: 'descending' },
    ] satisfies TableSort[]
  ).map((sort) => (rows: readonly Grievance[]) => sortForTable(rows, sort)),
]
const FILTERS: Partial<QueueFilter>[] = [
  {},
  { search: 'p' },
  { search: 'pa' },
  { search: 'वीजा' },
  { search: 'upi fraud' },
  { search: 'mha-26-00012' },
  { status: 'open' },
  { status: 'open', search: 'passport' },
  { priority: 'critical', search: 'p' },
]

function table(n: number): QueueIndex {
  const queue = new QueueIndex()
  for (let i = 0; i < n; i++) queue.put(makeGrievance(i))
  return queue
}

describe('the queue order made once per revision', () => {
  it('puts every answer in the order a sort of it gives', () => {
    const queue = table(1_500)
    for (const sortRows of SORTS) {
      const order = new SortedOrder(queue, sortRows)
      for (const f of FILTERS) {
        const rows = queue.select({ ...EMPTY_FILTER, ...f }, 'asha')
        expect(order.pick(rows, queue.version), JSON.stringify(f)).toEqual(sortRows(rows))
      }
    }
  })

  it('answers the newest rows, sorted, when the table changed after the order was made', () => {
    const queue = table(1_000)
    const sortRows = (rows: readonly Grievance[]) => [...rows].sort(SORT_OPTIONS.sla.compare)
    const order = new SortedOrder(queue, sortRows)
    const before = queue.select({ ...EMPTY_FILTER, search: 'p' }, null)
    expect(order.pick(before, queue.version)).toEqual(sortRows(before))
    // A new version of some grievances lands before the next publish.
    for (let i = 0; i < 1_000; i += 7) queue.put(makeGrievance(i, 2))
    const after = queue.select({ ...EMPTY_FILTER, search: 'p' }, null)
    const picked = order.pick(after, queue.version)
    expect(picked).toEqual(sortRows(after))
    expect(picked).toContain(queue.get(makeGrievance(7).id))
    expect(queue.get(makeGrievance(7).id)!.version).toBe(2)
  })

  it('sorts an order made of an older table only when asked for rows of that table', () => {
    const queue = table(500)
    const sortRows = (rows: readonly Grievance[]) => [...rows].sort(SORT_OPTIONS.newest.compare)
    const order = new SortedOrder(queue, sortRows)
    const rows = queue.select({ ...EMPTY_FILTER, search: 'pa' }, null)
    const version = queue.version
    // The table moves on before the first broad pick: the order cannot be made of it any more.
    queue.put(makeGrievance(3, 2))
    expect(order.pick(rows, version)).toEqual(sortRows(rows))
  })
})
