// Where the session token is kept between runs. The desk core only knows this interface;
// the Electron glue passes one backed by safeStorage (OS keychain / DPAPI), the browser
// host and the tests use the plain file below (mode 0600, written atomically).
import { open, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { PRIVATE_FILE_MODE, ensurePrivateDir } from './private-files'

export interface TokenStore {
  load(): Promise<string | null>
  save(token: string): Promise<void>
  clear(): Promise<void>
}

export class FileTokenStore implements TokenStore {
  constructor(private readonly file: string) {}

  async load(): Promise<string | null> {
    try {
      const token = (await readFile(this.file, 'utf-8')).trim()
      return token === '' ? null : token
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  async save(token: string): Promise<void> {
    await ensurePrivateDir(dirname(this.file))
    // A new file replaces the old (maybe 0644) one; the mode of open() only applies on creation.
    const temp = join(dirname(this.file), `.${basename(this.file)}.tmp`)
    const handle = await open(temp, 'w', PRIVATE_FILE_MODE)
    try {
      await handle.chmod(PRIVATE_FILE_MODE)
      await handle.writeFile(token, 'utf-8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, this.file)
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true })
  }
}

/** Keeps the token for this run only (tests, kiosk machines). */
export class MemoryTokenStore implements TokenStore {
  private token: string | null = null
  async load(): Promise<string | null> {
    return this.token
  }
  async save(token: string): Promise<void> {
    this.token = token
  }
  async clear(): Promise<void> {
    this.token = null
  }
}
