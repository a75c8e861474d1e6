// Search that forgives spelling: the desk's search box folds text with the same
// normaliser keyword routing uses (NFC, zero-width characters, nukta, chandrabindu and
// anusvara, long/short matras, romanised doubled letters and sound-alikes), so "वीजा"
// finds "वीज़ा" and "paasport" finds "passport". Ticket numbers match in any case and with
// or without leading zeros ("mha-26-1" is MHA-26-000001).
//
// A grievance's haystack is built once per change of the grievance (the renderer keeps
// them in a Map); a keystroke only parses the query and runs substring checks.
import type { Grievance } from './grievance'
import { LIMITS } from './limits'
import { foldDevanagari, keysOf, normalise } from './routing/normalise'
import { nextFoldStamp, pushPhraseKeys, pushTextKeys } from './search-fold'

/** A ticket number as typed: prefix, year and sequence compared as numbers. */
export interface TicketQuery {
  /** Lower-cased, as typed (after digit folding), for prefix matching while typing. */
  typed: string
  prefix: string
  year: number
  sequence: number
}

export interface SearchQuery {
  /** Match keys; every one must occur in the haystack (AND, any order, substring). */
  keys: string[]
  /** Ticket-shaped terms; each must be this grievance's ticket. */
  tickets: TicketQuery[]
}

export const EMPTY_QUERY: SearchQuery = { keys: [], tickets: [] }

const TICKET_TERM = /^([a-z]{2,10})-(\d{1,2})-(\d{1,9})$/
const TICKET = /^([a-z]{2,10})-(\d{2})-(\d+)$/

/** The keys of free text: hashtags split, mentions kept as words, URLs left out. */
function textKeys(text: string): string[] {
  const n = normalise(text)
  if (n.mentions.length === 0) return n.tokens
  return n.tokens.concat(n.mentions.flatMap((m) => keysOf(m)))
}

/**
 * What a search looks in, one definition for the desk's search box and the server's search
 * rows: ticket, citizen (names); source tweet, thread (texts).
 */
export function searchableParts(g: Grievance): { names: string[]; texts: string[] } {
  return {
    names: [g.ticket, g.source.authorUsername, g.source.authorName ?? ''],
    texts: [g.source.text, ...g.thread.map((entry) => entry.text)],
  }
}

/**
 * The definition of a grievance's search keys, in order: `names` (ticket, handle,
 * display name) folded word by word, `texts` (tweets, replies, notes) through normalise()
 * with hashtags split and mentions' words after. searchKeys gives the same, faster;
 * the tests and the queue bench hold it to this.
 */
export function referenceSearchKeys(names: readonly string[], texts: readonly string[]): string[] {
  const keys: string[] = []
  for (const name of names) for (const key of keysOf(name)) keys.push(key)
  for (const text of texts) for (const key of textKeys(text)) keys.push(key)
  return keys
}

/** referenceSearchKeys, by the cheap fold (search-fold.ts): repeats included, same order. */
export function searchKeys(names: readonly string[], texts: readonly string[]): string[] {
  const keys: string[] = []
  for (const name of names) pushPhraseKeys(name, keys)
  for (const text of texts) pushTextKeys(text, keys)
  return keys
}

/**
 * searchKeys without the repeats of a word (a key may still repeat: two spellings of one
 * word fold alike), for an index that wants each key of a grievance once.
 */
export function searchKeysOnce(names: readonly string[], texts: readonly string[]): string[] {
  const keys: string[] = []
  const once = nextFoldStamp()
  for (const name of names) pushPhraseKeys(name, keys, once)
  for (const text of texts) pushTextKeys(text, keys, once)
  return keys
}

/** The searchable form of a grievance's texts: its search keys joined by spaces. */
export function searchHaystack(names: readonly string[], texts: readonly string[]): string {
  return searchKeys(names, texts).join(' ')
}

function parseTicket(term: string): TicketQuery | null {
  const m = TICKET_TERM.exec(term)
  if (!m) return null
  return { typed: term, prefix: m[1], year: Number(m[2]), sequence: Number(m[3]) }
}

/** Whitespace-separated terms, each folded like the haystack; ticket-shaped terms apart. */
export function parseSearchQuery(query: string): SearchQuery {
  const keys: string[] = []
  const tickets: TicketQuery[] = []
  const bounded = query.slice(0, LIMITS.searchQueryChars)
  for (const raw of bounded.split(/\s+/)) {
    if (!raw) continue
    // Case is kept for textKeys: "#PassportDelay" splits at its capitals.
    const term = foldDevanagari(raw.normalize('NFC'))
    const ticket = parseTicket(term.toLowerCase())
    if (ticket) tickets.push(ticket)
    // "@ravi_k": the handle's words, not a mention to set aside.
    else if (term.startsWith('@')) pushPhraseKeys(term.slice(1), keys)
    else pushTextKeys(term, keys)
  }
  return { keys, tickets }
}

export function isEmptyQuery(query: SearchQuery): boolean {
  return query.keys.length === 0 && query.tickets.length === 0
}

/** A grievance's ticket as ticketMatches compares it, parsed once (the queue index keeps these). */
export interface TicketParts {
  lower: string
  /** Null when the ticket is not of the PREFIX-YY-N shape. */
  number: { prefix: string; year: number; sequence: number } | null
}

export function ticketParts(ticket: string): TicketParts {
  const lower = ticket.toLowerCase()
  const m = TICKET.exec(lower)
  return { lower, number: m ? { prefix: m[1], year: Number(m[2]), sequence: Number(m[3]) } : null }
}

export function ticketPartsMatch(parts: TicketParts, query: TicketQuery): boolean {
  if (parts.lower.startsWith(query.typed)) return true
  const n = parts.number
  return n !== null && n.prefix === query.prefix && n.year === query.year && n.sequence === query.sequence
}

/** Same ticket (number-wise), or the ticket begins with what was typed so far. */
export function ticketMatches(ticket: string, query: TicketQuery): boolean {
  return ticketPartsMatch(ticketParts(ticket), query)
}

export function matchesSearchQuery(haystack: string, ticket: string, query: SearchQuery): boolean {
  for (const t of query.tickets) if (!ticketMatches(ticket, t)) return false
  for (const key of query.keys) if (!haystack.includes(key)) return false
  return true
}
