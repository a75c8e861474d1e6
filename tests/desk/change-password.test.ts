// The desk and a password an administrator chose: the sign-in answers a session that
// must change its password first (nothing synced, the token not saved, so a restart asks
// to sign in again); session.change-password then turns it into a working session. A
// wrong current password is the user's to fix (invalid-input), and a desk whose user is
// disabled returns to signed-out by itself.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeskCore } from '../../src/main/desk/index'
import { startServer, type RunningServer } from '../../src/server/index'
import { ensureUser, setUserDisabled } from '../../src/server/auth'
import { FAST_TIMING, startCore, tempDir, waitFor } from './helpers'

const INITIAL = 'Neem-Courtyard-Lamp-38'
const CHOSEN = 'Saffron+Harbour+Kite-74'

let server: RunningServer
let data: { dir: string; remove: () => Promise<void> }
let core: DeskCore

beforeAll(async () => {
  server = await startServer({ port: 0, demo: true, pollIntervalMs: 0, eventPingMs: 60_000, log: () => undefined })
  await ensureUser(server.db, {
    username: 'officer.fresh',
    displayName: 'Fresh Officer',
    role: 'officer',
    divisions: ['cyber'],
    languages: ['en'],
    password: INITIAL,
    mustChangePassword: true,
  })
  data = await tempDir()
  ;({ core } = startCore({ dataDir: data.dir, serverUrl: server.url, timing: FAST_TIMING }))
})
afterAll(async () => {
  await core?.close()
  await server?.close()
  await data?.remove()
})

describe('session.change-password', () => {
  it('holds a must-change sign-in apart, then makes it a working session once the password is changed', async () => {
    const pending = await core.handle('session.login', { username: 'officer.fresh', password: INITIAL })
    expect(pending).toMatchObject({ user: { username: 'officer.fresh' }, mustChangePassword: true })
    expect(existsSync(join(data.dir, 'session-token'))).toBe(false)
    expect((await core.handle('sync.state', {})).status).toBe('logged-out')
    await expect(core.handle('review.ignored', {}), 'nothing else works on the pending session').rejects.toMatchObject({
      code: 'unauthorised',
    })

    await expect(
      core.handle('session.change-password', { currentPassword: 'wrong-one', newPassword: CHOSEN }),
    ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/^currentPassword:/) as string })
    await expect(
      core.handle('session.change-password', { currentPassword: INITIAL, newPassword: 'password1234' }),
    ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/breached/) as string })

    const session = await core.handle('session.change-password', { currentPassword: INITIAL, newPassword: CHOSEN })
    expect(session.user?.username).toBe('officer.fresh')
    expect(session.mustChangePassword).toBeUndefined()
    expect(existsSync(join(data.dir, 'session-token'))).toBe(true)
    await waitFor(async () => (await core.handle('sync.state', {})).status === 'online', 'the desk online')
  })

  it('a desk whose user is disabled goes back to signed-out on its own', async () => {
    await setUserDisabled(server.db, 'officer.fresh', true, server.sessions)
    // The server closes the event stream; the desk reconnects, hears 401 and ends the session.
    await waitFor(async () => (await core.handle('sync.state', {})).status === 'logged-out', 'signed out', 20_000)
    expect((await core.handle('session.get', {})).user).toBeNull()
  })
})
