// Passwords: scrypt with a per-user salt, compared in constant time.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

const SCRYPT_KEYLEN = 64
/** Hashed against when the user is unknown, so timing does not reveal which usernames exist. */
export const UNKNOWN_USER_HASH = 'scrypt$AAAAAAAAAAAAAAAAAAAAAA==$AA=='

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
