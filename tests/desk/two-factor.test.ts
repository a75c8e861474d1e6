// The desk and two-factor sign-in: a user whose role must use it is held (token not
// saved, nothing synced) until they enrol, then works; a required password change comes
// first; a sign-in with two-factor on answers "code" with no user, a wrong code is the
// user's to retype (the challenge stands), and the right one makes a working session.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeskCore } from '../../src/main/desk/index'
import { ensureUser } from '../../src/server/auth'
import { startServer, type RunningServer } from '../../src/server/index'
import { codeAt } from '../../src/server/two-factor'
import { startCore, tempDir, waitFor } from './helpers'

const STEP_MS = 30_000
const INITIAL = 'Neem-Courtyard-Lamp-38'
const CHOSEN = 'Saffron+Harbour+Kite-74'
let now = Date.UTC(2026, 11, 3, 10, 0, 15)

let server: RunningServer
let data: { dir: string; remove: () => Promise<void> }
let core: DeskCore

beforeAll(async () => {
  server = await startServer({
    port: 0,
    demo: true,
    pollIntervalMs: 0,
    eventPingMs: 60_000,
    twoFactorClock: () => now,
    log: () => undefined,
  })
  await server.db.query(`UPDATE two_factor_policy SET required_roles = '{supervisor}'`)
  await ensureUser(server.db, {
    username: 'supervisor.fresh',
    displayName: 'Fresh Supervisor',
    role: 'supervisor',
    divisions: ['cyber'],
    languages: ['en'],
    password: INITIAL,
    mustChangePassword: true,
  })
  data = await tempDir()
  ;({ core } = startCore({ dataDir: data.dir, serverUrl: server.url }))
})
afterAll(async () => {
  await core?.close()
  await server?.close()
  await data?.remove()
})

describe('two-factor on the desk', () => {
  let secret = ''

  it('holds a sign-in whose role requires two-factor until the user enrols', async () => {
    const held = await core.handle('session.login', { username: 'supervisor', password: 'seva-demo' })
    expect(held).toMatchObject({ user: { username: 'supervisor' }, twoFactor: 'enrol' })
    expect(existsSync(join(data.dir, 'session-token'))).toBe(false)
    expect((await core.handle('sync.state', {})).status).toBe('logged-out')
    await expect(core.handle('review.ignored', {})).rejects.toMatchObject({ code: 'unauthorised' })
    expect(await core.handle('two-factor.status', {})).toEqual({ enabled: false, required: true, recoveryCodesLeft: 0 })

    secret = (await core.handle('two-factor.enrol', {})).secret
    await expect(core.handle('two-factor.confirm', { code: codeAt(secret, now + 10 * STEP_MS) })).rejects.toMatchObject(
      {
        code: 'invalid-input',
      },
    )
    const session = await core.handle('two-factor.confirm', { code: codeAt(secret, now) })
    expect(session.twoFactor).toBeUndefined()
    expect(session.user?.username).toBe('supervisor')
    expect(existsSync(join(data.dir, 'session-token'))).toBe(true)
    await waitFor(async () => (await core.handle('sync.state', {})).status === 'online', 'the desk online')
  })

  it('asks for the code after the password; a wrong one may be retyped, the right one signs in', async () => {
    await core.handle('session.logout', {})
    now += 2 * STEP_MS
    const asked = await core.handle('session.login', { username: 'supervisor', password: 'seva-demo' })
    expect(asked).toMatchObject({ user: null, twoFactor: 'code' })
    await expect(
      core.handle('session.two-factor-code', { code: codeAt(secret, now + 10 * STEP_MS) }),
    ).rejects.toMatchObject({ code: 'invalid-input' })
    expect((await core.handle('session.get', {})).twoFactor).toBe('code')
    const session = await core.handle('session.two-factor-code', { code: codeAt(secret, now) })
    expect(session).toMatchObject({ user: { username: 'supervisor' } })
    expect(session.twoFactor).toBeUndefined()
    await waitFor(async () => (await core.handle('sync.state', {})).status === 'online', 'the desk online')
  })

  it('a required password change comes before the required enrolment', async () => {
    await core.handle('session.logout', {})
    const first = await core.handle('session.login', { username: 'supervisor.fresh', password: INITIAL })
    expect(first).toMatchObject({ mustChangePassword: true })
    expect(first.twoFactor).toBeUndefined()
    await expect(core.handle('two-factor.enrol', {})).rejects.toMatchObject({ code: 'unauthorised' })
    const next = await core.handle('session.change-password', { currentPassword: INITIAL, newPassword: CHOSEN })
    expect(next).toMatchObject({ user: { username: 'supervisor.fresh' }, twoFactor: 'enrol' })
    expect(existsSync(join(data.dir, 'session-token'))).toBe(false)
  })
})
