// Finding grievances on the server (issue 13, item 4): a desk caches only its working set
// (open work and the last days of finished work), so older grievances are searched for on
// the server and opened one at a time. What crosses the wire, and its limits: the server,
// the desk core and the renderer all validate with these.
import { z } from 'zod'
import { Grievance, GrievanceStatus, formatTicketNumber } from './grievance'
import { LIMITS, safeString, safeText } from './limits'
import { parseSearchQuery } from './search'

export const GRIEVANCE_SEARCH_PATHS = {
  /** Staff: grievances they may see, newest first (?q=&status=&division=&before=&limit=). */
  search: '/api/v1/grievances/search',
  /** Staff: one grievance they may see, whole (to open one the desk no longer caches). */
  grievance: '/api/v1/grievances/:id',
} as const

export function grievancePath(id: string): string {
  return GRIEVANCE_SEARCH_PATHS.grievance.replace(':id', encodeURIComponent(id))
}

export const GRIEVANCE_SEARCH_LIMITS = {
  /** Hits in one page of the search. */
  page: 50,
  /** A page when the asker names no size. */
  defaultPage: 20,
  /** Words of one query that are looked up (each one narrows; more say nothing new). */
  queryWords: 12,
  /** Characters of a grievance's first words shown with a hit. */
  excerptChars: 140,
} as const

/**
 * The working set: finished grievances unchanged for more days than this leave a desk's
 * cache (the deployment may change it; 0 turns the trim off).
 */
export const WORKING_SET = { defaultDays: 30, maxDays: 3_650 } as const

export const WorkingSetDays = z.number().int().min(0).max(WORKING_SET.maxDays)

/** The page cursor: the `next` of an earlier page (opened-at in ms, then the grievance id). */
const Cursor = safeString(LIMITS.idChars * 2).regex(/^\d{1,15}:.+$/, {
  message: "must be the 'next' of an earlier page",
})

const queryInt = safeString(20).regex(/^\d+$/, { message: 'must be a whole number' }).transform(Number)

export const GrievanceSearchQuery = z.object({
  q: safeString(LIMITS.searchQueryChars).optional(),
  status: GrievanceStatus.optional(),
  division: safeText(LIMITS.nameChars).optional(),
  before: Cursor.optional(),
  limit: queryInt
    .transform((n) => Math.min(GRIEVANCE_SEARCH_LIMITS.page, Math.max(1, n)))
    .default(GRIEVANCE_SEARCH_LIMITS.defaultPage),
})
export type GrievanceSearchQuery = z.infer<typeof GrievanceSearchQuery>

/** One hit: enough to recognise the grievance in a list, not the grievance. */
export const GrievanceHit = z.object({
  id: z.string(),
  ticket: z.string(),
  status: GrievanceStatus,
  division: z.string().nullable(),
  assignee: z.string().nullable(),
  openedAt: z.string(),
  /** The first words of the citizen's tweet. */
  excerpt: z.string().max(GRIEVANCE_SEARCH_LIMITS.excerptChars),
})
export type GrievanceHit = z.infer<typeof GrievanceHit>

export const GrievanceSearchResponse = z.object({
  grievances: z.array(GrievanceHit).max(GRIEVANCE_SEARCH_LIMITS.page),
  hasMore: z.boolean(),
  /** Pass as `before` for the next page (null on the last). */
  next: z.string().nullable(),
})
export type GrievanceSearchResponse = z.infer<typeof GrievanceSearchResponse>

export const GrievanceParams = z.object({ id: safeText(LIMITS.idChars) })

export const GrievanceResponse = Grievance
export type GrievanceResponse = z.infer<typeof GrievanceResponse>

/** What the server looks up for a query: exact tickets and whole folded words. */
export interface ServerSearchTerms {
  /** Ticket numbers as stored (MHA-26-000123), from however they were typed (mha-26-123). */
  tickets: string[]
  /** Folded words (src/shared/search.ts), every one of which the grievance must contain. */
  words: string[]
}

/**
 * The desk's folding of a query, for the server: the same keys the desk's own search
 * box makes, so a query finds on the server what it would find in the cache (whole words
 * there, where the cache also matches parts of words).
 */
export function serverSearchTerms(q: string): ServerSearchTerms {
  const parsed = parseSearchQuery(q)
  // Prefixes are capitals (the org contract); typed in any case, compared as numbers.
  const tickets = [
    ...new Set(parsed.tickets.map((t) => formatTicketNumber(t.prefix.toUpperCase(), t.year, t.sequence))),
  ]
  const words = [...new Set(parsed.keys)].slice(0, GRIEVANCE_SEARCH_LIMITS.queryWords)
  return { tickets, words }
}

/** The first words of a text, cut at a word where one is near. */
export function excerptOf(text: string): string {
  const max = GRIEVANCE_SEARCH_LIMITS.excerptChars
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  // Never half of a surrogate pair: an excerpt must stay storable text.
  const cut = flat.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}

/**
 * The desk's answer to a server search (grievances.search-server): the server's page, or
 * `offline` (no connection: a sentence to show, not an error to dump).
 */
export const ServerSearchAnswer = z.discriminatedUnion('state', [
  GrievanceSearchResponse.extend({ state: z.literal('found') }),
  z.object({ state: z.literal('offline'), message: z.string() }),
])
export type ServerSearchAnswer = z.infer<typeof ServerSearchAnswer>
