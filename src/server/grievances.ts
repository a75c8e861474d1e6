// Grievance persistence: the full document lives in `doc` (JSONB) with the columns we
// query on mirrored beside it; every write records a change with its sequence number.
import { Grievance } from '../shared/grievance'
import { CHANGES_CHANNEL, type Queryable } from './db/database'

interface GrievanceRow {
  [key: string]: unknown
  doc: Grievance
}

export async function loadGrievance(tx: Queryable, id: string, forUpdate = false): Promise<Grievance | null> {
  const [row] = await tx.query<GrievanceRow>(
    `SELECT doc FROM grievances WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  )
  return row ? row.doc : null
}

export async function loadGrievances(tx: Queryable, ids: readonly string[]): Promise<Map<string, Grievance>> {
  if (ids.length === 0) return new Map()
  const rows = await tx.query<GrievanceRow>(
    `SELECT doc FROM grievances WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(ids)],
  )
  return new Map(rows.map((r) => [r.doc.id, r.doc]))
}

function columns(g: Grievance): (string | number | null)[] {
  return [
    g.id,
    g.ticket,
    g.source.tweetId,
    g.source.conversationId,
    g.source.authorId,
    g.division,
    g.assignee,
    g.status,
    g.priority,
    g.source.language,
    g.slaDueAt,
    g.version,
    JSON.stringify(g),
    g.createdAt,
    g.updatedAt,
  ]
}

/** Inserts a new grievance and records its first change. Returns the change seq. */
export async function insertGrievance(tx: Queryable, g: Grievance): Promise<number> {
  await tx.query(
    `INSERT INTO grievances (id, ticket, source_tweet_id, conversation_id, author_id, division, assignee,
       status, priority, language, sla_due_at, version, doc, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13::jsonb,$14,$15)`,
    columns(Grievance.parse(g)),
  )
  return recordChange(tx, g, null)
}

/**
 * Stores a new state of a grievance: bumps nothing itself (the caller sets version and
 * updatedAt) but records the change, with where it was before, for scoped feeds.
 */
export async function saveGrievance(tx: Queryable, before: Grievance, after: Grievance): Promise<number> {
  const g = Grievance.parse(after)
  await tx.query(
    `UPDATE grievances SET division=$2, assignee=$3, status=$4, priority=$5, language=$6,
       sla_due_at=$7, version=$8, doc=$9::jsonb, updated_at=$10
     WHERE id=$1`,
    [g.id, g.division, g.assignee, g.status, g.priority, g.source.language, g.slaDueAt, g.version, JSON.stringify(g), g.updatedAt],
  )
  return recordChange(tx, after, before)
}

async function recordChange(tx: Queryable, g: Grievance, before: Grievance | null): Promise<number> {
  // The NOTIFY is part of the transaction: delivered to every instance's listener at
  // commit, never for a rolled-back change; one statement, so no extra round trip.
  const [row] = await tx.query<{ seq: number }>(
    `WITH c AS (
       INSERT INTO changes (grievance_id, division, assignee, prev_division, prev_assignee)
       VALUES ($1,$2,$3,$4,$5) RETURNING seq)
     SELECT seq, pg_notify('${CHANGES_CHANNEL}', seq::text) FROM c`,
    [g.id, g.division, g.assignee, before?.division ?? null, before?.assignee ?? null],
  )
  return Number(row!.seq)
}

/** A copy of the grievance one version on, stamped now. */
export function nextVersion(g: Grievance, now: Date = new Date()): Grievance {
  return { ...g, version: g.version + 1, updatedAt: now.toISOString(), thread: [...g.thread] }
}

export async function currentSeq(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM changes')
  return Number(row?.seq ?? 0)
}
