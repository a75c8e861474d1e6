// The renderer's table of cached grievances with the indexes the queue asks: the search
// box's token index and one set per filter value (status, priority, division, assignee).
// It is mutable and updated per changed grievance (a sync page costs its own 500
// grievances, not a pass over 100,000); the store publishes a new revision after a batch,
// and the queue's memos key on that revision.
//
// `select` answers exactly what `list.filter(queuePredicate(filter, ctx))` answers (the
// unit tests compare them) but starts from the smallest index set that can hold the answer
// and checks the full predicate only there.
import { GRIEVANCE_STATUSES, isOpen, type Grievance } from '../../../../shared/grievance'
import { parseSearchQuery, ticketParts, ticketPartsMatch, type TicketParts } from '../../../../shared/search'
import { matchesAssignee, matchesDivision, matchesStatus, NO_DIVISION, type QueueFilter } from './filters'
import { grievanceSearchKeys } from './search-index'
import { TicketIndex } from './ticket-index'
import { TokenIndex } from './token-index'

type FacetName = 'status' | 'priority' | 'division' | 'assignee'
const FACETS: readonly FacetName[] = ['status', 'priority', 'division', 'assignee']
const OPEN_STATUSES = GRIEVANCE_STATUSES.filter(isOpen)
/** A facet set is walked when it holds at most 1/this of the cache (else the table is scanned). */
const WALK_FACET_BELOW = 8

/** Same searchable text (a new copy of an unchanged grievance need not be folded again). */
function sameSearchText(a: Grievance, b: Grievance): boolean {
  if (
    a.ticket !== b.ticket ||
    a.source.text !== b.source.text ||
    a.source.authorUsername !== b.source.authorUsername ||
    a.source.authorName !== b.source.authorName ||
    a.thread.length !== b.thread.length
  )
    return false
  for (let i = 0; i < a.thread.length; i++) if (a.thread[i]!.text !== b.thread[i]!.text) return false
  return true
}

export class QueueIndex {
  private readonly byId = new Map<string, Grievance>()
  /** id → its ticket parsed for the search box (a ticket-only search touches no regex). */
  private readonly tickets = new Map<string, TicketParts>()
  /** The same tickets for a ticket number typed alone (a scan of flat strings, narrowed while typing). */
  private readonly ticketIndex = new TicketIndex()
  /** Answers the grievances themselves (kept current by put), so a broad search maps no ids. */
  private readonly search: TokenIndex<Grievance>
  private readonly facets: Record<FacetName, Map<string | null, Set<string>>> = {
    status: new Map(),
    priority: new Map(),
    division: new Map(),
    assignee: new Map(),
  }

  /** Bumped by every change of the table (a published revision may be older). */
  private changes = 0
  private readonly keysOf: (g: Grievance) => string[]

  /** `searchKeysOf`: the fold for the search index (the queue bench swaps in the reference one). */
  constructor(options: { compactAt?: number; searchKeysOf?: (g: Grievance) => string[] } = {}) {
    this.search = new TokenIndex<Grievance>(options.compactAt)
    this.keysOf = options.searchKeysOf ?? grievanceSearchKeys
  }

  get size(): number {
    return this.byId.size
  }

  /** Changes as of now: equal numbers mean the same table. */
  get version(): number {
    return this.changes
  }

  get(id: string): Grievance | undefined {
    return this.byId.get(id)
  }

  has(id: string): boolean {
    return this.byId.has(id)
  }

  ids(): IterableIterator<string> {
    return this.byId.keys()
  }

  values(): IterableIterator<Grievance> {
    return this.byId.values()
  }

  /** Adds or replaces a grievance (by id). */
  put(g: Grievance): void {
    const before = this.byId.get(g.id)
    if (before === g) return
    this.changes++
    if (before) this.unfacet(before)
    this.byId.set(g.id, g)
    if (before?.ticket !== g.ticket) {
      const parts = ticketParts(g.ticket)
      this.tickets.set(g.id, parts)
      this.ticketIndex.put(g.id, parts)
    }
    for (const name of FACETS) {
      const key = g[name]
      let set = this.facets[name].get(key)
      if (!set) this.facets[name].set(key, (set = new Set()))
      set.add(g.id)
    }
    if (!before || !sameSearchText(before, g)) this.search.put(g.id, this.keysOf(g), g)
    else this.search.setValue(g.id, g)
  }

  remove(id: string): void {
    const before = this.byId.get(id)
    if (!before) return
    this.changes++
    this.unfacet(before)
    this.byId.delete(id)
    this.tickets.delete(id)
    this.ticketIndex.remove(id)
    this.search.remove(id)
  }

  clear(): void {
    this.changes++
    this.byId.clear()
    this.tickets.clear()
    this.ticketIndex.clear()
    this.search.clear()
    for (const name of FACETS) this.facets[name].clear()
  }

  /** The grievances the filter and search let through, in no particular order. */
  select(filter: QueueFilter, me: string | null): Grievance[] {
    const query = parseSearchQuery(filter.search)
    const facetFiltered =
      filter.status !== '' || filter.priority !== '' || filter.division !== '' || filter.assignee !== ''
    const tickets = query.tickets
    const rest = (g: Grievance) =>
      matchesStatus(g, filter.status) &&
      (filter.priority === '' || g.priority === filter.priority) &&
      matchesDivision(g, filter.division) &&
      matchesAssignee(g, filter.assignee, { me }) &&
      (tickets.length === 0 || tickets.every((t) => ticketPartsMatch(this.tickets.get(g.id)!, t)))
    const out: Grievance[] = []
    const take = (id: string) => {
      const g = this.byId.get(id)
      if (g && rest(g)) out.push(g)
    }
    // A facet set that holds a good part of the cache is slower to walk (set by set, id
    // by id) than the table itself: then the predicate runs over the table.
    const facet = this.smallestFacet(filter, me)
    const facetIds = facet && facet.size <= this.byId.size / WALK_FACET_BELOW ? facet : null
    if (query.keys.length > 0) {
      const found = this.search.match(query.keys)
      if (facetIds && facetIds.size < found.length) {
        // Walk the smaller side; the other is checked by membership.
        const inFound = new Set(found)
        for (const id of facetIds.ids()) {
          const g = this.byId.get(id)
          if (g && inFound.has(g) && rest(g)) out.push(g)
        }
      } else if (!facetFiltered && tickets.length === 0) return found
      else for (const g of found) if (rest(g)) out.push(g)
    } else if (facetIds) for (const id of facetIds.ids()) take(id)
    else if (!facetFiltered && tickets.length === 0) return Array.from(this.byId.values())
    else if (!facetFiltered) {
      // A ticket number typed alone: the ticket index answers the first, the rest are checked.
      const others = tickets.slice(1)
      for (const id of this.ticketIndex.match(tickets[0]!))
        if (others.every((t) => ticketPartsMatch(this.tickets.get(id)!, t))) out.push(this.byId.get(id)!)
    } else for (const g of this.byId.values()) if (rest(g)) out.push(g)
    return out
  }

  private unfacet(g: Grievance): void {
    for (const name of FACETS) {
      const set = this.facets[name].get(g[name])
      set?.delete(g.id)
      if (set?.size === 0) this.facets[name].delete(g[name])
    }
  }

  /** The smallest union of facet sets that must hold every match, or null (no facet filter). */
  private smallestFacet(filter: QueueFilter, me: string | null): { size: number; ids(): Iterable<string> } | null {
    const options: Set<string>[][] = []
    const sets = (name: FacetName, keys: readonly (string | null)[]) =>
      keys.flatMap((key) => {
        const set = this.facets[name].get(key)
        return set ? [set] : []
      })
    if (filter.status === 'open') options.push(sets('status', OPEN_STATUSES))
    else if (filter.status !== '') options.push(sets('status', [filter.status]))
    if (filter.priority !== '') options.push(sets('priority', [filter.priority]))
    if (filter.division !== '')
      options.push(sets('division', [filter.division === NO_DIVISION ? null : filter.division]))
    if (filter.assignee === 'unassigned') options.push(sets('assignee', [null]))
    else if (filter.assignee === 'mine') options.push(me === null ? [] : sets('assignee', [me]))
    if (options.length === 0) return null
    const sizeOf = (union: Set<string>[]) => union.reduce((n, set) => n + set.size, 0)
    const best = options.reduce((a, b) => (sizeOf(b) < sizeOf(a) ? b : a))
    return {
      size: sizeOf(best),
      *ids() {
        for (const set of best) yield* set
      },
    }
  }
}
