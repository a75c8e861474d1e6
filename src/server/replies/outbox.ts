// The replies outbox: one row per reply to post, keyed on its thread entry id.
import type { Queryable } from '../db/database'

/** Queues a reply; afterEntryId chains thread parts (a part waits for its predecessor). */
export async function queueReply(
  tx: Queryable,
  reply: { grievanceId: string; entryId: string; text: string; afterEntryId?: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO reply_outbox (entry_id, grievance_id, text, after_entry_id, state)
     VALUES ($1, $2, $3, $4, 'pending') ON CONFLICT (entry_id) DO NOTHING`,
    [reply.entryId, reply.grievanceId, reply.text, reply.afterEntryId ?? null],
  )
}

/**
 * Queues many replies in one statement (an ingest batch's acknowledgements). `automatic`
 * marks texts no person wrote: they go after people's replies (see worker.ts).
 */
export async function queueReplies(
  tx: Queryable,
  replies: readonly { grievanceId: string; entryId: string; text: string; afterEntryId?: string }[],
  opts: { automatic?: boolean } = {},
): Promise<void> {
  if (replies.length === 0) return
  await tx.query(
    `INSERT INTO reply_outbox (entry_id, grievance_id, text, after_entry_id, state, automatic)
     SELECT e, g, t, a, 'pending', $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS r(e, g, t, a)
     ON CONFLICT (entry_id) DO NOTHING`,
    [
      replies.map((r) => r.entryId),
      replies.map((r) => r.grievanceId),
      replies.map((r) => r.text),
      replies.map((r) => r.afterEntryId ?? null),
      opts.automatic ?? false,
    ],
  )
}
