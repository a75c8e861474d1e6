// Mentions of each organisation handle (GET /2/users/:id/mentions): the primary source.
// All new pages of a handle are fetched first, then ingested oldest first, each tweet
// chunk committed together with the advanced since_id: a crash loses nothing (the cursor never
// passes an uncommitted tweet) and duplicates nothing (a tweet is claimed once).
import type { TweetV2, UserV2 } from 'twitter-api-v2'
import { TWEET_EXPANSIONS, TWEET_FIELDS, USER_FIELDS, compareIds } from '../tweets'
import { readCursor, type PassResult, type PollingSource, type SourceKit } from './source'

export const MENTIONS_ENDPOINT = 'GET /2/users/:id/mentions'
export const USER_LOOKUP_ENDPOINT = 'GET /2/users/by/username/:username'

interface CursorRow {
  [key: string]: unknown
  handle: string
  user_id: string | null
  since_id: string | null
}

export class MentionsSource implements PollingSource {
  readonly name = 'mentions' as const
  readonly kind = 'polling' as const

  constructor(readonly intervalMs: number) {}

  async poll(kit: SourceKit): Promise<PassResult> {
    await this.resolveHandles(kit)
    const cursors = await kit.ctx.db.query<CursorRow>(
      'SELECT handle, user_id, since_id FROM ingest_cursors ORDER BY handle',
    )
    let created = 0
    for (const cursor of cursors) {
      if (!cursor.user_id) continue
      created += await this.pollHandle(kit, cursor.handle, cursor.user_id, cursor.since_id)
    }
    return { created }
  }

  async cursor({ ctx }: Pick<SourceKit, 'ctx'>): Promise<string | undefined> {
    const rows = await ctx.db.query<{ handle: string; since_id: string | null }>(
      'SELECT handle, since_id FROM ingest_cursors ORDER BY handle',
    )
    const parts = rows.filter((r) => r.since_id).map((r) => `@${r.handle}>${r.since_id}`)
    return parts.length > 0 ? parts.join(' ') : undefined
  }

  /** Looks up the user ids of handles not resolved yet. */
  private async resolveHandles(kit: SourceKit): Promise<void> {
    const { ctx } = kit
    const known = await ctx.db.query<CursorRow>('SELECT handle, user_id FROM ingest_cursors WHERE user_id IS NOT NULL')
    const resolved = new Set(known.map((r) => r.handle.toLowerCase()))
    for (const { username } of ctx.config.current().org.handles) {
      if (resolved.has(username.toLowerCase())) continue
      await kit.turn(USER_LOOKUP_ENDPOINT)
      const result = await kit.x.v2.userByUsername(username)
      if (!result.data) {
        ctx.log(`[ingest] handle @${username} not found: ${result.errors?.[0]?.detail ?? 'no such user'}`)
        continue
      }
      await ctx.db.query(
        `INSERT INTO ingest_cursors (handle, user_id) VALUES ($1, $2)
         ON CONFLICT (handle) DO UPDATE SET user_id = EXCLUDED.user_id`,
        [username, result.data.id],
      )
    }
  }

  private async pollHandle(kit: SourceKit, handle: string, userId: string, sinceId: string | null): Promise<number> {
    const created = await this.fillGap(kit, handle, userId)
    const { tweets, users, oldestId, complete } = await fetchMentions(kit, userId, sinceId, null)
    // More new mentions than one pass reads: remember the unread range below what we got.
    if (!complete && oldestId) await this.saveGap(kit, handle, sinceId, oldestId)
    const fresh = sinceId ? tweets.filter((t) => compareIds(t.id, sinceId) > 0) : tweets
    const tally = await kit.ingest(fresh, users, {
      viaHandle: handle,
      via: () => ({ kind: 'mention', handle }),
      advance: async (tx, newestId) => {
        await tx.query(
          `UPDATE ingest_cursors SET since_id = $2, updated_at = now()
           WHERE handle = $1 AND (since_id IS NULL OR since_id::numeric < $2::numeric)`,
          [handle, newestId],
        )
      },
    })
    return created + tally.created
  }

  /** Reads (part of) a range left unread by an earlier pass, newest first, shrinking it. */
  private async fillGap(kit: SourceKit, handle: string, userId: string): Promise<number> {
    const gap = await readCursor(kit.ctx.db, 'mentions', `gap:${handle}`)
    if (!gap) return 0
    const [since, until] = gap.split('..')
    if (!until) return 0
    const { tweets, users, oldestId, complete } = await fetchMentions(kit, userId, since || null, until)
    const tally = await kit.ingest(tweets, users, { viaHandle: handle, via: () => ({ kind: 'mention', handle }) })
    if (complete || !oldestId)
      await kit.ctx.db.query(`DELETE FROM ingest_source_cursors WHERE source = 'mentions' AND key = $1`, [
        `gap:${handle}`,
      ])
    else await this.saveGap(kit, handle, since || null, oldestId)
    return tally.created
  }

  private async saveGap(kit: SourceKit, handle: string, since: string | null, until: string): Promise<void> {
    await kit.ctx.db.query(
      `INSERT INTO ingest_source_cursors (source, key, cursor) VALUES ('mentions', $1, $2)
       ON CONFLICT (source, key) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = now()`,
      [`gap:${handle}`, `${since ?? ''}..${until}`],
    )
  }
}

interface MentionPages {
  tweets: TweetV2[]
  users: UserV2[]
  oldestId: string | null
  /** False when the page limit stopped us before the oldest page. */
  complete: boolean
}

/** Mention pages in (sinceId, untilId), newest first and bounded, every page paced and counted. */
async function fetchMentions(
  kit: SourceKit,
  userId: string,
  sinceId: string | null,
  untilId: string | null,
): Promise<MentionPages> {
  await kit.turn(MENTIONS_ENDPOINT)
  const paginator = await kit.x.v2.userMentionTimeline(userId, {
    ...(sinceId ? { since_id: sinceId } : {}),
    ...(untilId ? { until_id: untilId } : {}),
    max_results: 100,
    expansions: [...TWEET_EXPANSIONS],
    'tweet.fields': [...TWEET_FIELDS],
    'user.fields': [...USER_FIELDS],
  })
  let counted = paginator.tweets.length
  await kit.countRead(counted)
  for (let page = 1; !paginator.done && page < kit.tuning.maxPagesPerQuery * 2; page++) {
    await kit.turn(MENTIONS_ENDPOINT)
    await paginator.fetchNext()
    await kit.countRead(paginator.tweets.length - counted)
    counted = paginator.tweets.length
  }
  const tweets = [...paginator.tweets]
  let oldestId: string | null = null
  for (const t of tweets) if (!oldestId || compareIds(t.id, oldestId) < 0) oldestId = t.id
  return { tweets, users: paginator.includes.users ?? [], oldestId, complete: paginator.done }
}
