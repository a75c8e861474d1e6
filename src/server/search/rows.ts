// The search rows of grievances (migration 22): one row per grievance beside the document,
// holding what the staff search filters on and shows, and the grievance's folded words in
// a text[] under a GIN index. A search is then an index lookup per word, never a read of
// JSON documents: the words are folded once per write, with the normaliser the desk's
// search box uses (src/shared/search.ts), so Hindi and English match as they do there.
// Written in the same transaction as every grievance insert and save (src/server/grievances.ts).
// Since migration 23 the array also holds each word's beginnings (indexedPrefixesOf), so a
// word prefix is found by the same GIN lookup as a whole word.
import type { Grievance } from '../../shared/grievance'
import { excerptOf, indexedPrefixesOf } from '../../shared/grievance-search'
import { searchableParts, searchKeysOnce } from '../../shared/search'
import { transpose, type Queryable, type SqlScalar } from '../db/database'

/** Every distinct folded word of the grievance: ticket, citizen, source tweet, thread. */
export function searchWordsOf(g: Grievance): string[] {
  const { names, texts } = searchableParts(g)
  return [...new Set(searchKeysOnce(names, texts))]
}

/**
 * What a row's words hold: 1, whole words (migration 22); 2, whole words and their
 * beginnings. Rows of an older version are made again by backfillSearchRows (migration
 * 23's partial index `grievance_search_stale` finds them; a version 3 needs its own).
 */
export const WORDS_VERSION = 2

/** The row's words: every folded word and its indexed beginnings, each once. */
export function searchKeysOf(words: readonly string[]): string[] {
  const keys = new Set<string>()
  for (const word of words) for (const key of indexedPrefixesOf(word)) keys.add(key)
  return [...keys]
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
    JSON.stringify(searchKeysOf(searchWordsOf(g))),
  ]
}

/**
 * Upserts the search rows of these grievances (one statement, whatever their number).
 * `keepStored`: a row already there of the current words version wins (the backfill's
 * copy may be older than a save's); an older version's row is replaced.
 */
export async function recordSearchRows(
  tx: Queryable,
  grievances: readonly Grievance[],
  opts: { keepStored?: boolean } = {},
): Promise<void> {
  if (grievances.length === 0) return
  await tx.query(
    `INSERT INTO grievance_search (grievance_id, ticket, division, assignee, status, opened_at, excerpt, words, words_version)
     SELECT u.id, u.ticket, u.division, u.assignee, u.status, u.opened_at, u.excerpt,
       ARRAY(SELECT jsonb_array_elements_text(u.words)), ${WORDS_VERSION}
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::jsonb[])
       AS u(id, ticket, division, assignee, status, opened_at, excerpt, words)
     ON CONFLICT (grievance_id) DO UPDATE SET ticket = EXCLUDED.ticket, division = EXCLUDED.division,
       assignee = EXCLUDED.assignee, status = EXCLUDED.status, opened_at = EXCLUDED.opened_at,
       excerpt = EXCLUDED.excerpt, words = EXCLUDED.words, words_version = EXCLUDED.words_version
     ${opts.keepStored ? `WHERE grievance_search.words_version < ${WORDS_VERSION}` : ''}`,
    transpose(grievances.map(rowOf), 8),
  )
}

const BACKFILL_BATCH = 500

export interface BackfillOptions {
  /** Grievances per statement. */
  batch?: number
  /** Checked between batches: a server shutting down (or deposed) stops here; the next start resumes. */
  stopped?: () => boolean
  /** A stored document the folding cannot read: skipped (and told), so one bad row never stops the rows after it. */
  onUnreadable?: (grievanceId: string, error: unknown) => void
}

/**
 * Makes the search rows of grievances stored before migration 22 and makes again those
 * of an older words version (the folding is TypeScript, so SQL alone cannot): in id
 * order, a batch per statement, resumable (a restart picks up where the rows stop) and
 * idempotent (a row a save wrote meanwhile is kept). Resolves to how many it made.
 */
export async function backfillSearchRows(db: Queryable, opts: BackfillOptions = {}): Promise<number> {
  const batch = opts.batch ?? BACKFILL_BATCH
  const missing = `SELECT g.id, g.doc FROM grievances g
     WHERE g.id > $1 AND NOT EXISTS (SELECT 1 FROM grievance_search s WHERE s.grievance_id = g.id)
     ORDER BY g.id LIMIT $2`
  const stale = `SELECT g.id, g.doc FROM grievance_search s JOIN grievances g ON g.id = s.grievance_id
     WHERE s.grievance_id > $1 AND s.words_version < ${WORDS_VERSION}
     ORDER BY s.grievance_id LIMIT $2`
  let made = 0
  for (const pass of [missing, stale]) {
    let after = ''
    for (;;) {
      if (opts.stopped?.()) return made
      const rows = await db.query<{ doc: Grievance; id: string }>(pass, [after, batch])
      if (rows.length === 0) break
      const readable = rows.filter((r) => {
        try {
          rowOf(r.doc)
          return true
        } catch (error) {
          opts.onUnreadable?.(r.id, error)
          return false
        }
      })
      await recordSearchRows(
        db,
        readable.map((r) => r.doc),
        { keepStored: true },
      )
      made += readable.length
      after = rows[rows.length - 1]!.id
    }
  }
  return made
}
