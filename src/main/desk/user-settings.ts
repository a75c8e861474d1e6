// Per-officer desk settings (for now the interface language), one small JSON file in the
// data directory keyed by username. Kept apart from settings.json so that signing in,
// which rewrites that file whole, never drops an officer's choices, and so that several
// officers sharing a workstation each keep their own.
import { join } from 'node:path'
import { JSONFile } from 'lowdb/node'
import { z } from 'zod'
import { UserSettings } from '../../shared/desk-api'
import { JsonStore } from './json-store'

const UserSettingsFile = z.object({ users: z.record(z.string(), UserSettings) })
type UserSettingsFile = z.infer<typeof UserSettingsFile>

const NOTHING_CHOSEN: UserSettings = { language: null }

export const userSettingsPath = (dataDir: string): string => join(dataDir, 'user-settings.json')

export class UserSettingsStore {
  private opened: Promise<JsonStore<UserSettingsFile>> | null = null

  constructor(
    private readonly file: string,
    private readonly clock: () => Date,
    private readonly log: (level: 'error', message: string) => void,
  ) {}

  async get(username: string): Promise<UserSettings> {
    const store = await this.store()
    return { ...NOTHING_CHOSEN, ...store.data.users[username] }
  }

  async set(username: string, patch: Partial<UserSettings>): Promise<UserSettings> {
    const store = await this.store()
    const next = await store.update((current) => ({
      users: { ...current.users, [username]: { ...NOTHING_CHOSEN, ...current.users[username], ...patch } },
    }))
    return next.users[username]
  }

  async flush(): Promise<void> {
    if (this.opened) await (await this.opened).flush()
  }

  // Opened on first use, after the desk core has made its data directory.
  private store(): Promise<JsonStore<UserSettingsFile>> {
    this.opened ??= JsonStore.open({
      file: this.file,
      adapter: new JSONFile<UserSettingsFile>(this.file),
      schema: UserSettingsFile,
      defaultData: () => ({ users: {} }),
      clock: this.clock,
    }).then(({ store, corrupt }) => {
      // Only preferences: starting from the defaults loses nothing that matters.
      if (corrupt)
        this.log('error', `User settings ${corrupt.file} were ${corrupt.reason}; moved to ${corrupt.movedTo}.`)
      return store
    })
    return this.opened
  }
}
