// Per-officer settings in the desk core: kept per username across restarts and sign-ins,
// only for a signed-in officer, and a damaged file costs only the preferences.
import { readdir, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { DeskCore } from '../../src/main/desk/index'
import { userSettingsPath } from '../../src/main/desk/user-settings'
import { cores, data, server, startCore, useMockServerAndDataDir } from './helpers'
import { MOCK_PASSWORD } from './mock-sync-server'

useMockServerAndDataDir()

function open() {
  const started = startCore({ dataDir: data.dir, serverUrl: server.url })
  cores.push(started.core)
  return started
}

const signIn = (core: DeskCore, username: string) => core.handle('session.login', { username, password: MOCK_PASSWORD })

describe('user settings', () => {
  it('start unchosen, and are saved per officer', async () => {
    const { core } = open()
    await signIn(core, 'officer.cyber')
    expect(await core.handle('settings.get', {})).toEqual({ language: null })
    expect(await core.handle('settings.set', { language: 'hi' })).toEqual({ language: 'hi' })
    expect(await core.handle('settings.get', {})).toEqual({ language: 'hi' })

    // Another officer at the same workstation has their own.
    await signIn(core, 'officer.passport')
    expect(await core.handle('settings.get', {})).toEqual({ language: null })
    await core.handle('settings.set', { language: 'en' })

    // Signing back in (which rewrites settings.json) keeps the first officer's choice.
    await signIn(core, 'officer.cyber')
    expect(await core.handle('settings.get', {})).toEqual({ language: 'hi' })
  })

  it('survive a restart of the desk', async () => {
    const first = open().core
    await signIn(first, 'officer.cyber')
    await first.handle('settings.set', { language: 'hi' })
    await first.close()

    const second = open().core
    await signIn(second, 'officer.cyber')
    expect(await second.handle('settings.get', {})).toEqual({ language: 'hi' })
  })

  it('are nobody’s when signed out, and cannot be changed then', async () => {
    const { core } = open()
    expect(await core.handle('settings.get', {})).toEqual({ language: null })
    await expect(core.handle('settings.set', { language: 'hi' })).rejects.toMatchObject({ code: 'unauthorised' })
  })

  it('refuse a language the desk does not offer', async () => {
    const { core } = open()
    await signIn(core, 'officer.cyber')
    await expect(core.handle('settings.set', { language: 'fr' })).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(core.handle('settings.set', { language: 'hi', extra: 1 })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    expect(await core.handle('settings.get', {})).toEqual({ language: null })
  })

  it('start afresh from a damaged file, moved aside and logged', async () => {
    await writeFile(userSettingsPath(data.dir), '{ not json')
    const { core, logs } = open()
    await signIn(core, 'officer.cyber')
    expect(await core.handle('settings.get', {})).toEqual({ language: null })
    await core.handle('settings.set', { language: 'hi' })
    expect(logs.some((l) => l.startsWith('error: User settings'))).toBe(true)
    expect((await readdir(data.dir)).some((f) => f.startsWith('user-settings.json.corrupt-'))).toBe(true)
  })

  it('keep an update deferral per officer, within the limit, and the core has no update to offer', async () => {
    const { core } = open()
    await signIn(core, 'officer.cyber')
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString()
    expect(await core.handle('settings.set', { updateDeferUntil: until })).toMatchObject({ updateDeferUntil: until })
    await expect(
      core.handle('settings.set', { updateDeferUntil: new Date(Date.now() + 90 * 86_400_000).toISOString() }),
    ).rejects.toMatchObject({ code: 'invalid-input' })
    await signIn(core, 'officer.passport')
    expect((await core.handle('settings.get', {})).updateDeferUntil).toBeUndefined()
    // Only the Electron glue has an updater; the core (and so the browser desk) answers null.
    expect(await core.handle('updates.state', {})).toBeNull()
  })
})
