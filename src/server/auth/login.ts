// Signing in: the lockout check first (cheap), then the password (scrypt), then a
// session. Every failure is logged with the username and client address, never the
// password; the answer for an unknown user, a wrong password and a disabled account
// is the same, so nothing about which accounts exist leaks.
import { LIMITS } from '../../shared/limits'
import type { Database } from '../db/database'
import { admitAttempt, recordSuccess, type KnownLockouts, type LoginThrottlePolicy } from './login-throttle'
import { UNKNOWN_USER_HASH, verifyPassword } from './passwords'
import { openSession } from './sessions'
import { MUST_ENROL_TWO_FACTOR_SQL, toStaffUser, type StaffUser, type UserRow } from './users'

export type SignIn =
  | { kind: 'signed-in'; token: string; user: StaffUser }
  /**
   * The password was right and the user has two-factor on: no session yet, a code must
   * follow (src/server/two-factor). The attempt stays counted until the code is right, so
   * a known password does not buy unthrottled guesses at codes.
   */
  | { kind: 'code-needed'; user: StaffUser }
  | { kind: 'invalid' }
  | { kind: 'locked'; retryAfterSeconds: number }

export interface SignInAttempt {
  username: string
  password: string
  /** The client's address as the server sees it (the socket, or the trusted proxy's X-Forwarded-For). */
  ip: string
}

export async function signIn(
  db: Database,
  attempt: SignInAttempt,
  policy: LoginThrottlePolicy,
  log: (message: string) => void,
  known?: KnownLockouts,
): Promise<SignIn> {
  // Quoted (a name with a newline cannot forge a log line) and cut to a name's length.
  const who = `${JSON.stringify(attempt.username.slice(0, LIMITS.nameChars))} from ${attempt.ip}`
  const admission = await admitAttempt(db, attempt.username, attempt.ip, policy, known)
  if (!admission.admitted)
    return { kind: 'locked', retryAfterSeconds: Math.max(1, Math.ceil(admission.retryAfterMs / 1000)) }

  const [row] = await db.query<UserRow>(`SELECT u.*, ${MUST_ENROL_TWO_FACTOR_SQL} FROM users u WHERE username = $1`, [
    attempt.username,
  ])
  // Hash anyway when the user is unknown, so timing does not reveal which usernames exist.
  const ok = await verifyPassword(attempt.password, row?.password_hash ?? UNKNOWN_USER_HASH)
  if (!row || !ok || row.disabled) {
    const locked =
      admission.lockedForMs > 0 ? `; further attempts wait ${Math.ceil(admission.lockedForMs / 1000)} s` : ''
    // The log may say why; the answer may not.
    const why = !row ? 'unknown user' : !ok ? 'wrong password' : 'account disabled'
    log(`[auth] sign-in failed for ${who}: ${why} (failure ${admission.accountFailures} of this account${locked})`)
    return { kind: 'invalid' }
  }
  if (row.totp_enabled) return { kind: 'code-needed', user: toStaffUser(row) }
  return { kind: 'signed-in', token: await completeSignIn(db, attempt, policy, known), user: toStaffUser(row) }
}

/** Every check passed (password, and code when on): the counters start afresh and a session opens. */
export async function completeSignIn(
  db: Database,
  attempt: { username: string; ip: string },
  policy: LoginThrottlePolicy,
  known?: KnownLockouts,
): Promise<string> {
  await recordSuccess(db, attempt.username, attempt.ip, policy, known)
  await db.query('UPDATE users SET last_sign_in_at = now() WHERE username = $1', [attempt.username])
  return openSession(db, attempt.username)
}
