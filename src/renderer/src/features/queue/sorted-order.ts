// The queue's order, worked out once per published revision and sort instead of once per
// keystroke. A broad search ("p" matches most of 100,000 grievances) used to sort all its
// matches with the comparator chain on every keystroke (~140 ms of CPU at 100,000); now
// the whole table is sorted when it changes, and a keystroke keeps its matches in that
// order by one walk (each match's rank marked, then the sorted table read in order). The
// answer is the same list: both sorts end on the ticket, so their order is total.
import type { Grievance } from '../../../../shared/grievance'

/**
 * A match set smaller than 1/this of the table is sorted directly (k log k beats a walk of
 * N); so is one smaller than half the table while the table itself is not sorted yet.
 */
const WALK_FROM = 64

/** What SortedOrder reads of the store's table (queue-index.ts). */
export interface OrderedTable {
  /** Bumped by every change: equal numbers mean the same table. */
  readonly version: number
  readonly size: number
  values(): Iterable<Grievance>
}

export class SortedOrder {
  /** The table as of `version`, in queue order; made when a pick first needs it. */
  private sorted: readonly Grievance[] | null = null
  private rank: Map<Grievance, number> | null = null
  private readonly version: number

  /** `sortRows`: the queue's sort, for any rows. */
  constructor(
    private readonly table: OrderedTable,
    private readonly sortRows: (rows: readonly Grievance[]) => Grievance[],
  ) {
    this.version = table.version
  }

  /**
   * `rows` (distinct grievances of the table as of `version`) in queue order. Rows of
   * another version than this order's (a sync page applied between two publishes) are
   * sorted as they are, and so are a few rows.
   */
  pick(rows: readonly Grievance[], version: number): readonly Grievance[] {
    const size = this.table.size
    if (version !== this.version || rows.length * WALK_FROM < size) return this.sortRows(rows)
    // Sorting the whole table for a walk pays only when the rows are most of it (a filter
    // kept while sync pages are published would otherwise sort the table on every publish).
    if (this.sorted === null && rows.length * 2 < size) return this.sortRows(rows)
    const sorted = this.sortedTable()
    if (sorted === null) return this.sortRows(rows)
    // Distinct rows of the same table, as many as it holds: all of it.
    if (rows.length === sorted.length) return sorted
    const rank = this.rankOf(sorted)
    const marks = new Uint8Array(sorted.length)
    for (const g of rows) {
      const at = rank.get(g)
      // Not in the table this order was made of: sort the rows as they are.
      if (at === undefined) return this.sortRows(rows)
      marks[at] = 1
    }
    const out: Grievance[] = []
    for (let i = 0; i < sorted.length; i++) if (marks[i] === 1) out.push(sorted[i]!)
    return out
  }

  /** The whole table sorted, or null when it has changed since this order's version. */
  private sortedTable(): readonly Grievance[] | null {
    if (this.sorted === null) {
      if (this.table.version !== this.version) return null
      this.sorted = this.sortRows(Array.from(this.table.values()))
    }
    return this.sorted
  }

  /**
   * Each grievance's position in the sorted table (a narrow search never needs it). Keyed
   * by the object: keyed by id, the bench's broad keystrokes at 100,000 took about twice
   * as long (one run each, load 14 and 20), though a grievance's first use as a key costs
   * an identity hash.
   */
  private rankOf(sorted: readonly Grievance[]): Map<Grievance, number> {
    if (this.rank === null) {
      this.rank = new Map()
      for (let i = 0; i < sorted.length; i++) this.rank.set(sorted[i]!, i)
    }
    return this.rank
  }
}
