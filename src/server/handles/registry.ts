// The organisation's X handles and their connection state, in the database (migration 12).
// Until the versioned org config owns the handle list, it lives here: seeded once from
// the org file, then changed only by admins. Tokens are read and written sealed (SecretBox);
// nothing here returns one to a caller outside this capability except postingToken().
import type { HandleStatus } from '../../shared/handles'
import type { OrgConfig } from '../../shared/org'
import type { Queryable } from '../db/database'
import type { SecretBox } from '../secrets/secret-box'

export interface HandleRow {
  [key: string]: unknown
  username: string
  username_key: string
  is_primary: boolean
  division: string | null
  x_user_id: string | null
  access_token_sealed: string | null
  refresh_token_sealed: string | null
  scopes: string | null
  expires_at: Date | string | null
  connected_by: string | null
  connected_at: Date | string | null
  last_refresh_at: Date | string | null
  refresh_failures: number | null
  next_attempt_at: Date | string | null
  error_message: string | null
  error_at: Date | string | null
}

export const keyOf = (username: string): string => username.toLowerCase()

/** The sealed value's associated data: which handle and which token it is. */
export const sealContext = (usernameKey: string, field: 'access' | 'refresh' | 'verifier'): string =>
  `x-handle:${usernameKey}:${field}`

const iso = (value: Date | string | null): string | null =>
  value === null ? null : (value instanceof Date ? value : new Date(value)).toISOString()

const SELECT_HANDLES = `
  SELECT h.username, h.username_key, h.is_primary, h.division,
         c.x_user_id, c.access_token_sealed, c.refresh_token_sealed, c.scopes, c.expires_at,
         c.connected_by, c.connected_at, c.last_refresh_at, c.refresh_failures, c.next_attempt_at,
         e.message AS error_message, e.at AS error_at
  FROM x_handles h
  LEFT JOIN x_handle_credentials c ON c.username_key = h.username_key
  LEFT JOIN x_handle_errors e ON e.username_key = h.username_key`

export async function handleRows(db: Queryable): Promise<HandleRow[]> {
  return db.query<HandleRow>(`${SELECT_HANDLES} ORDER BY h.is_primary DESC, h.username_key`)
}

export async function handleRow(db: Queryable, username: string): Promise<HandleRow | undefined> {
  const [row] = await db.query<HandleRow>(`${SELECT_HANDLES} WHERE h.username_key = $1`, [keyOf(username)])
  return row
}

export function toStatus(row: HandleRow): HandleStatus {
  return {
    username: row.username,
    primary: row.is_primary,
    division: row.division,
    connected: row.access_token_sealed !== null,
    connectedBy: row.connected_by,
    connectedAt: iso(row.connected_at),
    tokenExpiresAt: iso(row.expires_at),
    refreshable: row.refresh_token_sealed !== null,
    lastRefreshAt: iso(row.last_refresh_at),
    lastError: row.error_message,
    lastErrorAt: iso(row.error_at),
    nextRetryAt: iso(row.next_attempt_at),
  }
}

/** The org file's handles, once per database: later starts keep what admins changed. */
export async function seedHandles(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  org: OrgConfig,
) {
  await db.transaction(async (tx) => {
    const [first] = await tx.query('INSERT INTO x_handles_seeded (id) VALUES (1) ON CONFLICT DO NOTHING RETURNING id')
    if (!first) return
    const primary = (org.handles.find((h) => h.primary) ?? org.handles[0])?.username
    for (const h of org.handles) {
      await tx.query(
        `INSERT INTO x_handles (username, username_key, is_primary, division, added_by)
         VALUES ($1, $2, $3, $4, 'system') ON CONFLICT DO NOTHING`,
        [h.username, keyOf(h.username), h.username === primary, h.division ?? null],
      )
    }
  })
}

export async function recordHandleError(db: Queryable, usernameKey: string, message: string): Promise<void> {
  await db.query(
    `INSERT INTO x_handle_errors (username_key, message, at) VALUES ($1, $2, now())
     ON CONFLICT (username_key) DO UPDATE SET message = EXCLUDED.message, at = EXCLUDED.at`,
    [usernameKey, message.slice(0, 1_000)],
  )
}

export async function clearHandleError(db: Queryable, usernameKey: string): Promise<void> {
  await db.query('DELETE FROM x_handle_errors WHERE username_key = $1', [usernameKey])
}

/** The handle that posts replies, and its live access token when it is connected. */
export async function primaryCredential(
  db: Queryable,
  box: SecretBox | null,
): Promise<{ username: string; accessToken: string | null; expiresAt: number | null } | null> {
  const [row] = await db.query<HandleRow>(`${SELECT_HANDLES} WHERE h.is_primary`)
  if (!row) return null
  if (!row.access_token_sealed || !box) return { username: row.username, accessToken: null, expiresAt: null }
  return {
    username: row.username,
    accessToken: box.open(row.access_token_sealed, sealContext(row.username_key, 'access')),
    expiresAt: new Date(row.expires_at!).getTime(),
  }
}
