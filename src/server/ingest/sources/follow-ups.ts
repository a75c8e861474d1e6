// Conversation follow-ups: a citizen writing again in the thread of a grievance without
// mentioning us (a reply to their own tweet, say). Recent search by conversation and
// author, for grievances still open or closed within the search window; a tweet found
// this way only ever joins its grievance (and reopens it when resolved), never starts
// a new one. Also notices, now and then, that a grievance's tweet was deleted on X.
import type { ServerContext } from '../../context'
import { markTweetDeleted } from '../deleted-tweets'
import { MAX_QUERY_LENGTH } from '../keyword-queries'
import { compareIds } from '../tweets'
import { searchAllPages } from './search'
import type { PassResult, PollingSource, SourceKit } from './source'

export const TWEET_LOOKUP_ENDPOINT = 'GET /2/tweets'
const MAX_CONVERSATIONS_PER_PASS = 500
const LOOKUP_BATCH = 100

export interface FollowedConversation {
  conversationId: string
  author: string
  /** The newest tweet of the thread we already have: the search starts after it. */
  latestTweetId: string
}

/** `(conversation_id:1 from:a) OR (conversation_id:2 from:b) -is:retweet`, each within maxLength. */
export function buildFollowUpQueries(
  conversations: readonly FollowedConversation[],
  maxLength = MAX_QUERY_LENGTH,
): { value: string; sinceId: string }[] {
  const sorted = [...conversations].sort((a, b) => compareIds(a.latestTweetId, b.latestTweetId))
  const out: { value: string; sinceId: string }[] = []
  let clauses: string[] = []
  let sinceId: string | null = null
  const render = (list: string[]): string => `${list.join(' OR ')} -is:retweet`
  for (const c of sorted) {
    const clause = `(conversation_id:${c.conversationId} from:${c.author})`
    if (clauses.length > 0 && render([...clauses, clause]).length > maxLength) {
      out.push({ value: render(clauses), sinceId: sinceId! })
      clauses = []
      sinceId = null
    }
    clauses.push(clause)
    // Sorted ascending, so the first of a chunk has the smallest "latest": nothing after it is skipped.
    sinceId ??= c.latestTweetId
  }
  if (clauses.length > 0) out.push({ value: render(clauses), sinceId: sinceId! })
  return out
}

interface ConversationRow {
  [key: string]: unknown
  conversation_id: string
  author: string
  latest: string | null
  source_id: string
}

async function followedConversations(ctx: ServerContext, windowDays: number): Promise<FollowedConversation[]> {
  const rows = await ctx.db.query<ConversationRow>(
    `SELECT conversation_id, doc->'source'->>'authorUsername' AS author, source_tweet_id AS source_id,
       (SELECT max((e->>'tweetId')::numeric) FROM jsonb_array_elements(doc->'thread') e
         WHERE e->>'tweetId' ~ '^[0-9]+$')::text AS latest
     FROM grievances
     WHERE status NOT IN ('closed', 'rejected') OR updated_at > now() - ($1 || ' days')::interval
     ORDER BY updated_at DESC LIMIT $2`,
    [String(windowDays), MAX_CONVERSATIONS_PER_PASS],
  )
  const seen = new Set<string>()
  const out: FollowedConversation[] = []
  for (const row of rows) {
    if (!/^\w{1,15}$/.test(row.author) || seen.has(row.conversation_id)) continue
    seen.add(row.conversation_id)
    out.push({ conversationId: row.conversation_id, author: row.author, latestTweetId: row.latest ?? row.source_id })
  }
  return out
}

export class FollowUpsSource implements PollingSource {
  readonly name = 'follow-ups' as const
  readonly kind = 'polling' as const
  private lastDeletionCheck = 0

  constructor(readonly intervalMs: number) {}

  async poll(kit: SourceKit): Promise<PassResult> {
    const conversations = await followedConversations(kit.ctx, kit.tuning.followUpWindowDays)
    for (const query of buildFollowUpQueries(conversations)) {
      const pages = await searchAllPages(kit, query.value, { sinceId: query.sinceId })
      await kit.ingest(pages.tweets, pages.users, { via: () => ({ kind: 'follow-up' }), joinOnly: true })
    }
    if (Date.now() - this.lastDeletionCheck >= kit.tuning.deletionCheckIntervalMs) {
      await this.checkDeletions(kit)
      this.lastDeletionCheck = Date.now()
    }
    // Follow-ups join existing grievances: they never create one.
    return { created: 0 }
  }

  async cursor(): Promise<string | undefined> {
    return this.lastDeletionCheck > 0
      ? `deletions checked ${new Date(this.lastDeletionCheck).toISOString()}`
      : undefined
  }

  /** Looks up open grievances' source tweets; the ones X no longer has are marked deleted. */
  async checkDeletions(kit: SourceKit): Promise<number> {
    const rows = await kit.ctx.db.query<{ source_tweet_id: string }>(
      `SELECT source_tweet_id FROM grievances
       WHERE status NOT IN ('closed', 'rejected', 'resolved') AND COALESCE((doc->'source'->>'deleted')::boolean, false) = false
       ORDER BY created_at DESC LIMIT 1000`,
    )
    let marked = 0
    for (let i = 0; i < rows.length; i += LOOKUP_BATCH) {
      const ids = rows.slice(i, i + LOOKUP_BATCH).map((r) => r.source_tweet_id)
      await kit.turn(TWEET_LOOKUP_ENDPOINT)
      const result = await kit.x.v2.tweets(ids, { 'tweet.fields': ['id'] })
      await kit.countRead(result.data?.length ?? 0)
      for (const error of result.errors ?? []) {
        const missing = error as { resource_type?: string; resource_id?: string; value?: string; type?: string }
        const id = missing.resource_id ?? missing.value
        if (
          missing.resource_type === 'tweet' &&
          id &&
          /not-found/.test(missing.type ?? 'not-found') &&
          ids.includes(id)
        ) {
          if ((await markTweetDeleted(kit.ctx, id)) !== null) marked++
        }
      }
    }
    return marked
  }
}
