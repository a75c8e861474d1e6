// The users capability: admins list, create and edit users (every admin route refuses
// officers and supervisors with 403, and everyone without a token with 401); passwords
// follow the policy; a password an admin set must be changed before the session is good
// for anything else; disabling a user kills their tokens and closes their streams at
// once; every change is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import type { AuditPage } from '../../src/shared/audit'
import type { AdminUser, UserList } from '../../src/shared/users'
import { ApiClient, eventually, freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'
import { openStream } from './sse-client'

let db: TestDatabase
let server: RunningServer
let admin: ApiClient

const STRONG = 'Tulsi-Marg-Lantern-47'
const STRONGER = 'Kestrel+Monsoon+Ledger-93'

beforeAll(async () => {
  db = await freshDatabase()
  // Lockouts long enough that "locked" never depends on how fast this machine is.
  server = await startTestServer(db, { eventPingMs: 60_000, loginThrottle: { firstLockMs: 10 * 60_000 } })
  admin = await loggedIn(server, 'admin')
})
afterAll(async () => {
  await server?.close()
  await db?.drop()
})

const newOfficer = (username: string, extra: Record<string, unknown> = {}) => ({
  username,
  displayName: `Officer ${username}`,
  role: 'officer',
  divisions: ['cyber'],
  password: STRONG,
  ...extra,
})

async function auditOf(action: string, target: string) {
  const res = await admin.request('GET', `/api/v1/admin/audit?action=${action}`)
  return (res.body as AuditPage).entries.filter((e) => e.target === target)
}

describe('who may use the admin user routes', () => {
  const routes: [string, string, unknown][] = [
    ['GET', '/api/v1/admin/users', undefined],
    ['POST', '/api/v1/admin/users', newOfficer('role.check')],
    ['PATCH', '/api/v1/admin/users/officer.cyber', { displayName: 'Changed' }],
  ]
  it.each(routes)('%s %s: 401 without a token, 403 for officers and supervisors', async (method, path, body) => {
    expect((await new ApiClient(server.url).request(method, path, body)).status).toBe(401)
    for (const who of ['officer.cyber', 'supervisor']) {
      const res = await (await loggedIn(server, who)).request(method, path, body)
      expect(res.status).toBe(403)
      expect((res.body as { error: string }).error).toBe('forbidden')
    }
    const list = (await admin.request('GET', '/api/v1/admin/users')).body as UserList
    expect(list.users.find((u) => u.username === 'role.check')).toBeUndefined()
    expect(list.users.find((u) => u.username === 'officer.cyber')?.displayName).not.toBe('Changed')
  })

  it('POST /api/v1/auth/password: 401 without a token', async () => {
    const res = await new ApiClient(server.url).request('POST', '/api/v1/auth/password', {
      currentPassword: 'x',
      newPassword: STRONG,
    })
    expect(res.status).toBe(401)
  })
})

describe('creating users', () => {
  it('creates a user (201, public fields only), lists them, refuses the same name with 409, audits it', async () => {
    const res = await admin.request('POST', '/api/v1/admin/users', newOfficer('new.one', { capacity: 7 }))
    expect(res.status).toBe(201)
    const user = res.body as AdminUser & { password_hash?: string }
    expect(user).toMatchObject({
      username: 'new.one',
      role: 'officer',
      divisions: ['cyber'],
      capacity: 7,
      disabled: false,
      mustChangePassword: true,
      lastSignInAt: null,
    })
    expect(JSON.stringify(user)).not.toContain('scrypt')
    const again = await admin.request('POST', '/api/v1/admin/users', newOfficer('new.one'))
    expect(again.status).toBe(409)
    expect((again.body as { error: string }).error).toBe('user_exists')

    const list = (await admin.request('GET', '/api/v1/admin/users')).body as UserList
    expect(list.users.map((u) => u.username)).toContain('new.one')
    const [entry] = await auditOf('user.created', 'new.one')
    expect(entry).toMatchObject({ actor: 'admin', details: { role: 'officer', capacity: 7 } })
  })

  it.each([
    ['too short', 'Short-1a', 'at least 12 characters'],
    ['the username', 'weak.name-Lantern-47', 'must not contain the username'],
    ['a repeat', 'abcabcabcabcabcabc', 'repeated'],
    ['a sequence', 'abcdefghijklmnop', 'sequence'],
    ['a breached password', 'password1234', 'commonly used or breached'],
  ])('refuses a password that is %s (400 weak_password, nothing created)', async (_what, password, words) => {
    const res = await admin.request('POST', '/api/v1/admin/users', newOfficer('weak.name', { password }))
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: 'weak_password' })
    expect((res.body as { message: string }).message).toContain(words)
    const list = (await admin.request('GET', '/api/v1/admin/users')).body as UserList
    expect(list.users.map((u) => u.username)).not.toContain('weak.name')
  })

  it('refuses malformed bodies with 400, not 500', async () => {
    for (const body of [
      newOfficer('Upper.Case'),
      newOfficer('bad.role', { role: 'root' }),
      newOfficer('big.cap', { capacity: 1_000_000 }),
      newOfficer('extra', { isAdmin: true }),
      { username: 'missing' },
    ])
      expect((await admin.request('POST', '/api/v1/admin/users', body)).status).toBe(400)
  })
})

describe('must change the password at first sign-in', () => {
  it('gates every route but /me, the password change and sign-out until the user picks their own', async () => {
    await admin.request('POST', '/api/v1/admin/users', newOfficer('first.timer'))
    const desk = new ApiClient(server.url)
    const login = await desk.login('first.timer', STRONG)
    expect(login.mustChangePassword).toBe(true)
    const me = await desk.request('GET', '/api/v1/me')
    expect(me).toMatchObject({ status: 200, body: { username: 'first.timer', mustChangePassword: true } })
    for (const path of ['/api/v1/changes', '/api/v1/org', '/api/v1/events', '/api/v1/review/ignored']) {
      const res = await desk.request('GET', path)
      expect(res.status, path).toBe(403)
      expect((res.body as { error: string }).error).toBe('password_change_required')
    }
    const other = new ApiClient(server.url)
    await other.login('first.timer', STRONG)

    // Wrong current password, a weak new one, the same one: refused, still gated.
    const wrong = await desk.request('POST', '/api/v1/auth/password', {
      currentPassword: 'not-it',
      newPassword: STRONGER,
    })
    expect(wrong).toMatchObject({ status: 400, body: { error: 'wrong_password' } })
    const weak = await desk.request('POST', '/api/v1/auth/password', {
      currentPassword: STRONG,
      newPassword: 'qwertyuiop12',
    })
    expect(weak).toMatchObject({ status: 400, body: { error: 'weak_password' } })
    const same = await desk.request('POST', '/api/v1/auth/password', { currentPassword: STRONG, newPassword: STRONG })
    expect(same.status).toBe(400)
    expect((await desk.request('GET', '/api/v1/changes')).status).toBe(403)

    const changed = await desk.request('POST', '/api/v1/auth/password', {
      currentPassword: STRONG,
      newPassword: STRONGER,
    })
    expect(changed).toEqual({ status: 200, body: { ok: true, sessionsEnded: 1 } })
    // This session now works; the other one ended; the old password no longer signs in.
    expect((await desk.request('GET', '/api/v1/changes')).status).toBe(200)
    expect((await other.request('GET', '/api/v1/me')).status).toBe(401)
    const old = await new ApiClient(server.url).request('POST', '/api/v1/auth/login', {
      username: 'first.timer',
      password: STRONG,
    })
    expect(old.status).toBe(401)
    const fresh = await new ApiClient(server.url).login('first.timer', STRONGER)
    expect(fresh.mustChangePassword).toBe(false)

    const [entry] = await auditOf('auth.password-changed', 'first.timer')
    expect(entry).toMatchObject({ actor: 'first.timer', details: { required: true, sessionsEnded: 1 } })
    const list = (await admin.request('GET', '/api/v1/admin/users')).body as UserList
    expect(list.users.find((u) => u.username === 'first.timer')?.lastSignInAt).not.toBeNull()
  })

  it('guesses at the current password count as failed sign-ins: the account locks (429)', async () => {
    await admin.request('POST', '/api/v1/admin/users', newOfficer('guessed.at'))
    const desk = new ApiClient(server.url)
    await desk.login('guessed.at', STRONG)
    // A weak new password with the right current one is not a guess: it does not count.
    for (let i = 0; i < 6; i++)
      expect(
        (await desk.request('POST', '/api/v1/auth/password', { currentPassword: STRONG, newPassword: 'password1234' }))
          .status,
      ).toBe(400)
    for (let i = 0; i < 5; i++)
      expect(
        (await desk.request('POST', '/api/v1/auth/password', { currentPassword: `guess-${i}`, newPassword: STRONGER }))
          .body,
      ).toMatchObject({ error: 'wrong_password' })
    const locked = await desk.request('POST', '/api/v1/auth/password', {
      currentPassword: STRONG,
      newPassword: STRONGER,
    })
    expect(locked).toMatchObject({ status: 429, body: { error: 'too_many_attempts' } })
    const signIn = await new ApiClient(server.url).request('POST', '/api/v1/auth/login', {
      username: 'guessed.at',
      password: STRONG,
    })
    expect(signIn.status).toBe(429)
  })

  it('a password reset by an admin ends the sessions and forces a change again', async () => {
    await admin.request('POST', '/api/v1/admin/users', newOfficer('reset.me'))
    const desk = new ApiClient(server.url)
    await desk.login('reset.me', STRONG)
    await desk.request('POST', '/api/v1/auth/password', { currentPassword: STRONG, newPassword: STRONGER })
    expect((await desk.request('GET', '/api/v1/changes')).status).toBe(200)

    const reset = await admin.request('PATCH', '/api/v1/admin/users/reset.me', { password: 'Banyan-Courier-Quill-58' })
    expect(reset).toMatchObject({ status: 200, body: { mustChangePassword: true } })
    expect((await desk.request('GET', '/api/v1/me')).status).toBe(401)
    const again = await new ApiClient(server.url).login('reset.me', 'Banyan-Courier-Quill-58')
    expect(again.mustChangePassword).toBe(true)
    const [entry] = await auditOf('user.updated', 'reset.me')
    expect(entry?.details).toMatchObject({ passwordReset: true, sessionsEnded: 1 })
    expect(JSON.stringify(entry)).not.toContain('Banyan')
  })
})

describe('editing users', () => {
  it('disabling ends the tokens and open streams at once; enabling lets the user back; both audited', async () => {
    await admin.request('POST', '/api/v1/admin/users', newOfficer('to.disable'))
    const desk = new ApiClient(server.url)
    await desk.login('to.disable', STRONG)
    await desk.request('POST', '/api/v1/auth/password', { currentPassword: STRONG, newPassword: STRONGER })
    const stream = await openStream(server.url, desk.token!)
    await eventually(async () => stream.events.length > 0)

    const res = await admin.request('PATCH', '/api/v1/admin/users/to.disable', { disabled: true })
    expect(res).toMatchObject({ status: 200, body: { disabled: true } })
    // Pings are a minute apart here: the stream ends because the change closed it, not a re-check.
    await stream.ended
    expect((await desk.request('GET', '/api/v1/me')).status).toBe(401)
    const signIn = await new ApiClient(server.url).request('POST', '/api/v1/auth/login', {
      username: 'to.disable',
      password: STRONGER,
    })
    expect(signIn.status).toBe(401)

    expect((await admin.request('PATCH', '/api/v1/admin/users/to.disable', { disabled: false })).status).toBe(200)
    expect((await new ApiClient(server.url).login('to.disable', STRONGER)).user.username).toBe('to.disable')
    expect((await auditOf('user.disabled', 'to.disable'))[0]?.details).toMatchObject({ sessionsEnded: 1 })
    expect(await auditOf('user.enabled', 'to.disable')).toHaveLength(1)
  })

  it('edits fields (audited with before and after), a role change ends sessions, unknown users 404', async () => {
    await admin.request('POST', '/api/v1/admin/users', newOfficer('edit.me'))
    const desk = new ApiClient(server.url)
    await desk.login('edit.me', STRONG)
    const edited = await admin.request('PATCH', '/api/v1/admin/users/edit.me', {
      displayName: 'Edited Name',
      divisions: ['cyber', 'police'],
      languages: ['hi'],
      capacity: 3,
    })
    expect(edited).toMatchObject({
      status: 200,
      body: { displayName: 'Edited Name', divisions: ['cyber', 'police'], languages: ['hi'], capacity: 3 },
    })
    expect((await desk.request('GET', '/api/v1/me')).status).toBe(200)
    const [updated] = await auditOf('user.updated', 'edit.me')
    expect(updated?.details).toMatchObject({ capacity: { from: 20, to: 3 }, displayName: { to: 'Edited Name' } })

    const promoted = await admin.request('PATCH', '/api/v1/admin/users/edit.me', { role: 'supervisor' })
    expect(promoted).toMatchObject({ status: 200, body: { role: 'supervisor' } })
    expect((await desk.request('GET', '/api/v1/me')).status).toBe(401)
    expect((await auditOf('user.role-changed', 'edit.me'))[0]?.details).toMatchObject({
      from: 'officer',
      to: 'supervisor',
    })

    expect((await admin.request('PATCH', '/api/v1/admin/users/nobody.here', { capacity: 1 })).status).toBe(404)
    expect((await admin.request('PATCH', '/api/v1/admin/users/edit.me', {})).status).toBe(400)
    expect((await admin.request('PATCH', '/api/v1/admin/users/edit.me', { password: 'password1234' })).status).toBe(400)
  })

  it('an admin cannot disable or demote themselves (409)', async () => {
    expect((await admin.request('PATCH', '/api/v1/admin/users/admin', { disabled: true })).status).toBe(409)
    expect((await admin.request('PATCH', '/api/v1/admin/users/admin', { role: 'officer' })).status).toBe(409)
    expect((await admin.request('GET', '/api/v1/me')).status).toBe(200)
  })
})
