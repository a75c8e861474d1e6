// X search queries and filtered-stream rules built from the organisation's keyword
// rules. Both are limited to 512 characters, and an org has hundreds of terms, so terms
// are packed into as few queries as fit: `(visa OR "e visa" OR वीज़ा) -is:retweet -from:HMOIndia`.
import type { KeywordRule } from '../../shared/org'

export const MAX_QUERY_LENGTH = 512

export interface KeywordQuery {
  value: string
  /** The keyword rules whose terms are in this query. */
  ruleIds: string[]
}

const BARE_TERM = /^[\p{L}\p{M}\p{N}_]+$/u
const OPERATOR_WORDS = new Set(['OR', 'AND'])

/** One term as a query clause: a bare word, or a "quoted phrase" for anything else. */
export function termClause(term: string): string | null {
  const clean = term.replace(/["“”]/g, ' ').replace(/\s+/g, ' ').trim()
  if (!clean) return null
  return BARE_TERM.test(clean) && !OPERATOR_WORDS.has(clean) ? clean : `"${clean}"`
}

/** Leaves out retweets and our own handles' tweets: they are never grievances and cost budget. */
export function querySuffix(ownHandles: readonly string[]): string {
  return ['-is:retweet', ...ownHandles.map((h) => `-from:${h}`)].join(' ')
}

interface Term {
  clause: string
  ruleId: string
}

function pack(terms: Term[], suffix: string, maxLength: number): KeywordQuery[] {
  const queries: KeywordQuery[] = []
  let clauses: string[] = []
  let rules = new Set<string>()
  const render = (list: string[]): string => `(${list.join(' OR ')}) ${suffix}`.trim()
  const flush = (): void => {
    if (clauses.length > 0) queries.push({ value: render(clauses), ruleIds: [...rules] })
    clauses = []
    rules = new Set()
  }
  for (const term of terms) {
    if (render([term.clause]).length > maxLength) continue // cannot fit even alone; reported by the caller's check
    if (render([...clauses, term.clause]).length > maxLength) flush()
    clauses.push(term.clause)
    rules.add(term.ruleId)
  }
  flush()
  return queries
}

function enabledTerms(rules: readonly KeywordRule[]): Term[] {
  const seen = new Set<string>()
  const terms: Term[] = []
  for (const rule of rules) {
    if (!rule.enabled) continue
    for (const term of rule.terms) {
      const clause = termClause(term)
      if (!clause || seen.has(clause.toLowerCase())) continue
      seen.add(clause.toLowerCase())
      terms.push({ clause, ruleId: rule.id })
    }
  }
  return terms
}

/** Recent-search queries covering every enabled rule's terms, each within maxLength. */
export function buildSearchQueries(
  rules: readonly KeywordRule[],
  ownHandles: readonly string[],
  maxLength = MAX_QUERY_LENGTH,
): KeywordQuery[] {
  return pack(enabledTerms(rules), querySuffix(ownHandles), maxLength)
}

/** Filtered-stream rules: per keyword rule (tag = rule id), split when one rule is too long. */
export function buildStreamRules(
  rules: readonly KeywordRule[],
  ownHandles: readonly string[],
  maxLength = MAX_QUERY_LENGTH,
): { value: string; tag: string }[] {
  const suffix = querySuffix(ownHandles)
  const out: { value: string; tag: string }[] = []
  const claimed = new Set<string>()
  for (const rule of rules) {
    if (!rule.enabled) continue
    const terms = enabledTerms([rule]).filter((t) => !claimed.has(t.clause.toLowerCase()))
    for (const t of terms) claimed.add(t.clause.toLowerCase())
    for (const query of pack(terms, suffix, maxLength)) out.push({ value: query.value, tag: rule.id })
  }
  return out
}

/** Terms too long to fit in any query (so they can never be searched): worth a log line. */
export function unsearchableTerms(
  rules: readonly KeywordRule[],
  ownHandles: readonly string[],
  maxLength = MAX_QUERY_LENGTH,
): string[] {
  const suffix = querySuffix(ownHandles)
  return enabledTerms(rules)
    .filter((t) => `(${t.clause}) ${suffix}`.length > maxLength)
    .map((t) => t.clause)
}
