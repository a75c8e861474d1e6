// The queue's layout (cards or table, and the table's sort) is a preference of the
// workstation, kept in localStorage. Anything unreadable falls back to the default:
// a damaged preference must never stop the queue from showing.
import { DEFAULT_TABLE_SORT, isTableSort, type TableSort } from '../features/queue/table-sort'

export interface QueueLayout {
  table: boolean
  tableSort: TableSort
}

export const QUEUE_LAYOUT_KEY = 'seva.queue.layout'
const DEFAULT_LAYOUT: QueueLayout = { table: false, tableSort: DEFAULT_TABLE_SORT }

/** The part of Web Storage used here (typed by hand: tests type-check without the DOM lib). */
interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

function storage(): KeyValueStore | null {
  try {
    return (globalThis as { localStorage?: KeyValueStore }).localStorage ?? null
  } catch {
    return null // storage disabled for this origin
  }
}

export function parseQueueLayout(raw: string | null): QueueLayout {
  if (!raw) return DEFAULT_LAYOUT
  try {
    const value = JSON.parse(raw) as Partial<QueueLayout>
    return {
      table: value.table === true,
      tableSort: isTableSort(value.tableSort) ? value.tableSort : DEFAULT_TABLE_SORT,
    }
  } catch {
    return DEFAULT_LAYOUT
  }
}

export function loadQueueLayout(): QueueLayout {
  return parseQueueLayout(storage()?.getItem(QUEUE_LAYOUT_KEY) ?? null)
}

/** Saves and hands the layout back, so a setter can store it in one line. */
export function saveQueueLayout(layout: QueueLayout): QueueLayout {
  try {
    storage()?.setItem(QUEUE_LAYOUT_KEY, JSON.stringify(layout))
  } catch {
    // Full or disabled storage: the choice still holds for this session.
  }
  return layout
}
