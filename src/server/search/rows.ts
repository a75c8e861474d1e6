// The search rows of grievances (migration 22): one row per grievance beside the document,
// holding what the staff search filters on and shows, and the grievance's folded words in
// a text[] under a GIN index. A search is then an index lookup per word, never a read of
// JSON documents: the words are folded once per write, with the normaliser the desk's
// search box uses (src/shared/search.ts), so Hindi and English match as they do there.
// Written in the same transaction as every grievance insert and save (src/server/grievances.ts).
import type { Grievance } from '../../shared/grievance'
import { excerptOf } from '../../shared/grievance-search'
import { searchHaystack } from '../../shared/search'
import { transpose, type Queryable, type SqlScalar } from '../db/database'

/** Every distinct folded word of the grievance: ticket, citizen, source tweet, thread. */
export function searchWordsOf(g: Grievance): string[] {
  const haystack = searchHaystack(
    [g.ticket, g.source.authorUsername, g.source.authorName ?? ''],
    [g.source.text, ...g.thread.map((entry) => entry.text)],
  )
  return [...new Set(haystack.split(' ').filter((word) => word.length > 0))]
}

function rowOf(g: Grievance): SqlScalar[] {
  return [
    g.id,
    g.ticket,
    g.division,
    g.assignee,
    g.status,
    g.createdAt,
    excerptOf(g.source.text),
    // A text[] travels as its literal (unnest takes text[][] badly); JSON keeps it exact.
    JSON.stringify(searchWordsOf(g)),
  ]
}

/**
 * Upserts the search rows of these grievances (one statement, whatever their number).
 * `keepStored`: a row already there wins (the backfill's copy may be older than a save's).
 */
export async function recordSearchRows(
  tx: Queryable,
  grievances: readonly Grievance[],
  opts: { keepStored?: boolean } = {},
): Promise<void> {
  if (grievances.length === 0) return
  await tx.query(
    `INSERT INTO grievance_search (grievance_id, ticket, division, assignee, status, opened_at, excerpt, words)
     SELECT u.id, u.ticket, u.division, u.assignee, u.status, u.opened_at, u.excerpt,
       ARRAY(SELECT jsonb_array_elements_text(u.words))
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::jsonb[])
       AS u(id, ticket, division, assignee, status, opened_at, excerpt, words)
     ON CONFLICT (grievance_id) DO ${
       opts.keepStored
         ? 'NOTHING'
         : `UPDATE SET ticket = EXCLUDED.ticket, division = EXCLUDED.division,
       assignee = EXCLUDED.assignee, status = EXCLUDED.status, opened_at = EXCLUDED.opened_at,
       excerpt = EXCLUDED.excerpt, words = EXCLUDED.words`
     }`,
    transpose(grievances.map(rowOf), 8),
  )
}

const BACKFILL_BATCH = 500

/**
 * Makes the search rows of grievances stored before migration 22 (the folding is
 * TypeScript, so SQL alone cannot): in id order, a batch per statement, resumable (a
 * restart picks up where the rows stop). Resolves to how many it made.
 */
export async function backfillSearchRows(db: Queryable, batch = BACKFILL_BATCH): Promise<number> {
  let after = ''
  let made = 0
  for (;;) {
    const rows = await db.query<{ doc: Grievance; id: string }>(
      `SELECT g.id, g.doc FROM grievances g
       WHERE g.id > $1 AND NOT EXISTS (SELECT 1 FROM grievance_search s WHERE s.grievance_id = g.id)
       ORDER BY g.id LIMIT $2`,
      [after, batch],
    )
    if (rows.length === 0) return made
    await recordSearchRows(
      db,
      rows.map((r) => r.doc),
      { keepStored: true },
    )
    made += rows.length
    after = rows[rows.length - 1]!.id
  }
}
