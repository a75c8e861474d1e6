// The queue's filters and sorts as small pure functions (Chatwoot style: a table of
// sort options), so they can be tested without a DOM and memoised by the view.
import { isOpen, PRIORITIES, type Grievance, type GrievanceStatus, type Priority } from '../../../../shared/grievance'
import { isEmptyQuery, matchesSearchQuery, parseSearchQuery, type SearchQuery } from '../../../../shared/search'
import { grievanceHaystack, type SearchIndex } from './search-index'

/** Division filter value for grievances no rule routed anywhere. */
export const NO_DIVISION = '__none__'

export interface QueueFilter {
  /** '' = every status, 'open' = still somebody's work, or one exact status. */
  status: '' | 'open' | GrievanceStatus
  priority: '' | Priority
  /** '' = every division, NO_DIVISION = unrouted, or a division id. */
  division: string
  /** '' = anyone, 'mine' = assigned to the signed-in officer, 'unassigned'. */
  assignee: '' | 'mine' | 'unassigned'
  search: string
}

export const EMPTY_FILTER: QueueFilter = { status: '', priority: '', division: '', assignee: '', search: '' }

export interface QueueContext {
  /** Username of the signed-in officer, for the "mine" filter. */
  me: string | null
  /** The store's id → haystack map; without it haystacks are built (and cached) on demand. */
  searchIndex?: SearchIndex
}

// Grievances are immutable snapshots (a change replaces the object), so a cache keyed
// on the object is never stale; the store's search index (search-index.ts) is used when given.
const searchableCache = new WeakMap<Grievance, string>()

/** The folded text the search box looks in (routing's normaliser, see shared/search.ts). */
export function searchableText(grievance: Grievance): string {
  let text = searchableCache.get(grievance)
  if (text === undefined) {
    text = grievanceHaystack(grievance)
    searchableCache.set(grievance, text)
  }
  return text
}

/** Whitespace-separated terms; every term must appear (AND), in any order. */
export function searchTerms(query: string): SearchQuery {
  return parseSearchQuery(query)
}

export function matchesSearch(grievance: Grievance, query: SearchQuery, index?: SearchIndex): boolean {
  if (isEmptyQuery(query)) return true
  const haystack = index?.get(grievance.id) ?? searchableText(grievance)
  return matchesSearchQuery(haystack, grievance.ticket, query)
}

export function matchesStatus(grievance: Grievance, status: QueueFilter['status']): boolean {
  if (status === '') return true
  if (status === 'open') return isOpen(grievance.status)
  return grievance.status === status
}

export function matchesDivision(grievance: Grievance, division: string): boolean {
  if (division === '') return true
  if (division === NO_DIVISION) return grievance.division === null
  return grievance.division === division
}

export function matchesAssignee(grievance: Grievance, assignee: QueueFilter['assignee'], ctx: QueueContext): boolean {
  if (assignee === '') return true
  if (assignee === 'unassigned') return grievance.assignee === null
  return ctx.me !== null && grievance.assignee === ctx.me
}

/** One predicate for the whole filter; search terms are split once, not per row. */
export function queuePredicate(filter: QueueFilter, ctx: QueueContext): (grievance: Grievance) => boolean {
  const terms = searchTerms(filter.search)
  return (g) =>
    matchesStatus(g, filter.status) &&
    (filter.priority === '' || g.priority === filter.priority) &&
    matchesDivision(g, filter.division) &&
    matchesAssignee(g, filter.assignee, ctx) &&
    matchesSearch(g, terms, ctx.searchIndex)
}

// ---- time and priority keys ------------------------------------------------------

const dueCache = new WeakMap<Grievance, number>()

/** SLA due time in ms; an unparseable date sorts last rather than crashing the queue. */
export function slaDueTime(grievance: Grievance): number {
  let due = dueCache.get(grievance)
  if (due === undefined) {
    const parsed = Date.parse(grievance.slaDueAt)
    due = Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed
    dueCache.set(grievance, due)
  }
  return due
}

/** Breached = still open and past its SLA; finished work cannot breach any more. */
export function isBreached(grievance: Grievance, now: number): boolean {
  return isOpen(grievance.status) && slaDueTime(grievance) < now
}

export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority)
}

function createdTime(grievance: Grievance): number {
  const t = Date.parse(grievance.createdAt)
  return Number.isNaN(t) ? 0 : t
}

type Compare = (a: Grievance, b: Grievance) => number

/** Open work first: a resolved ticket's old deadline must not crowd the top of the queue. */
const openFirst: Compare = (a, b) => Number(isOpen(b.status)) - Number(isOpen(a.status))
const bySla: Compare = (a, b) => slaDueTime(a) - slaDueTime(b)
const byPriority: Compare = (a, b) => priorityRank(a.priority) - priorityRank(b.priority)
const byTicket: Compare = (a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0)

function chain(...compares: Compare[]): Compare {
  return (a, b) => {
    for (const compare of compares) {
      const result = compare(a, b)
      if (result !== 0) return result
    }
    return 0
  }
}

/** `labelKey`: the option's name in the catalogues (queue.sort.*). */
export const SORT_OPTIONS = {
  sla: { labelKey: 'queue.sort.sla', compare: chain(openFirst, bySla, byPriority, byTicket) },
  priority: { labelKey: 'queue.sort.priority', compare: chain(openFirst, byPriority, bySla, byTicket) },
  newest: { labelKey: 'queue.sort.newest', compare: chain((a, b) => createdTime(b) - createdTime(a), byTicket) },
  oldest: { labelKey: 'queue.sort.oldest', compare: chain((a, b) => createdTime(a) - createdTime(b), byTicket) },
} as const satisfies Record<string, { labelKey: string; compare: Compare }>

export type QueueSort = keyof typeof SORT_OPTIONS
export const DEFAULT_SORT: QueueSort = 'sla'

export function isQueueSort(value: string): value is QueueSort {
  return Object.hasOwn(SORT_OPTIONS, value)
}

/** The queue as shown: filtered, then sorted; never mutates the input. */
export function selectQueue(
  grievances: readonly Grievance[],
  filter: QueueFilter,
  sort: QueueSort,
  ctx: QueueContext,
): Grievance[] {
  return grievances.filter(queuePredicate(filter, ctx)).sort(SORT_OPTIONS[sort].compare)
}

export interface QueueCounts {
  total: number
  open: number
  breached: number
  unassigned: number
}

export function countQueue(grievances: readonly Grievance[], now: number): QueueCounts {
  const counts: QueueCounts = { total: grievances.length, open: 0, breached: 0, unassigned: 0 }
  for (const g of grievances) {
    if (!isOpen(g.status)) continue
    counts.open++
    if (slaDueTime(g) < now) counts.breached++
    if (g.assignee === null) counts.unassigned++
  }
  return counts
}

/** Move the keyboard cursor by `delta`, clamped to the list; null when the list is empty. */
export function moveCursor(ids: readonly string[], current: string | null, delta: number): string | null {
  if (ids.length === 0) return null
  const index = current === null ? -1 : ids.indexOf(current)
  if (index === -1) return delta >= 0 ? ids[0] : ids[ids.length - 1]
  return ids[Math.min(ids.length - 1, Math.max(0, index + delta))]
}
