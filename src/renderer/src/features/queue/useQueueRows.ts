// The rows the queue shows: the saved view, then the toolbar's filters and search, then
// the card sort or the table's column sort. Counts of every view come from one pass.
import { useCallback, useMemo } from 'react'
import type { Grievance } from '../../../../shared/grievance'
import { useFormat } from '../../i18n'
import { useNow } from '../../store/clock'
import { useGrievanceStore } from '../../store/grievance-store'
import { divisionName, useOrgStore } from '../../store/org-store'
import { useSessionStore } from '../../store/session-store'
import { useUiStore } from '../../store/ui-store'
import { SORT_OPTIONS, type QueueFilter, type QueueSort } from './filters'
import { SortedOrder } from './sorted-order'
import { sortForTable } from './table-sort'
import { countViews, defaultView, VIEWS } from './views'

const NO_DIVISIONS: readonly string[] = []

export function useQueueRows(filter: QueueFilter, sort: QueueSort) {
  const list = useGrievanceStore((s) => s.list)
  const queue = useGrievanceStore((s) => s.queue)
  const revision = useGrievanceStore((s) => s.revision)
  const user = useSessionStore((s) => s.session?.user ?? null)
  const chosen = useUiStore((s) => s.view)
  const layout = useUiStore((s) => s.layout)
  const org = useOrgStore((s) => s.org)
  const { language } = useFormat()
  const now = useNow()

  const view = chosen ?? defaultView(user?.role)
  const me = user?.username ?? null
  const divisions = user?.divisions ?? NO_DIVISIONS
  // Only the past-SLA view changes with the clock; the others must not re-sort (and move
  // the officer's scroll position) every tick.
  const viewNow = view === 'breached' ? now : 0

  const counts = useMemo(() => countViews(list, { me, divisions, now }), [list, me, divisions, now])
  // From the store's indexes (queue-index.ts): a keystroke costs the matches, not a scan.
  // The table's version says which state of the (mutable) table the answer is of.
  const matching = useMemo(
    () => ({ rows: queue.select(filter, me), version: queue.version }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `queue` is mutable: `revision` says when it changed
    [queue, revision, filter, me],
  )
  const sortRows = useCallback(
    (rows: readonly Grievance[]) =>
      layout.table
        ? sortForTable(rows, layout.tableSort, (id) => divisionName(org, id, language))
        : [...rows].sort(SORT_OPTIONS[sort].compare),
    [layout, sort, org, language],
  )
  // The whole table sorted at most once per revision and sort (sorted-order.ts): a broad
  // keystroke keeps its matches in that order instead of sorting them again.
  const order = useMemo(
    () => new SortedOrder(queue, sortRows),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `queue` is mutable: `revision` says when it changed
    [queue, revision, sortRows],
  )
  const rows = useMemo(() => {
    const ctx = { me, divisions, now: viewNow }
    const inView = view === 'all' ? matching.rows : matching.rows.filter((g) => VIEWS[view](g, ctx))
    return order.pick(inView, matching.version)
  }, [matching, view, me, divisions, viewNow, order])

  // A search that finds nothing here may find it in another view: say how many.
  const elsewhere = filter.search.trim() !== '' && view !== 'all' ? matching.rows.length - rows.length : 0
  return { rows, view, counts, elsewhere, table: layout.table }
}
