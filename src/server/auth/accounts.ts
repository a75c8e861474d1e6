// Changes to a user that take away what their sessions were granted: disabling the
// user or changing their role ends every session of theirs in the same transaction,
// so no request is served on the old grant after the change commits. (The admin
// routes that call these come with the admin capability.)
import type { Role } from '../../shared/protocol'
import type { Database } from '../db/database'
import { revokeSessionsOf, type SessionCloser } from './sessions'

/** Returns the session ids revoked (none when enabling, or when nothing changed). */
export async function setUserDisabled(
  db: Database,
  username: string,
  disabled: boolean,
  closer?: SessionCloser,
): Promise<string[]> {
  const revoked = await db.transaction(async (tx) => {
    const rows = await tx.query('UPDATE users SET disabled = $2 WHERE username = $1 RETURNING username', [
      username,
      disabled,
    ])
    if (rows.length === 0) throw new Error(`No user ${username}`)
    return disabled ? revokeSessionsOf(tx, username) : []
  })
  closer?.closeSessions(revoked)
  return revoked
}

/** Returns the session ids revoked (none when the role was already that). */
export async function setUserRole(
  db: Database,
  username: string,
  role: Role,
  closer?: SessionCloser,
): Promise<string[]> {
  const revoked = await db.transaction(async (tx) => {
    const [row] = await tx.query<{ role: Role }>('SELECT role FROM users WHERE username = $1 FOR UPDATE', [username])
    if (!row) throw new Error(`No user ${username}`)
    if (row.role === role) return []
    await tx.query('UPDATE users SET role = $2 WHERE username = $1', [username, role])
    return revokeSessionsOf(tx, username)
  })
  closer?.closeSessions(revoked)
  return revoked
}
