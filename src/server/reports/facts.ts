// One row of facts per grievance, the only thing reports read: what a supervisor filters
// on and the instants the figures are made of. Written in the same transaction as every
// grievance insert and save (src/server/grievances.ts), so the reports never lag behind
// the queue and never read grievance documents per request.
import type { Grievance, ThreadEntry } from '../../shared/grievance'
import { reportDayOf } from '../../shared/reports'
import type { Queryable, SqlScalar } from '../db/database'
import { applyDeltaCtes } from './rollup'

/** A person's reply that is on X: not an acknowledgement (their ids are `ack:…`), not a note. */
export function isPublicPersonReply(e: ThreadEntry): boolean {
  return e.kind === 'reply' && e.post?.state === 'posted' && !e.id.startsWith('ack:')
}

/** When the citizen first heard from a person: the SLA record's, or the first posted reply's time. */
export function firstResponseAt(g: Grievance): string | null {
  // The SLA record (src/server/sla) knows best; grievances made before it have none.
  if (g.sla?.firstResponseAt) return g.sla.firstResponseAt
  let first: string | null = null
  for (const e of g.thread) if (isPublicPersonReply(e) && (first === null || e.at < first)) first = e.at
  return first
}

const RESOLVED = new Set(['resolved', 'closed'])
const DONE = new Set(['resolved', 'closed', 'rejected'])

/** The columns of grievance_facts in the order of FACT_COLUMNS' types. */
function factValues(g: Grievance): SqlScalar[] {
  const sla = g.sla
  const resolved = RESOLVED.has(g.status)
  // Without an SLA record, "resolved at" is the save that made it resolved: the upsert
  // keeps the first such time while it stays resolved (see RECORD_FACTS).
  const resolvedAt = resolved ? (sla?.resolvedAt ?? g.updatedAt) : null
  return [
    g.id,
    g.ticket,
    g.source.tweetId,
    g.source.authorUsername,
    g.createdAt,
    reportDayOf(g.createdAt),
    g.division,
    g.source.via.handle ?? null,
    g.source.language,
    g.priority,
    g.assignee,
    g.status,
    g.triage.band ?? 'ticket',
    sla?.resolutionDueAt ?? g.slaDueAt,
    firstResponseAt(g),
    resolvedAt,
    resolvedAt === null ? null : reportDayOf(resolvedAt),
    DONE.has(g.status) ? g.updatedAt : null,
    sla?.breachedAt ?? null,
    sla?.state ?? null,
    JSON.stringify(g.matchedRules),
  ]
}

const FACT_COLUMNS: readonly (readonly [string, string])[] = [
  ['grievance_id', 'text'],
  ['ticket', 'text'],
  ['tweet_id', 'text'],
  ['author_username', 'text'],
  ['opened_at', 'timestamptz'],
  ['opened_day', 'date'],
  ['division', 'text'],
  ['handle', 'text'],
  ['language', 'text'],
  ['priority', 'text'],
  ['assignee', 'text'],
  ['status', 'text'],
  ['band', 'text'],
  ['sla_due_at', 'timestamptz'],
  ['first_response_at', 'timestamptz'],
  ['resolved_at', 'timestamptz'],
  ['resolved_day', 'date'],
  ['closed_at', 'timestamptz'],
  ['breached_at', 'timestamptz'],
  ['sla_state', 'text'],
  ['matched_rules', 'text'],
]

const names = FACT_COLUMNS.map(([n]) => n)
const unnestArgs = FACT_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')

/**
 * One upsert for any number of grievances. What the document alone cannot say is kept
 * from the row before: when it was resolved or closed (the first save that made it so,
 * until it is reopened), whether it ever sat in the review band, how often it was reopened.
 */
const RECORD_FACTS = `
  INSERT INTO grievance_facts (${names.join(', ')}, entered_review, reopened_count)
  SELECT ${names.map((n) => (n === 'matched_rules' ? `ARRAY(SELECT jsonb_array_elements_text(u.matched_rules::jsonb))` : `u.${n}`)).join(', ')},
         u.band = 'review', CASE WHEN u.status = 'reopened' THEN 1 ELSE 0 END
  FROM unnest(${unnestArgs}) AS u(${names.join(', ')})
  ON CONFLICT (grievance_id) DO UPDATE SET
    ${names
      .filter((n) => !['grievance_id', 'resolved_at', 'resolved_day', 'closed_at'].includes(n))
      .map((n) => `${n} = EXCLUDED.${n}`)
      .join(', ')},
    resolved_at = CASE WHEN EXCLUDED.resolved_at IS NULL THEN NULL
                       ELSE COALESCE(grievance_facts.resolved_at, EXCLUDED.resolved_at) END,
    resolved_day = CASE WHEN EXCLUDED.resolved_at IS NULL THEN NULL
                        ELSE COALESCE(grievance_facts.resolved_day, EXCLUDED.resolved_day) END,
    closed_at = CASE WHEN EXCLUDED.closed_at IS NULL THEN NULL
                     ELSE COALESCE(grievance_facts.closed_at, EXCLUDED.closed_at) END,
    entered_review = grievance_facts.entered_review OR EXCLUDED.entered_review,
    reopened_count = grievance_facts.reopened_count
      + CASE WHEN EXCLUDED.status = 'reopened' AND grievance_facts.status <> 'reopened' THEN 1 ELSE 0 END`

/**
 * The upsert and the roll-ups (rollup.ts) in one statement: `old` sees the facts rows as
 * they were before it (one snapshot), `up` returns them as written, so the roll-ups take
 * the old contribution away and add the new one.
 */
const RECORD_FACTS_AND_ROLLUPS = `
  WITH old AS (SELECT -1 AS sign, f.* FROM grievance_facts f WHERE f.grievance_id = ANY($1::text[])),
  up AS (${RECORD_FACTS} RETURNING *),
  delta AS (SELECT * FROM old UNION ALL SELECT 1 AS sign, up.* FROM up),
  ${applyDeltaCtes('delta')}
  SELECT (SELECT count(*) FROM up) AS written`

/** Writes the facts of these grievances (new or changed) and their roll-ups inside the caller's transaction. */
export async function recordGrievanceFacts(tx: Queryable, grievances: readonly Grievance[]): Promise<void> {
  if (grievances.length === 0) return
  const columns: SqlScalar[][] = FACT_COLUMNS.map(() => [])
  for (const g of grievances) factValues(g).forEach((v, i) => columns[i]!.push(v))
  await tx.query(RECORD_FACTS_AND_ROLLUPS, columns)
}
