// A user's second factor in the database: the secret sealed with the deployment's key
// (SecretBox; the user's name is the associated data, so a secret copied onto another
// user does not open), enrolment, the check of a code with replay protection, and the
// admin's reset and requirement. Codes are checked under a row lock, so two requests
// with the same code cannot both pass.
import { Role } from '../../shared/protocol'
import type { AdminTwoFactor, TwoFactorStatus } from '../../shared/two-factor'
import type { Database, Queryable } from '../db/database'
import { HttpError } from '../http/errors'
import type { SecretBox } from '../secrets/secret-box'
import { dropRecoveryCodes, recoveryCodesLeft } from './recovery'
import { matchingStep, newTotpSecret } from './totp'

const sealContext = (username: string): string => `two-factor:${username}`

interface TotpRow {
  [key: string]: unknown
  role: Role
  totp_secret_sealed: string | null
  totp_enabled: boolean
  totp_last_step: string | number | null
}

export type CodeCheck = 'ok' | 'wrong' | 'replayed' | 'not-enrolled'

function needBox(box: SecretBox | null, problem: string | null): SecretBox {
  if (!box) throw new HttpError(503, 'two_factor_unavailable', problem ?? 'Two-factor sign-in is not available here')
  return box
}

/** A new secret for the user (replacing an unconfirmed one); 409 while two-factor is on. */
export async function startEnrolment(
  db: Queryable,
  box: SecretBox | null,
  boxProblem: string | null,
  username: string,
): Promise<string> {
  const sealer = needBox(box, boxProblem)
  const secret = newTotpSecret()
  const rows = await db.query(
    `UPDATE users SET totp_secret_sealed = $2, totp_last_step = NULL
     WHERE username = $1 AND NOT totp_enabled RETURNING username`,
    [username, sealer.seal(secret, sealContext(username))],
  )
  if (rows.length === 0)
    throw new HttpError(409, 'two_factor_on', 'Two-factor sign-in is already on; an administrator can reset it')
  return secret
}

/**
 * Checks a code against the user's secret at `atMs`: right for a step within the skew and
 * later than the last step accepted. A right code moves the last step on, so it (and any
 * older one) is refused from then on. `enrolling`: the code confirms a new secret and
 * turns two-factor on; otherwise two-factor must be on already.
 */
export async function checkCode(
  db: Database,
  box: SecretBox | null,
  boxProblem: string | null,
  username: string,
  code: string,
  atMs: number,
  enrolling: boolean,
): Promise<CodeCheck> {
  const opener = needBox(box, boxProblem)
  return db.transaction(async (tx) => {
    const [row] = await tx.query<TotpRow>(
      'SELECT role, totp_secret_sealed, totp_enabled, totp_last_step FROM users WHERE username = $1 FOR UPDATE',
      [username],
    )
    if (!row?.totp_secret_sealed || row.totp_enabled === enrolling) return 'not-enrolled'
    const step = matchingStep(opener.open(row.totp_secret_sealed, sealContext(username)), code, atMs)
    if (step === null) return 'wrong'
    if (row.totp_last_step !== null && step <= Number(row.totp_last_step)) return 'replayed'
    await tx.query(
      `UPDATE users SET totp_last_step = $2,
         totp_enabled = TRUE, totp_enabled_at = CASE WHEN totp_enabled THEN totp_enabled_at ELSE now() END
       WHERE username = $1`,
      [username, step],
    )
    return 'ok'
  })
}

export async function twoFactorStatus(db: Queryable, username: string): Promise<TwoFactorStatus> {
  const [row] = await db.query<{ enabled: boolean; required: boolean }>(
    `SELECT u.totp_enabled AS enabled,
       u.role = ANY(COALESCE((SELECT required_roles FROM two_factor_policy LIMIT 1), '{}'::text[])) AS required
     FROM users u WHERE u.username = $1`,
    [username],
  )
  if (!row) throw new HttpError(404, 'not_found', 'No such user')
  return { enabled: row.enabled, required: row.required, recoveryCodesLeft: await recoveryCodesLeft(db, username) }
}

export async function requiredRoles(db: Queryable): Promise<Role[]> {
  const [row] = await db.query<{ required_roles: Role[] }>('SELECT required_roles FROM two_factor_policy LIMIT 1')
  return row?.required_roles ?? []
}

export async function adminView(db: Queryable): Promise<AdminTwoFactor> {
  const enrolled = await db.query<{ username: string; totp_enabled_at: Date | string | null }>(
    'SELECT username, totp_enabled_at FROM users WHERE totp_enabled ORDER BY username',
  )
  const off = await db.query<{ role: Role; users: string | number }>(
    'SELECT role, count(*) AS users FROM users WHERE NOT totp_enabled AND NOT disabled GROUP BY role',
  )
  const withoutTwoFactor = Object.fromEntries(Role.options.map((r) => [r, 0])) as Record<Role, number>
  for (const row of off) withoutTwoFactor[row.role] = Number(row.users)
  return {
    requiredRoles: await requiredRoles(db),
    withoutTwoFactor,
    enrolled: enrolled.map((r) => ({
      username: r.username,
      enabledAt: r.totp_enabled_at === null ? null : new Date(r.totp_enabled_at).toISOString(),
    })),
  }
}

/**
 * Sets the roles that must use two-factor. The sessions of users it newly catches (role
 * required, two-factor off) end at once: they sign in again and enrol before any work.
 * Returns the previous roles and the sessions ended.
 */
export async function setRequiredRoles(
  tx: Queryable,
  roles: readonly Role[],
  actor: string,
): Promise<{ before: Role[]; revoked: string[] }> {
  const before = await requiredRoles(tx)
  await tx.query(`UPDATE two_factor_policy SET required_roles = $1::text[], changed_by = $2, changed_at = now()`, [
    [...new Set(roles)],
    actor,
  ])
  const newly = roles.filter((r) => !before.includes(r))
  const revoked = await tx.query<{ token_hash: string }>(
    `DELETE FROM sessions WHERE username IN
       (SELECT username FROM users WHERE role = ANY($1::text[]) AND NOT totp_enabled)
     RETURNING token_hash`,
    [newly],
  )
  return { before, revoked: revoked.map((r) => r.token_hash) }
}

/** Turns the user's two-factor off (a lost phone); returns whether they had a secret at all. */
export async function resetTwoFactor(tx: Queryable, username: string): Promise<{ exists: boolean; wasOn: boolean }> {
  const [row] = await tx.query<{ totp_enabled: boolean }>(
    'SELECT totp_enabled FROM users WHERE username = $1 FOR UPDATE',
    [username],
  )
  if (!row) return { exists: false, wasOn: false }
  await tx.query(
    `UPDATE users SET totp_secret_sealed = NULL, totp_enabled = FALSE, totp_enabled_at = NULL, totp_last_step = NULL
     WHERE username = $1`,
    [username],
  )
  await dropRecoveryCodes(tx, username)
  return { exists: true, wasOn: row.totp_enabled }
}
