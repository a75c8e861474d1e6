// The append-only audit log: who did what, when, from where. Each entry carries the
// sha256 of its predecessor's hash and its own fields, so an edited or deleted entry
// breaks the chain from that point on (verifyAuditChain finds it); the table refuses
// UPDATE and DELETE outright (a trigger, migration 9). Entries are written in the same
// transaction as the change they describe: no change without its entry, no entry for
// a change that rolled back.
import { createHash } from 'node:crypto'
import { LIMITS } from '../../shared/limits'
import type { AuditEntry, AuditQuery, AuditVerification } from '../../shared/audit'
import type { Database, Queryable } from '../db/database'

/** Serialises appends: the chain needs each entry to see the one before it. */
const AUDIT_LOCK_KEY = 7_211_003

export interface AuditRecord {
  actor: string
  action: string
  target?: string | null
  clientAddress?: string | null
  details?: Record<string, unknown>
  /** Default now; tests pass a clock. */
  at?: Date
}

interface AuditRow {
  [key: string]: unknown
  seq: string | number
  at: Date | string
  actor: string
  action: string
  target: string | null
  client_address: string | null
  details: Record<string, unknown>
  prev_hash: string
  hash: string
}

/** JSON with keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

export const GENESIS_HASH = '0'.repeat(64)

function entryHash(prevHash: string, e: Omit<AuditEntry, 'seq' | 'hash'>): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        at: e.at,
        actor: e.actor,
        action: e.action,
        target: e.target,
        clientAddress: e.clientAddress,
        details: e.details,
      }),
    )
    .digest('hex')
}

/** Details past LIMITS.auditDetailsBytes are replaced by a note saying so: the log records facts, not documents. */
function boundedDetails(details: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!details) return {}
  const json = JSON.stringify(details)
  if (Buffer.byteLength(json) <= LIMITS.auditDetailsBytes) return JSON.parse(json) as Record<string, unknown>
  return { truncated: true, bytes: Buffer.byteLength(json), keys: Object.keys(details).slice(0, 50) }
}

/**
 * Appends an entry inside the caller's transaction. Call it last in the transaction:
 * it takes the audit lock, which is then held only until commit.
 */
export async function recordAudit(tx: Queryable, record: AuditRecord): Promise<AuditEntry> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY])
  const [last] = await tx.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1')
  const prevHash = last?.hash ?? GENESIS_HASH
  const fields = {
    at: (record.at ?? new Date()).toISOString(),
    actor: record.actor.slice(0, LIMITS.nameChars),
    action: record.action.slice(0, LIMITS.nameChars),
    target: record.target?.slice(0, LIMITS.reasonChars) ?? null,
    clientAddress: record.clientAddress?.slice(0, LIMITS.nameChars) ?? null,
    details: boundedDetails(record.details),
  }
  const hash = entryHash(prevHash, fields)
  const [row] = await tx.query<{ seq: string | number }>(
    `INSERT INTO audit_log (at, actor, action, target, client_address, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8) RETURNING seq`,
    [
      fields.at,
      fields.actor,
      fields.action,
      fields.target,
      fields.clientAddress,
      JSON.stringify(fields.details),
      prevHash,
      hash,
    ],
  )
  return { seq: Number(row!.seq), ...fields, hash }
}

/** recordAudit in a transaction of its own, for facts with no other write (sign-ins, exports, reads). */
export function audit(db: Database, record: AuditRecord): Promise<AuditEntry> {
  return db.transaction((tx) => recordAudit(tx, record))
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: (row.at instanceof Date ? row.at : new Date(row.at)).toISOString(),
    actor: row.actor,
    action: row.action,
    target: row.target,
    clientAddress: row.client_address,
    details: row.details ?? {},
    hash: row.hash,
  }
}

/** LIKE's own characters taken literally. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Newest first; `next` pages on to older entries. */
export async function listAudit(
  db: Queryable,
  query: AuditQuery,
): Promise<{ entries: AuditEntry[]; next: number | null }> {
  const where: string[] = []
  const params: (string | number)[] = []
  const param = (value: string | number): string => {
    params.push(value)
    return `$${params.length}`
  }
  if (query.before !== undefined) where.push(`seq < ${param(query.before)}`)
  if (query.action) where.push(`action = ${param(query.action)}`)
  if (query.actor) where.push(`actor = ${param(query.actor)}`)
  if (query.q) {
    const p = param(likePattern(query.q))
    where.push(`(actor ILIKE ${p} OR action ILIKE ${p} OR target ILIKE ${p} OR details::text ILIKE ${p})`)
  }
  const rows = await db.query<AuditRow>(
    `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY seq DESC LIMIT ${param(query.limit + 1)}`,
    params,
  )
  const entries = rows.slice(0, query.limit).map(toEntry)
  return { entries, next: rows.length > query.limit ? entries[entries.length - 1]!.seq : null }
}

/** Walks the whole chain oldest first, in pages, re-computing every hash. */
export async function verifyAuditChain(db: Queryable, pageSize = 2_000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH
  let after = 0
  let count = 0
  for (;;) {
    const rows = await db.query<AuditRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [
      after,
      pageSize,
    ])
    for (const row of rows) {
      const entry = toEntry(row)
      if (row.prev_hash !== prevHash || entryHash(prevHash, entry) !== row.hash)
        return { ok: false, entries: count, brokenAt: entry.seq }
      prevHash = row.hash
      after = entry.seq
      count++
    }
    if (rows.length < pageSize) return { ok: true, entries: count, brokenAt: null }
  }
}
