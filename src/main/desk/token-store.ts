// Where the session token is kept between runs. The desk core only knows this interface;
// the Electron glue passes one backed by safeStorage (OS keychain / DPAPI), the browser
// host and the tests use the plain file below (mode 0600).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

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
    await mkdir(dirname(this.file), { recursive: true })
    await writeFile(this.file, token, { encoding: 'utf-8', mode: 0o600 })
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
