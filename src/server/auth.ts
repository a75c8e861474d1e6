// Users, password hashes and session tokens. Passwords: scrypt with a per-user salt,
// compared in constant time. Tokens: random and opaque; only their SHA-256 is stored,
// so a leaked sessions table does not leak live tokens.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type { Role, User } from '../shared/protocol'
import type { Queryable } from './db/database'

const SCRYPT_KEYLEN = 64
const SESSION_HOURS = 12

function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, SCRYPT_KEYLEN, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scryptAsync(password, salt)
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, saltB64, keyB64] = stored.split('$')
  if (scheme !== 'scrypt' || !saltB64 || !keyB64) return false
  const expected = Buffer.from(keyB64, 'base64')
  const actual = await scryptAsync(password, Buffer.from(saltB64, 'base64'))
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** A user as the server works with it: the protocol's User plus allocation fields. */
export interface StaffUser extends User {
  capacity: number
  available: boolean
}

interface UserRow {
  [key: string]: unknown
  username: string
  display_name: string
  role: Role
  divisions: string[]
  languages: string[]
  capacity: number
  available: boolean
  password_hash: string
}

function toStaffUser(row: UserRow): StaffUser {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    divisions: row.divisions,
    languages: row.languages,
    capacity: row.capacity,
    available: row.available,
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
  const rows = await db.query<UserRow>(`SELECT * FROM users WHERE role = 'officer' ORDER BY username`)
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
}

/** Creates the user unless it exists (idempotent seeding); returns whether it was created. */
export async function ensureUser(db: Queryable, user: NewUser): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO users (username, display_name, role, divisions, languages, capacity, password_hash)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7)
     ON CONFLICT (username) DO NOTHING RETURNING username`,
    [
      user.username,
      user.displayName,
      user.role,
      JSON.stringify(user.divisions),
      JSON.stringify(user.languages),
      user.capacity ?? 20,
      await hashPassword(user.password),
    ],
  )
  return rows.length > 0
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Checks the password and opens a session; null on any mismatch (no user enumeration). */
export async function login(
  db: Queryable,
  username: string,
  password: string,
): Promise<{ token: string; user: StaffUser } | null> {
  const [row] = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username])
  // Hash anyway when the user is unknown, so timing does not reveal which usernames exist.
  const ok = await verifyPassword(password, row?.password_hash ?? 'scrypt$AAAAAAAAAAAAAAAAAAAAAA==$AA==')
  if (!row || !ok) return null
  const token = randomBytes(32).toString('base64url')
  await db.query(
    `INSERT INTO sessions (token_hash, username, expires_at) VALUES ($1, $2, now() + ($3 || ' hours')::interval)`,
    [tokenHash(token), username, String(SESSION_HOURS)],
  )
  return { token, user: toStaffUser(row) }
}

export async function userForToken(db: Queryable, token: string): Promise<StaffUser | null> {
  const [row] = await db.query<UserRow>(
    `SELECT u.* FROM sessions s JOIN users u ON u.username = s.username
     WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [tokenHash(token)],
  )
  return row ? toStaffUser(row) : null
}
