// The subset of X's search/filtered-stream query language Seva Desk uses:
// bare terms (implicit AND, tokenized match), "exact phrases", OR, parentheses,
// negation, @mention, #hashtag, from:, to:, is:retweet|reply|quote, has:links|mentions|hashtags,
// lang:, conversation_id:. As on X, AND binds tighter than OR, and is:/has:/lang: cannot
// stand alone: a query needs at least one positive standalone clause.

import type { SimStore, Tweet } from './store'
import { tokenize } from './text'

export class QueryError extends Error {
  override readonly name = 'QueryError'
}

export type QueryNode =
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }
  | { kind: 'phrase'; tokens: string[]; standalone: true }
  | { kind: 'mention'; username: string }
  | { kind: 'hashtag'; tag: string }
  | { kind: 'from'; username: string }
  | { kind: 'to'; username: string }
  | { kind: 'is'; what: 'retweet' | 'reply' | 'quote' | 'verified' }
  | { kind: 'has'; what: 'links' | 'mentions' | 'hashtags' | 'media' }
  | { kind: 'lang'; code: string }
  | { kind: 'conversation'; id: string }

type Token =
  | { type: 'open'; pos: number }
  | { type: 'close'; pos: number }
  | { type: 'or'; pos: number }
  | { type: 'neg'; pos: number }
  | { type: 'phrase'; value: string; pos: number }
  | { type: 'word'; value: string; pos: number }

export const MAX_QUERY_LENGTH = 512

function lex(query: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < query.length) {
    const ch = query[i]!
    if (/\s/.test(ch)) {
      i++
    } else if (ch === '(') {
      tokens.push({ type: 'open', pos: i++ })
    } else if (ch === ')') {
      tokens.push({ type: 'close', pos: i++ })
    } else if (ch === '-' && i + 1 < query.length && !/[\s)]/.test(query[i + 1]!)) {
      tokens.push({ type: 'neg', pos: i++ })
    } else if (ch === '"') {
      const end = query.indexOf('"', i + 1)
      if (end < 0) throw new QueryError(`Unterminated quoted phrase (at position ${i + 1})`)
      tokens.push({ type: 'phrase', value: query.slice(i + 1, end), pos: i })
      i = end + 1
    } else {
      const start = i
      while (i < query.length && !/[\s()"]/.test(query[i]!)) i++
      const value = query.slice(start, i)
      tokens.push(value === 'OR' ? { type: 'or', pos: start } : { type: 'word', value, pos: start })
    }
  }
  return tokens
}

const HANDLE = /^[A-Za-z0-9_]{1,15}$/

function operatorNode(word: string, pos: number): QueryNode {
  const at = `(at position ${pos + 1})`
  if (word.startsWith('@')) {
    const username = word.slice(1)
    if (!HANDLE.test(username)) throw new QueryError(`Invalid mention '${word}' ${at}`)
    return { kind: 'mention', username: username.toLowerCase() }
  }
  if (word.startsWith('#') && word.length > 1) return { kind: 'hashtag', tag: word.slice(1).toLowerCase() }
  const colon = word.indexOf(':')
  const name = colon > 0 ? word.slice(0, colon) : ''
  if (!/^[a-z_]+$/.test(name)) {
    const tokens = tokenize(word)
    if (tokens.length === 0) throw new QueryError(`Invalid term '${word}' ${at}`)
    return { kind: 'phrase', tokens, standalone: true }
  }
  const value = word.slice(colon + 1)
  if (value.length === 0) throw new QueryError(`Operator '${name}' needs a value ${at}`)
  switch (name) {
    case 'from':
    case 'to': {
      const username = value.replace(/^@/, '')
      if (!HANDLE.test(username)) throw new QueryError(`Invalid username '${value}' for ${name}: ${at}`)
      return { kind: name, username: username.toLowerCase() }
    }
    case 'is':
      if (value === 'retweet' || value === 'reply' || value === 'quote' || value === 'verified')
        return { kind: 'is', what: value }
      throw new QueryError(`Reference to invalid operator 'is:${value}' ${at}`)
    case 'has':
      if (value === 'links' || value === 'mentions' || value === 'hashtags' || value === 'media')
        return { kind: 'has', what: value }
      throw new QueryError(`Reference to invalid operator 'has:${value}' ${at}`)
    case 'lang':
      if (!/^[a-z]{2,3}$/.test(value)) throw new QueryError(`Invalid language '${value}' ${at}`)
      return { kind: 'lang', code: value }
    case 'conversation_id':
      if (!/^[0-9]{1,19}$/.test(value)) throw new QueryError(`Invalid conversation_id '${value}' ${at}`)
      return { kind: 'conversation', id: value }
    default:
      throw new QueryError(`Reference to invalid operator '${name}' ${at}`)
  }
}

class Parser {
  private i = 0
  constructor(private readonly tokens: Token[]) {}

  parse(): QueryNode {
    if (this.tokens.length === 0) throw new QueryError('The query is empty')
    const node = this.orExpr()
    const extra = this.tokens[this.i]
    if (extra)
      throw new QueryError(`Unexpected '${extra.type === 'close' ? ')' : extra.type}' (at position ${extra.pos + 1})`)
    return node
  }

  private orExpr(): QueryNode {
    const items = [this.andExpr()]
    while (this.tokens[this.i]?.type === 'or') {
      const or = this.tokens[this.i++]!
      if (!this.tokens[this.i] || this.tokens[this.i]!.type === 'close' || this.tokens[this.i]!.type === 'or') {
        throw new QueryError(`Ambiguous use of OR (at position ${or.pos + 1})`)
      }
      items.push(this.andExpr())
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items }
  }

  private andExpr(): QueryNode {
    const items: QueryNode[] = []
    for (;;) {
      const t = this.tokens[this.i]
      if (!t || t.type === 'or' || t.type === 'close') break
      items.push(this.unary())
    }
    if (items.length === 0) {
      const t = this.tokens[this.i]
      throw new QueryError(
        t ? `Ambiguous use of ${t.type === 'or' ? 'OR' : "')'"} (at position ${t.pos + 1})` : 'The query is incomplete',
      )
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items }
  }

  private unary(): QueryNode {
    const t = this.tokens[this.i]!
    if (t.type === 'neg') {
      this.i++
      const next = this.tokens[this.i]
      if (next?.type === 'open')
        throw new QueryError(`Negation of a parenthesised group is not supported (at position ${t.pos + 1})`)
      if (!next || (next.type !== 'word' && next.type !== 'phrase'))
        throw new QueryError(`Dangling negation (at position ${t.pos + 1})`)
      return { kind: 'not', item: this.primary() }
    }
    return this.primary()
  }

  private primary(): QueryNode {
    const t = this.tokens[this.i++]!
    switch (t.type) {
      case 'open': {
        if (this.tokens[this.i]?.type === 'close') throw new QueryError(`Empty parentheses (at position ${t.pos + 1})`)
        const inner = this.orExpr()
        if (this.tokens[this.i]?.type !== 'close')
          throw new QueryError(`Unbalanced parentheses (at position ${t.pos + 1})`)
        this.i++
        return inner
      }
      case 'phrase': {
        const tokens = tokenize(t.value)
        if (tokens.length === 0) throw new QueryError(`Empty quoted phrase (at position ${t.pos + 1})`)
        return { kind: 'phrase', tokens, standalone: true }
      }
      case 'word':
        return operatorNode(t.value, t.pos)
      default:
        throw new QueryError(`Unexpected '${t.type === 'close' ? ')' : t.type}' (at position ${t.pos + 1})`)
    }
  }
}

/** True when the clause can select tweets on its own (X's "standalone operator"). */
function hasPositiveStandalone(node: QueryNode): boolean {
  switch (node.kind) {
    case 'and':
      return node.items.some(hasPositiveStandalone)
    case 'or':
      return node.items.every(hasPositiveStandalone)
    case 'not':
    case 'is':
    case 'has':
    case 'lang':
      return false
    default:
      return true
  }
}

export function parseQuery(query: string, maxLength = MAX_QUERY_LENGTH): QueryNode {
  if (query.trim().length === 0) throw new QueryError('The query is empty')
  if (query.length > maxLength) throw new QueryError(`Query is too long: ${query.length} characters (max ${maxLength})`)
  const node = new Parser(lex(query)).parse()
  if (!hasPositiveStandalone(node)) {
    throw new QueryError(
      'Rules must contain at least one positive, non-stand-alone operator (is:, has:, lang: and negations need a keyword, phrase, @mention, #hashtag, from: or to:)',
    )
  }
  return node
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 1) return haystack.includes(needle[0]!)
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

export function matchesQuery(node: QueryNode, tweet: Tweet, store: SimStore): boolean {
  switch (node.kind) {
    case 'and':
      return node.items.every((n) => matchesQuery(n, tweet, store))
    case 'or':
      return node.items.some((n) => matchesQuery(n, tweet, store))
    case 'not':
      return !matchesQuery(node.item, tweet, store)
    case 'phrase':
      return containsSequence(tweet.tokens, node.tokens)
    case 'mention':
      return tweet.mentionedUsernames.includes(node.username)
    case 'hashtag':
      return tweet.entities.hashtags.some((h) => h.tag.toLowerCase() === node.tag)
    case 'from':
      return tweet.author.toLowerCase() === node.username
    case 'to': {
      if (!tweet.inReplyToUserId) return false
      return store.userById(tweet.inReplyToUserId)?.username.toLowerCase() === node.username
    }
    case 'is':
      if (node.what === 'retweet') return tweet.retweetOfId !== undefined
      if (node.what === 'reply') return tweet.inReplyToTweetId !== undefined
      if (node.what === 'quote') return tweet.quoteTweetId !== undefined
      return false
    case 'has':
      if (node.what === 'links') return tweet.entities.urls.length > 0
      if (node.what === 'mentions') return tweet.entities.mentions.length > 0
      if (node.what === 'hashtags') return tweet.entities.hashtags.length > 0
      return false
    case 'lang':
      return tweet.lang === node.code
    case 'conversation':
      return tweet.conversationId === node.id
  }
}
