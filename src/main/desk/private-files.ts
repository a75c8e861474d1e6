// The desk's files hold citizens' messages, officers' notes and a session token: only
// the officer's own account may read them. POSIX modes; Windows ignores them (the data
// folder lives in the user's profile, which is private there).
import { chmod, mkdir } from 'node:fs/promises'

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
