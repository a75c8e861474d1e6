// The session token, encrypted with the OS (DPAPI on Windows, Keychain, libsecret) via
// Electron's safeStorage. Where the OS offers no encryption the token is kept in memory
// only: the officer signs in again after a restart rather than leaving a token in clear.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { safeStorage } from 'electron'
import { MemoryTokenStore, type TokenStore } from './desk/index'

export class SafeStorageTokenStore implements TokenStore {
  private readonly fallback = new MemoryTokenStore()

  constructor(private readonly file: string) {}

  private get encrypted(): boolean {
    return safeStorage.isEncryptionAvailable()
  }

  async load(): Promise<string | null> {
    if (!this.encrypted) return this.fallback.load()
    let blob: Buffer
    try {
      blob = await readFile(this.file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    try {
      return safeStorage.decryptString(blob)
    } catch {
      // Another user's or machine's blob (copied profile): treat as signed out.
      await this.clear()
      return null
    }
  }

  async save(token: string): Promise<void> {
    if (!this.encrypted) return this.fallback.save(token)
    await mkdir(dirname(this.file), { recursive: true })
    await writeFile(this.file, safeStorage.encryptString(token), { mode: 0o600 })
  }

  async clear(): Promise<void> {
    await this.fallback.clear()
    await rm(this.file, { force: true })
  }
}
