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
  /**
   * A folded query word this long or longer is a word prefix ("refu" finds "refund");
   * a shorter one must be a whole word, and a query of only such words is refused (it
   * would match nearly every grievance). Counted in code points, Devanagari as Latin.
   */
  minPrefixChars: 3,
  /**
   * Prefixes of a grievance's words are indexed up to this many code points; a longer
   * query word is looked up by its first ones and then checked against the whole words.
   */
  maxIndexedPrefixChars: 20,
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

/** A search text: within its length, and not made only of words too short to look up. */
export const SearchText = safeString(LIMITS.searchQueryChars).refine((q) => !asksTooLittle(q), {
  message: `needs a word of at least ${GRIEVANCE_SEARCH_LIMITS.minPrefixChars} letters or a ticket number`,
})

const queryInt = safeString(20).regex(/^\d+$/, { message: 'must be a whole number' }).transform(Number)

export const GrievanceSearchQuery = z.object({
  q: SearchText.optional(),
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

/** A ticket as the server looks it up: this very ticket, or one beginning as typed (as the desk does). */
export interface TicketTerm {
  /** As stored (MHA-26-000123), from however it was typed (mha-26-123). */
  exact: string
  /** What was typed, in the stored case (MHA-26-12 also finds MHA-26-120045). */
  prefix: string
}

/** What the server looks up for a query: tickets, whole folded words and folded word prefixes. */
export interface ServerSearchTerms {
  /** Every one must be the grievance's ticket (exactly, or by its beginning). */
  tickets: TicketTerm[]
  /** Folded words (src/shared/search.ts) shorter than minPrefixChars: each must be a whole word. */
  words: string[]
  /** Folded words of minPrefixChars or more: each must begin one of the grievance's words. */
  prefixes: string[]
}

/**
 * The desk's folding of a query, for the server: the same keys the desk's own search
 * box makes, so a query finds on the server what it would find in the cache (by word
 * beginnings there, where the cache also matches the middles of words).
 */
export function serverSearchTerms(q: string): ServerSearchTerms {
  const parsed = parseSearchQuery(q)
  // Prefixes are capitals (the org contract); typed in any case, compared as numbers.
  const tickets = new Map<string, TicketTerm>()
  for (const t of parsed.tickets) {
    const term = {
      exact: formatTicketNumber(t.prefix.toUpperCase(), t.year, t.sequence),
      prefix: t.typed.toUpperCase(),
    }
    tickets.set(`${term.exact} ${term.prefix}`, term)
  }
  const keys = [...new Set(parsed.keys)].slice(0, GRIEVANCE_SEARCH_LIMITS.queryWords)
  const isPrefix = (key: string) => codePoints(key) >= GRIEVANCE_SEARCH_LIMITS.minPrefixChars
  return { tickets: [...tickets.values()], words: keys.filter((k) => !isPrefix(k)), prefixes: keys.filter(isPrefix) }
}

/**
 * A query that names words but none long enough to be a prefix, and no ticket: refused
 * by the server (400) and never sent by the desk. A query of only punctuation is not
 * refused (it asks for nothing, and finds nothing).
 */
export function asksTooLittle(q: string): boolean {
  const terms = serverSearchTerms(q)
  return terms.words.length > 0 && terms.prefixes.length === 0 && terms.tickets.length === 0
}

function codePoints(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/**
 * What a grievance's search row holds for one folded word: the word itself and each of
 * its beginnings from minPrefixChars to maxIndexedPrefixChars code points, so a prefix
 * query is one GIN lookup, like a whole word.
 */
export function indexedPrefixesOf(word: string): string[] {
  const points = [...word]
  const { minPrefixChars, maxIndexedPrefixChars } = GRIEVANCE_SEARCH_LIMITS
  const out: string[] = []
  for (let n = minPrefixChars; n < points.length && n <= maxIndexedPrefixChars; n++)
    out.push(points.slice(0, n).join(''))
  out.push(word)
  return out
}

/** A query prefix as the index holds it: no longer than maxIndexedPrefixChars (longer ones are checked after). */
export function indexedPrefix(prefix: string): { key: string; cut: boolean } {
  const points = [...prefix]
  const max = GRIEVANCE_SEARCH_LIMITS.maxIndexedPrefixChars
  return points.length <= max ? { key: prefix, cut: false } : { key: points.slice(0, max).join(''), cut: true }
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
