// The step between a right password and a right code: a random, short-lived challenge.
// Only its SHA-256 is stored (like session tokens), in the database, so the code may be
// sent to any instance. It holds no grant of its own: it only names whose code to check,
// and ends when a session is opened from it.
import { createHash, randomBytes } from 'node:crypto'
import { TWO_FACTOR_LIMITS } from '../../shared/two-factor'
import type { Queryable } from '../db/database'

function challengeId(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function openChallenge(db: Queryable, username: string): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  // The table only ever holds the last few minutes' sign-ins: the expired go on each new one.
  await db.query('DELETE FROM two_factor_challenges WHERE expires_at <= now()')
  await db.query(
    `INSERT INTO two_factor_challenges (id_hash, username, expires_at)
     VALUES ($1, $2, now() + make_interval(secs => $3::float8))`,
    [challengeId(token), username, TWO_FACTOR_LIMITS.challengeSeconds],
  )
  return token
}

/** Whose sign-in the challenge continues, while it lives; null when unknown or expired. */
export async function challengedUser(db: Queryable, token: string): Promise<string | null> {
  const [row] = await db.query<{ username: string }>(
    'SELECT username FROM two_factor_challenges WHERE id_hash = $1 AND expires_at > now()',
    [challengeId(token)],
  )
  return row?.username ?? null
}

/** Single use: returns whether this call ended it (a parallel request with the same challenge gets false). */
export async function endChallenge(db: Queryable, token: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM two_factor_challenges WHERE id_hash = $1 RETURNING id_hash', [
    challengeId(token),
  ])
  return rows.length > 0
}
