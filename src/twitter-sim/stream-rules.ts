// Filtered-stream rules: validated with the same query parser as search, matched
// against every new tweet.

import { SnowflakeIds } from './ids'
import { matchesQuery, parseQuery, QueryError, type QueryNode } from './query'
import type { SimStore, Tweet } from './store'

export interface StreamRule {
  id: string
  value: string
  tag?: string
  node: QueryNode
}

export const MAX_RULE_LENGTH = 512

export class StreamRules {
  private readonly rules = new Map<string, StreamRule>()
  private readonly ids: SnowflakeIds

  constructor(
    now: () => number,
    readonly maxRules = 1000,
  ) {
    this.ids = new SnowflakeIds(now)
  }

  list(): StreamRule[] {
    return [...this.rules.values()]
  }

  get size(): number {
    return this.rules.size
  }

  byValue(value: string): StreamRule | undefined {
    for (const rule of this.rules.values()) if (rule.value === value) return rule
    return undefined
  }

  /** Parses a rule value; returns the error text X would give, or the parsed node. */
  validate(value: string): QueryNode | string {
    try {
      return parseQuery(value, MAX_RULE_LENGTH)
    } catch (err) {
      if (err instanceof QueryError) return err.message
      throw err
    }
  }

  add(value: string, node: QueryNode, tag?: string): StreamRule {
    const rule: StreamRule = { id: this.ids.next(), value, node }
    if (tag !== undefined) rule.tag = tag
    this.rules.set(rule.id, rule)
    return rule
  }

  delete(id: string): boolean {
    return this.rules.delete(id)
  }

  clear(): void {
    this.rules.clear()
  }

  matching(tweet: Tweet, store: SimStore): StreamRule[] {
    const out: StreamRule[] = []
    for (const rule of this.rules.values()) if (matchesQuery(rule.node, tweet, store)) out.push(rule)
    return out
  }
}
