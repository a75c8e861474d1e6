// Recovery codes: for a lost phone, ten one-time codes made on request and shown once.
// Each has 50 random bits, so a salted SHA-256 (the username as salt) is enough to keep
// them unreadable at rest — slow hashing protects guessable secrets, and these are not.
// Using one is atomic: the same code cannot finish two sign-ins.
import { createHash, randomInt } from 'node:crypto'
import { TWO_FACTOR_LIMITS } from '../../shared/two-factor'
import type { Database, Queryable } from '../db/database'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'

function codeHash(username: string, code: string): string {
  return createHash('sha256').update(`${username}\n${code}`).digest('hex')
}

function newCode(): string {
  let code = ''
  for (let i = 0; i < TWO_FACTOR_LIMITS.recoveryCodeChars; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}

/** Shown as two groups of five ("abcde-fghij"); typed any way (RecoveryCode normalises). */
export function displayRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`
}

/** A new set for the user; the old set (used or not) ends. Returns the codes, normalised. */
export async function replaceRecoveryCodes(db: Database, username: string): Promise<string[]> {
  const codes = Array.from({ length: TWO_FACTOR_LIMITS.recoveryCodes }, newCode)
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM two_factor_recovery_codes WHERE username = $1', [username])
    for (const code of codes)
      await tx.query('INSERT INTO two_factor_recovery_codes (username, code_hash) VALUES ($1, $2)', [
        username,
        codeHash(username, code),
      ])
  })
  return codes
}

/** Uses the code if it is one of the user's unused ones; returns whether it was. */
export async function useRecoveryCode(db: Queryable, username: string, code: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE two_factor_recovery_codes SET used_at = now()
     WHERE username = $1 AND code_hash = $2 AND used_at IS NULL RETURNING username`,
    [username, codeHash(username, code)],
  )
  return rows.length > 0
}

export async function recoveryCodesLeft(db: Queryable, username: string): Promise<number> {
  const [row] = await db.query<{ left: string | number }>(
    'SELECT count(*) AS left FROM two_factor_recovery_codes WHERE username = $1 AND used_at IS NULL',
    [username],
  )
  return Number(row?.left ?? 0)
}

export async function dropRecoveryCodes(db: Queryable, username: string): Promise<void> {
  await db.query('DELETE FROM two_factor_recovery_codes WHERE username = $1', [username])
}
