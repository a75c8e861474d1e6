// Secrets at rest (X handles' tokens, users' TOTP secrets): AES-256-GCM (node:crypto) with
// a fresh 96-bit nonce per value and the row and field as associated data, so a sealed
// value copied into another row (or another column) does not open. The key comes from SEVA_SECRET_KEY (base64
// of 32 bytes), or from a key file made 0600 beside the PGlite data directory on first
// start. On PostgreSQL every instance must share one key, so there it must be given.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmod, readFile, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'

const FORMAT = 'v1'
const KEY_BYTES = 32
const NONCE_BYTES = 12

export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`the secret key must be ${KEY_BYTES} bytes, not ${key.length}`)
  }

  seal(plain: string, context: string): string {
    const nonce = randomBytes(NONCE_BYTES)
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce)
    cipher.setAAD(Buffer.from(context))
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return [
      FORMAT,
      nonce.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      body.toString('base64url'),
    ].join('.')
  }

  /** Throws when the value was sealed with another key or context, or was altered. */
  open(sealed: string, context: string): string {
    const [format, nonce, tag, body] = sealed.split('.')
    if (format !== FORMAT || !nonce || !tag || body === undefined) throw new Error('not a sealed value')
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'))
    decipher.setAAD(Buffer.from(context))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
  }
}

export function parseSecretKey(base64: string, from = 'SEVA_SECRET_KEY'): Buffer {
  const key = Buffer.from(base64.trim(), 'base64')
  if (key.length !== KEY_BYTES)
    throw new Error(`${from} must be the base64 of ${KEY_BYTES} random bytes (e.g. openssl rand -base64 32)`)
  return key
}

/** `.data/server` → `.data/server.secret-key`: beside the data, not inside PGlite's own folder. */
export function keyFileFor(dataDir: string): string {
  const dir = resolve(dataDir)
  return join(dirname(dir), `${basename(dir)}.secret-key`)
}

export type KeySource =
  | { kind: 'env' }
  | { kind: 'file'; path: string; created: boolean }
  | { kind: 'ephemeral' }
  | { kind: 'missing'; reason: string }

/**
 * The key to seal tokens with. `secretKey` (option or env) wins; else the key file beside
 * `dataDir` (made on first use); else, for an in-memory database, a key that lives as long
 * as the data does. A PostgreSQL server without a key gets none: connecting is refused.
 */
export async function loadSecretKey(opts: {
  secretKey?: string | undefined
  dataDir?: string | undefined
  databaseUrl?: string | undefined
}): Promise<{ box: SecretBox | null; source: KeySource }> {
  if (opts.secretKey) return { box: new SecretBox(parseSecretKey(opts.secretKey)), source: { kind: 'env' } }
  if (opts.databaseUrl)
    return {
      box: null,
      source: { kind: 'missing', reason: 'set SEVA_SECRET_KEY (the same on every instance) to connect handles' },
    }
  if (!opts.dataDir) return { box: new SecretBox(randomBytes(KEY_BYTES)), source: { kind: 'ephemeral' } }
  const path = keyFileFor(opts.dataDir)
  let created = false
  try {
    // 'wx': never overwrite a key that exists (that would orphan every sealed token).
    await writeFile(path, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 })
    created = true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  // A key file others can read is tightened rather than trusted as it is.
  if (((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600)
  const key = parseSecretKey(await readFile(path, 'utf8'), path)
  return { box: new SecretBox(key), source: { kind: 'file', path, created } }
}
