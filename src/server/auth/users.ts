// Users as the server works with them. Passwords are in passwords.ts, sessions in
// sessions.ts; a disabled user is kept (their work and history name them) but can
// neither sign in nor use a session, and gets no new work.
import type { Role, User } from '../../shared/protocol'
import type { Queryable } from '../db/database'
import { hashPassword } from './passwords'

/** A user as the server works with it: the protocol's User plus allocation fields. */
export interface StaffUser extends User {
  capacity: number
  available: boolean
  /** An admin chose the password: until the user picks their own, their sessions serve only that (users capability). */
  mustChangePassword?: boolean
  /** Their role must use two-factor and they have none: their sessions serve only enrolling (two-factor capability). */
  mustEnrolTwoFactor?: boolean
}

/**
 * The column `must_enrol_two_factor` of a query over `users u`: the user's role is one an
 * admin requires two-factor for, and the user has not turned it on (src/server/two-factor).
 */
export const MUST_ENROL_TWO_FACTOR_SQL = `(NOT u.totp_enabled AND u.role = ANY(COALESCE(
  (SELECT required_roles FROM two_factor_policy LIMIT 1), '{}'::text[]))) AS must_enrol_two_factor`

export interface UserRow {
  [key: string]: unknown
  username: string
  display_name: string
  role: Role
  divisions: string[]
  languages: string[]
  capacity: number
  available: boolean
  disabled: boolean
  password_hash: string
  must_change_password?: boolean
  must_enrol_two_factor?: boolean
  totp_enabled?: boolean
  password_changed_at?: Date | string | null
  last_sign_in_at?: Date | string | null
  created_at?: Date | string
}

export function toStaffUser(row: UserRow): StaffUser {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    divisions: row.divisions,
    languages: row.languages,
    capacity: row.capacity,
    available: row.available,
    mustChangePassword: row.must_change_password ?? false,
    mustEnrolTwoFactor: row.must_enrol_two_factor ?? false,
  }
}

export function publicUser(user: StaffUser): User {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    divisions: user.divisions,
    languages: user.languages,
  }
}

export async function findUser(db: Queryable, username: string): Promise<StaffUser | null> {
  const [row] = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username])
  return row ? toStaffUser(row) : null
}

export async function listOfficers(db: Queryable): Promise<StaffUser[]> {
  const rows = await db.query<UserRow>(`SELECT * FROM users WHERE role = 'officer' AND NOT disabled ORDER BY username`)
  return rows.map(toStaffUser)
}

export interface NewUser {
  username: string
  displayName: string
  role: Role
  divisions: string[]
  languages: string[]
  capacity?: number
  password: string
  /** An admin chose this password: the user must change it at first sign-in. */
  mustChangePassword?: boolean
}

/** Creates the user unless it exists (idempotent seeding); returns whether it was created. */
export async function ensureUser(db: Queryable, user: NewUser): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO users (username, display_name, role, divisions, languages, capacity, password_hash,
       must_change_password, password_changed_at)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, now())
     ON CONFLICT (username) DO NOTHING RETURNING username`,
    [
      user.username,
      user.displayName,
      user.role,
      JSON.stringify(user.divisions),
      JSON.stringify(user.languages),
      user.capacity ?? 20,
      await hashPassword(user.password),
      user.mustChangePassword ?? false,
    ],
  )
  return rows.length > 0
}
