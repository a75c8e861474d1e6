// Grievance persistence: the full document lives in `doc` (JSONB) with the columns we
// query on mirrored beside it (sla_state and next_sla_check_at from g.sla, for the SLA
// loop and the monitor); every write records a change with its sequence number.
import { Grievance } from '../shared/grievance'
import { CHANGES_CHANNEL, transpose, type Queryable, type SqlScalar } from './db/database'
import { recordGrievanceFacts } from './reports/facts'
import { recordSearchRows } from './search/rows'

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
    g.sla?.state ?? null,
    g.sla?.nextCheckAt ?? null,
  ]
}

/** Inserts a new grievance and records its first change. Returns the change seq. */
export async function insertGrievance(tx: Queryable, g: Grievance): Promise<number> {
  const parsed = Grievance.parse(g)
  await tx.query(
    `INSERT INTO grievances (id, ticket, source_tweet_id, conversation_id, author_id, division, assignee,
       status, priority, language, sla_due_at, version, doc, created_at, updated_at, sla_state, next_sla_check_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13::jsonb,$14,$15,$16,$17)`,
    columns(parsed),
  )
  // The reports' facts and the search row commit (or roll back) with the grievance itself.
  await recordGrievanceFacts(tx, [parsed])
  await recordSearchRows(tx, [parsed])
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
       sla_due_at=$7, version=$8, doc=$9::jsonb, updated_at=$10, sla_state=$11, next_sla_check_at=$12
     WHERE id=$1`,
    updateColumns(g),
  )
  await recordGrievanceFacts(tx, [g])
  await recordSearchRows(tx, [g])
  return recordChange(tx, after, before)
}

/** The mutable columns of a stored grievance, in the order both UPDATEs use. */
function updateColumns(g: Grievance): SqlScalar[] {
  return [
    g.id,
    g.division,
    g.assignee,
    g.status,
    g.priority,
    g.source.language,
    g.slaDueAt,
    g.version,
    JSON.stringify(g),
    g.updatedAt,
    g.sla?.state ?? null,
    g.sla?.nextCheckAt ?? null,
  ]
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

/** One grievance written by a batch: new (before null) or a new state of a stored one. */
export interface GrievanceWrite {
  before: Grievance | null
  after: Grievance
}

/**
 * The batch form of insertGrievance and saveGrievance: every new grievance in one INSERT,
 * every changed one in one UPDATE, one change row each in one INSERT, and one NOTIFY with
 * the newest seq. Returns the change seq of each grievance id.
 */
export async function writeGrievances(tx: Queryable, writes: readonly GrievanceWrite[]): Promise<Map<string, number>> {
  if (writes.length === 0) return new Map()
  const parsed = writes.map((w) => ({ before: w.before, after: Grievance.parse(w.after) }))
  const inserts = parsed.filter((w) => w.before === null).map((w) => columns(w.after))
  if (inserts.length > 0) {
    await tx.query(
      `INSERT INTO grievances (id, ticket, source_tweet_id, conversation_id, author_id, division, assignee,
         status, priority, language, sla_due_at, version, doc, created_at, updated_at, sla_state, next_sla_check_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::int[], $13::jsonb[], $14::timestamptz[], $15::timestamptz[],
         $16::text[], $17::timestamptz[])`,
      transpose(inserts, 17),
    )
  }
  const updates = parsed.filter((w) => w.before !== null).map(({ after: g }) => updateColumns(g))
  if (updates.length > 0) {
    await tx.query(
      `UPDATE grievances g SET division = u.division, assignee = u.assignee, status = u.status, priority = u.priority,
         language = u.language, sla_due_at = u.sla_due_at, version = u.version, doc = u.doc, updated_at = u.updated_at,
         sla_state = u.sla_state, next_sla_check_at = u.next_sla_check_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
         $8::int[], $9::jsonb[], $10::timestamptz[], $11::text[], $12::timestamptz[])
         AS u(id, division, assignee, status, priority, language, sla_due_at, version, doc, updated_at, sla_state,
           next_sla_check_at)
       WHERE g.id = u.id`,
      transpose(updates, 12),
    )
  }
  await recordGrievanceFacts(
    tx,
    parsed.map((w) => w.after),
  )
  await recordSearchRows(
    tx,
    parsed.map((w) => w.after),
  )
  const changeRows = parsed.map(({ before, after }) => [
    after.id,
    after.division,
    after.assignee,
    before?.division ?? null,
    before?.assignee ?? null,
  ])
  // As recordChange: the NOTIFY commits with the rows, but once, with the newest seq.
  const rows = await tx.query<{ seq: number; grievance_id: string }>(
    `WITH c AS (
       INSERT INTO changes (grievance_id, division, assignee, prev_division, prev_assignee)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       RETURNING seq, grievance_id)
     SELECT c.seq, c.grievance_id FROM c
     CROSS JOIN (SELECT pg_notify('${CHANGES_CHANNEL}', max(seq)::text) AS notified FROM c) n`,
    transpose(changeRows, 5),
  )
  return new Map(rows.map((r) => [r.grievance_id, Number(r.seq)]))
}

/** A copy of the grievance one version on, stamped now. */
export function nextVersion(g: Grievance, now: Date = new Date()): Grievance {
  return { ...g, version: g.version + 1, updatedAt: now.toISOString(), thread: [...g.thread] }
}

export async function currentSeq(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM changes')
  return Number(row?.seq ?? 0)
}
