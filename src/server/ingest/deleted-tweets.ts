// A citizen deleting a tweet must not make the complaint disappear: the grievance keeps
// its text and history, its source (or the thread entry) is flagged deleted, and a
// system entry tells the officer, so nobody replies to a tweet that is gone unawares.
import { writeTransaction } from '../db/database'
import { loadGrievance, nextVersion, saveGrievance } from '../grievances'
import type { ServerContext } from '../context'
import { serverEntryId } from '../entry-ids'

/** Marks the tweet deleted wherever we hold it; returns the change seq, or null if nothing changed. */
export async function markTweetDeleted(
  ctx: ServerContext,
  tweetId: string,
  now: Date = new Date(),
): Promise<number | null> {
  const seq = await writeTransaction(ctx.db, async (tx) => {
    await tx.query(
      `INSERT INTO seen_tweets (tweet_id, first_source, deleted_at) VALUES ($1, 'deletion', $2)
       ON CONFLICT (tweet_id) DO UPDATE SET deleted_at = COALESCE(seen_tweets.deleted_at, EXCLUDED.deleted_at)`,
      [tweetId, now],
    )
    const [row] = await tx.query<{ id: string }>(
      `SELECT id FROM grievances WHERE source_tweet_id = $1
       UNION ALL SELECT grievance_id AS id FROM grievance_tweets WHERE tweet_id = $1 LIMIT 1`,
      [tweetId],
    )
    if (!row) return null
    const before = await loadGrievance(tx, row.id, true)
    if (!before) return null
    const isSource = before.source.tweetId === tweetId
    const entry = before.thread.find((e) => e.kind === 'citizen' && e.tweetId === tweetId)
    if ((isSource && before.source.deleted) || (!isSource && (!entry || entry.deleted))) return null
    const after = nextVersion(before, now)
    if (isSource) after.source = { ...after.source, deleted: true, deletedAt: now.toISOString() }
    after.thread = after.thread.map((e) =>
      e.kind === 'citizen' && e.tweetId === tweetId ? { ...e, deleted: true } : e,
    )
    after.thread.push({
      id: serverEntryId('system'),
      kind: 'system',
      text: isSource
        ? `The citizen deleted the original tweet (${tweetId}) on X. The grievance and its text are kept.`
        : `The citizen deleted a follow-up tweet (${tweetId}) on X. Its text is kept here.`,
      at: now.toISOString(),
    })
    return saveGrievance(tx, before, after)
  })
  if (seq !== null) ctx.changes.notify(seq)
  return seq
}
