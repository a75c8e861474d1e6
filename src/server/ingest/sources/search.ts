// Recent search for the keyword rules: complaints that do not mention our handles.
// Each packed query (see keyword-queries.ts) keeps its own since_id, so adding a rule
// changes one query's cursor, not all; a query seen for the first time starts from the
// newest point any query has reached, or looks back a little, never a week of history.
import { createHash } from 'node:crypto'
import type { TweetV2, UserV2 } from 'twitter-api-v2'
import type { KeywordRule } from '../../../shared/org'
import { buildSearchQueries, type KeywordQuery } from '../keyword-queries'
import { TWEET_EXPANSIONS, TWEET_FIELDS, USER_FIELDS, compareIds, maxId } from '../tweets'
import { advanceCursor, readCursor, type PassResult, type PollingSource, type SourceKit } from './source'

export const SEARCH_ENDPOINT = 'GET /2/tweets/search/recent'

export function queryKey(query: string): string {
  return createHash('sha256').update(query).digest('hex').slice(0, 24)
}

export interface SearchPages {
  tweets: TweetV2[]
  users: UserV2[]
  complete: boolean
}

/** Every page of a recent search newer than sinceId (or since startTime), paced and counted. */
export async function searchAllPages(
  kit: SourceKit,
  query: string,
  from: { sinceId: string } | { startTime: string },
): Promise<SearchPages> {
  await kit.turn(SEARCH_ENDPOINT)
  const paginator = await kit.x.v2.search(query, {
    ...('sinceId' in from ? { since_id: from.sinceId } : { start_time: from.startTime }),
    max_results: 100,
    expansions: [...TWEET_EXPANSIONS],
    'tweet.fields': [...TWEET_FIELDS],
    'user.fields': [...USER_FIELDS],
  })
  let counted = paginator.tweets.length
  await kit.countRead(counted)
  for (let page = 1; !paginator.done && page < kit.tuning.maxPagesPerQuery; page++) {
    await kit.turn(SEARCH_ENDPOINT)
    await paginator.fetchNext()
    await kit.countRead(paginator.tweets.length - counted)
    counted = paginator.tweets.length
  }
  return { tweets: [...paginator.tweets], users: paginator.includes.users ?? [], complete: paginator.done }
}

export class SearchSource implements PollingSource {
  readonly name = 'search' as const
  readonly kind = 'polling' as const
  queries: KeywordQuery[]

  constructor(
    rules: readonly KeywordRule[],
    ownHandles: readonly string[],
    readonly intervalMs: number,
  ) {
    this.queries = buildSearchQueries(rules, ownHandles)
  }

  /**
   * A new config version's queries, for the next pass. Cursors are per query (queryKey), so
   * an unchanged query keeps its since_id and a new one starts as any first-seen query does.
   * Returns whether anything changed.
   */
  updateRules(rules: readonly KeywordRule[], ownHandles: readonly string[]): boolean {
    const next = buildSearchQueries(rules, ownHandles)
    if (sameQueries(next, this.queries)) return false
    this.queries = next
    return true
  }

  async poll(kit: SourceKit): Promise<PassResult> {
    let created = 0
    for (const query of this.queries) created += await this.runQuery(kit, query)
    return { created }
  }

  async cursor({ ctx }: Pick<SourceKit, 'ctx'>): Promise<string | undefined> {
    return (
      (await newestSearchCursor(
        ctx.db,
        this.queries.map((q) => queryKey(q.value)),
      )) ?? undefined
    )
  }

  private async runQuery(kit: SourceKit, query: KeywordQuery): Promise<number> {
    const key = queryKey(query.value)
    const sinceId = (await readCursor(kit.ctx.db, 'search', key)) ?? (await newestSearchCursor(kit.ctx.db))
    const from = sinceId ? { sinceId } : { startTime: new Date(Date.now() - kit.tuning.searchLookbackMs).toISOString() }
    const pages = await searchAllPages(kit, query.value, from)
    if (!pages.complete) {
      // Newest first and cut short: advancing past the unread older pages would lose them.
      kit.ctx.log(`[ingest] search: more new tweets than one pass reads for one query; reading the rest next pass`)
    }
    const tally = await kit.ingest(pages.tweets, pages.users, {
      via: () => ({ kind: 'search' }),
      advance: async (tx, newestId) => {
        if (pages.complete) await advanceCursor(tx, 'search', key, newestId)
      },
    })
    if (!pages.complete && !sinceId) {
      // First pass of a query that found a lot: start the next one from the oldest we read.
      const oldest = pages.tweets.reduce<string | null>(
        (min, t) => (!min || compareIds(t.id, min) < 0 ? t.id : min),
        null,
      )
      if (oldest) await advanceCursor(kit.ctx.db, 'search', key, oldest)
    }
    return tally.created
  }
}

function sameQueries(a: readonly KeywordQuery[], b: readonly KeywordQuery[]): boolean {
  return (
    a.length === b.length && a.every((q, i) => q.value === b[i]!.value && q.ruleIds.join() === b[i]!.ruleIds.join())
  )
}

async function newestSearchCursor(db: SourceKit['ctx']['db'], keys?: string[]): Promise<string | null> {
  const rows = await db.query<{ key: string; cursor: string }>(
    `SELECT key, cursor FROM ingest_source_cursors WHERE source = 'search'`,
  )
  let newest: string | null = null
  for (const row of rows) if (!keys || keys.includes(row.key)) newest = maxId(newest, row.cursor)
  return newest
}
