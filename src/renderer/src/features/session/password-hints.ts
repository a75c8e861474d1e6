// The password policy's verdict as catalogue keys, so the screens show the same rules the
// server enforces (src/shared/password-policy.ts), live, in the interface language.
import { LIMITS } from '../../../../shared/limits'
import { checkPassword } from '../../../../shared/password-policy'

export interface PasswordHint {
  key: string
  values?: Record<string, number>
}

export interface PasswordHints {
  /** The password passes the policy (and the confirmation, when given, matches). */
  ok: boolean
  hints: PasswordHint[]
}

const VALUES: Record<string, Record<string, number>> = {
  'too-short': { min: LIMITS.passwordMinChars },
  'too-long': { max: LIMITS.passwordChars },
}

export function passwordHints(password: string, username: string, confirmation?: string): PasswordHints {
  const verdict = checkPassword(password, { username })
  const hints: PasswordHint[] = verdict.problems.map(({ code }) => ({
    key: `admin.users.policy.${code}`,
    ...(VALUES[code] ? { values: VALUES[code] } : {}),
  }))
  const mismatch = confirmation !== undefined && confirmation !== '' && confirmation !== password
  if (mismatch) hints.push({ key: 'admin.users.policy.mismatch' })
  const confirmed = confirmation === undefined || confirmation === password
  return { ok: verdict.ok && confirmed, hints }
}
