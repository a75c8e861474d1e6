// The desk's files hold citizens' messages, officers' notes and a session token: only
// the officer's own account may read them. POSIX modes; Windows ignores them (the data
// folder lives in the user's profile, which is private there).
import { chmod, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'

export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/** Creates the folder 0700, and tightens it if an older desk made it 0755. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  await chmod(dir, PRIVATE_DIR_MODE)
}

/** Tightens an existing file (made 0644 by an older desk) to 0600; a missing one is fine. */
export async function makePrivate(file: string): Promise<void> {
  try {
    await chmod(file, PRIVATE_FILE_MODE)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

/**
 * The folder and every file in it made private: what an older desk left at 0644 (the
 * cache, the outbox, settings, tokens, moved-aside damaged files) is tightened on open.
 */
export async function tightenDataDir(dir: string): Promise<void> {
  await ensurePrivateDir(dir)
  const entries = await readdir(dir, { withFileTypes: true })
  await Promise.all(entries.filter((e) => e.isFile()).map((e) => makePrivate(join(dir, e.name))))
}
