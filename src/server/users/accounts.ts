// Staff accounts as admins manage them, and a user's own password change. Each change
// and its audit entry commit together; a change that takes away what a session was
// granted (disabled, another role, a password the admin set) ends the user's sessions
// in the same transaction, and the caller's SessionCloser closes their open streams.
import type { Role } from '../../shared/protocol'
import { checkPassword } from '../../shared/password-policy'
import { LIMITS } from '../../shared/limits'
import type { AdminUser, CreateUserRequest, UpdateUserRequest } from '../../shared/users'
import { recordAudit } from '../audit/log'
import { ensureUser, hashPassword, revokeSessionsOf, verifyPassword, type SessionCloser, type UserRow } from '../auth'
import type { Database, Queryable, SqlParam } from '../db/database'
import { HttpError } from '../http/errors'

/** Who does it and from where, for the audit entry. */
export interface Actor {
  username: string
  clientAddress: string | null
}

function iso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  return (value instanceof Date ? value : new Date(value)).toISOString()
}

export function toAdminUser(row: UserRow): AdminUser {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    divisions: row.divisions,
    languages: row.languages,
    capacity: row.capacity,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password ?? false,
    lastSignInAt: iso(row.last_sign_in_at),
    createdAt: iso(row.created_at) ?? new Date(0).toISOString(),
  }
}

/** A 400 naming every rule the password breaks (the same words the screens show). */
export function enforcePasswordPolicy(password: string, username: string, field = 'password'): void {
  const verdict = checkPassword(password, { username })
  if (!verdict.ok)
    throw new HttpError(400, 'weak_password', `${field}: ${verdict.problems.map((p) => p.message).join('; ')}`)
}

export async function listUsers(db: Queryable): Promise<AdminUser[]> {
  const rows = await db.query<UserRow>(`SELECT * FROM users ORDER BY username LIMIT ${LIMITS.usersListed}`)
  return rows.map(toAdminUser)
}

async function userRow(db: Queryable, username: string, lock = false): Promise<UserRow> {
  const [row] = await db.query<UserRow>(`SELECT * FROM users WHERE username = $1${lock ? ' FOR UPDATE' : ''}`, [
    username,
  ])
  if (!row) throw new HttpError(404, 'not_found', `No user ${username}`)
  return row
}

/** Creates a user whose password an admin chose (they must change it at first sign-in). 409 if the name is taken. */
export async function createUser(db: Database, actor: Actor, request: CreateUserRequest): Promise<AdminUser> {
  enforcePasswordPolicy(request.password, request.username)
  return db.transaction(async (tx) => {
    const created = await ensureUser(tx, {
      username: request.username,
      displayName: request.displayName.trim(),
      role: request.role,
      divisions: request.divisions,
      languages: request.languages ?? ['en', 'hi'],
      ...(request.capacity !== undefined ? { capacity: request.capacity } : {}),
      password: request.password,
      mustChangePassword: true,
    })
    if (!created) throw new HttpError(409, 'user_exists', `A user named ${request.username} already exists`)
    const user = toAdminUser(await userRow(tx, request.username))
    await recordAudit(tx, {
      actor: actor.username,
      action: 'user.created',
      target: user.username,
      clientAddress: actor.clientAddress,
      details: { role: user.role, divisions: user.divisions, languages: user.languages, capacity: user.capacity },
    })
    return user
  })
}

/** What a PATCH changed, field by field, for the audit entry (never a password). */
type Changes = Record<string, { from: unknown; to: unknown }>

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Applies the fields given. Ends the user's sessions when they are disabled, their role
 * changes or the admin sets their password. Audit: user.disabled / user.enabled /
 * user.role-changed for those, user.updated for the rest (a password reset is recorded
 * there as `passwordReset: true`).
 */
export async function updateUser(
  db: Database,
  actor: Actor,
  username: string,
  request: UpdateUserRequest,
  closer?: SessionCloser,
): Promise<AdminUser> {
  if (request.password !== undefined) enforcePasswordPolicy(request.password, username)
  if (request.disabled === true && username === actor.username)
    throw new HttpError(409, 'cannot_disable_self', 'You cannot disable your own account: ask another administrator')
  if (request.role !== undefined && request.role !== 'admin' && username === actor.username)
    throw new HttpError(409, 'cannot_demote_self', 'You cannot take away your own administrator role')
  const passwordHash = request.password !== undefined ? await hashPassword(request.password) : null
  const { user, revoked } = await db.transaction(async (tx) => {
    const before = await userRow(tx, username, true)
    const changes: Changes = {}
    const set: string[] = []
    const params: SqlParam[] = [username]
    const assign = (column: string, value: SqlParam, cast = ''): void => {
      params.push(value)
      set.push(`${column} = $${params.length}${cast}`)
    }
    const fields: [keyof UpdateUserRequest, string, unknown, string][] = [
      ['displayName', 'display_name', request.displayName?.trim(), ''],
      ['divisions', 'divisions', request.divisions, '::jsonb'],
      ['languages', 'languages', request.languages, '::jsonb'],
      ['capacity', 'capacity', request.capacity, ''],
    ]
    const current: Record<string, unknown> = {
      displayName: before.display_name,
      divisions: before.divisions,
      languages: before.languages,
      capacity: before.capacity,
    }
    for (const [field, column, value, cast] of fields) {
      if (value === undefined || sameJson(value, current[field])) continue
      changes[field] = { from: current[field], to: value }
      assign(column, cast ? JSON.stringify(value) : (value as SqlParam), cast)
    }
    const roleChanged = request.role !== undefined && request.role !== before.role
    if (roleChanged) assign('role', request.role!)
    const disabledChanged = request.disabled !== undefined && request.disabled !== before.disabled
    if (disabledChanged) assign('disabled', request.disabled!)
    if (passwordHash) {
      assign('password_hash', passwordHash)
      set.push('must_change_password = TRUE', 'password_changed_at = now()')
    }
    if (set.length > 0) await tx.query(`UPDATE users SET ${set.join(', ')} WHERE username = $1`, params)
    const endsSessions = roleChanged || (disabledChanged && request.disabled === true) || passwordHash !== null
    const revoked = endsSessions ? await revokeSessionsOf(tx, username) : []
    const entry = { actor: actor.username, target: username, clientAddress: actor.clientAddress }
    if (disabledChanged)
      await recordAudit(tx, {
        ...entry,
        action: request.disabled ? 'user.disabled' : 'user.enabled',
        details: { sessionsEnded: request.disabled ? revoked.length : 0 },
      })
    if (roleChanged)
      await recordAudit(tx, {
        ...entry,
        action: 'user.role-changed',
        details: { from: before.role, to: request.role as Role, sessionsEnded: revoked.length },
      })
    if (Object.keys(changes).length > 0 || passwordHash)
      await recordAudit(tx, {
        ...entry,
        action: 'user.updated',
        details: { ...changes, ...(passwordHash ? { passwordReset: true, sessionsEnded: revoked.length } : {}) },
      })
    return { user: toAdminUser(await userRow(tx, username)), revoked }
  })
  closer?.closeSessions(revoked)
  return user
}

/**
 * The user's own change: the current password must be right (a stolen unlocked desk
 * cannot take the account over), the new one must pass the policy and differ from it.
 * Every other session of the user ends; this one stays and is good for everything again.
 */
export async function changeOwnPassword(
  db: Database,
  session: { id: string; username: string },
  clientAddress: string | null,
  currentPassword: string,
  newPassword: string,
  closer?: SessionCloser,
): Promise<number> {
  const row = await userRow(db, session.username)
  if (!(await verifyPassword(currentPassword, row.password_hash)))
    throw new HttpError(400, 'wrong_password', 'currentPassword: that is not your current password')
  if (currentPassword === newPassword)
    throw new HttpError(400, 'weak_password', 'newPassword: must differ from the current password')
  enforcePasswordPolicy(newPassword, session.username, 'newPassword')
  const hash = await hashPassword(newPassword)
  const revoked = await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE users SET password_hash = $2, must_change_password = FALSE, password_changed_at = now() WHERE username = $1`,
      [session.username, hash],
    )
    const ended = await tx.query<{ token_hash: string }>(
      'DELETE FROM sessions WHERE username = $1 AND token_hash <> $2 RETURNING token_hash',
      [session.username, session.id],
    )
    const ids = ended.map((r) => r.token_hash)
    await recordAudit(tx, {
      actor: session.username,
      action: 'auth.password-changed',
      target: session.username,
      clientAddress,
      details: { required: row.must_change_password ?? false, sessionsEnded: ids.length },
    })
    return ids
  })
  closer?.closeSessions(revoked)
  return revoked.length
}
