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
