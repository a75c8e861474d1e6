// Session tokens: random and opaque; only their SHA-256 is stored (the session's id),
// so a leaked sessions table does not leak live tokens. A session ends when it expires,
// when its user signs out, or when it is revoked (user disabled, role changed); the
// token is refused on every instance from that moment, and open event streams of the
// session are closed (see EventStreams).
import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/database'
import { MUST_ENROL_TWO_FACTOR_SQL, toStaffUser, type StaffUser, type UserRow } from './users'

export const SESSION_HOURS = 12

/** Whatever holds resources of live sessions (this instance's event streams) and must drop them on revocation. */
export interface SessionCloser {
  closeSessions(sessionIds: readonly string[]): void
}

export interface Session {
  /** SHA-256 of the token: names the session without being a credential. */
  id: string
  user: StaffUser
  expiresAt: Date
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Opens a session for a user whose password was checked; returns the token (shown once). */
export async function openSession(db: Queryable, username: string): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db.query(
    `INSERT INTO sessions (token_hash, username, expires_at) VALUES ($1, $2, now() + ($3 || ' hours')::interval)`,
    [sessionIdOf(token), username, String(SESSION_HOURS)],
  )
  return token
}

interface SessionRow extends UserRow {
  token_hash: string
  expires_at: Date | string
}

const LIVE_SESSIONS = `SELECT s.token_hash, s.expires_at, u.*, ${MUST_ENROL_TWO_FACTOR_SQL}
  FROM sessions s JOIN users u ON u.username = s.username
  WHERE s.expires_at > now() AND NOT u.disabled`

function toSession(row: SessionRow): Session {
  return { id: row.token_hash, user: toStaffUser(row), expiresAt: new Date(row.expires_at) }
}

export async function sessionForToken(db: Queryable, token: string): Promise<Session | null> {
  const [row] = await db.query<SessionRow>(`${LIVE_SESSIONS} AND s.token_hash = $1`, [sessionIdOf(token)])
  return row ? toSession(row) : null
}

export async function userForToken(db: Queryable, token: string): Promise<StaffUser | null> {
  return (await sessionForToken(db, token))?.user ?? null
}

/** Which of these sessions are still live, with their users as they are now (one query). */
export async function liveSessions(db: Queryable, sessionIds: readonly string[]): Promise<Map<string, Session>> {
  if (sessionIds.length === 0) return new Map()
  const rows = await db.query<SessionRow>(`${LIVE_SESSIONS} AND s.token_hash = ANY($1::text[])`, [sessionIds])
  return new Map(rows.map((row) => [row.token_hash, toSession(row)]))
}

/** Sign-out: the session is gone at once. Returns whether it existed. */
export async function endSession(db: Queryable, sessionId: string, closer?: SessionCloser): Promise<boolean> {
  const rows = await db.query('DELETE FROM sessions WHERE token_hash = $1 RETURNING token_hash', [sessionId])
  closer?.closeSessions([sessionId])
  return rows.length > 0
}

/** Ends every session of a user; returns the ids ended. */
export async function revokeSessionsOf(db: Queryable, username: string, closer?: SessionCloser): Promise<string[]> {
  const rows = await db.query<{ token_hash: string }>('DELETE FROM sessions WHERE username = $1 RETURNING token_hash', [
    username,
  ])
  const ids = rows.map((r) => r.token_hash)
  closer?.closeSessions(ids)
  return ids
}

/** Deletes expired sessions; returns how many. */
export async function pruneExpiredSessions(db: Queryable): Promise<number> {
  const rows = await db.query('DELETE FROM sessions WHERE expires_at <= now() RETURNING token_hash')
  return rows.length
}
