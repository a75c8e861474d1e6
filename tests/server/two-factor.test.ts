// Two-factor sign-in (TOTP, RFC 6238): enrolment with a code, the code step after a right
// password, replay of a used code refused, ±1 step of clock skew accepted (and no more),
// wrong codes locked out like passwords, secrets sealed at rest, an admin's requirement
// for a role (its users enrol before any work) and reset, all in the audit log. The
// server's two-factor clock is the test's, so steps are exact.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import { ensureUser } from '../../src/server/auth'
import { codeAt, matchingStep, timeStepAt } from '../../src/server/two-factor'
import type { AuditPage } from '../../src/shared/audit'
import type { LoginResponse } from '../../src/shared/protocol'
import {
  usersSignedOutBy,
  type AdminTwoFactor,
  type RecoveryCodes,
  type TwoFactorChallenge,
  type TwoFactorEnrolment,
} from '../../src/shared/two-factor'
import type { UserList } from '../../src/shared/users'
import { ApiClient, freshDatabase, loggedIn, PASSWORD, startTestServer, type TestDatabase } from './helpers'

const STEP_MS = 30_000
// Mid-step, so "a step earlier/later" is never a boundary case.
let now = Date.UTC(2026, 11, 3, 10, 0, 15)

let db: TestDatabase
let server: RunningServer
let admin: ApiClient

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db, {
    twoFactorClock: () => now,
    // PostgreSQL has no key file: the deployment's key, as SEVA_SECRET_KEY would give it.
    secretKey: randomBytes(32).toString('base64'),
    eventPingMs: 60_000,
    // Lockouts long enough that "locked" never depends on how fast this machine is.
    loginThrottle: { firstLockMs: 10 * 60_000 },
  })
  admin = await loggedIn(server, 'admin')
})
afterAll(async () => {
  await server?.close()
  await db?.drop()
})

async function enrol(client: ApiClient): Promise<string> {
  const res = await client.request('POST', '/api/v1/auth/two-factor/enrolment', {})
  expect(res.status).toBe(200)
  const { secret } = res.body as TwoFactorEnrolment
  const confirmed = await client.request('POST', '/api/v1/auth/two-factor/enrolment/confirm', {
    code: codeAt(secret, now),
  })
  expect(confirmed.status).toBe(200)
  return secret
}

/** The password step: a challenge, no session. */
async function challengeFor(username: string): Promise<string> {
  const res = await new ApiClient(server.url).request('POST', '/api/v1/auth/login', { username, password: PASSWORD })
  expect(res.status).toBe(200)
  const body = res.body as TwoFactorChallenge & { token?: string }
  expect(body.twoFactor).toBe('code')
  expect(body.token).toBeUndefined()
  return body.challenge
}

function verify(challenge: string, code: string) {
  return new ApiClient(server.url).request('POST', '/api/v1/auth/two-factor/verify', { challenge, code })
}

/** Each test starts with no failures counted (each leaves some: the throttle counts across tests). */
async function freshCounters(): Promise<void> {
  await server.db.query('DELETE FROM login_throttle')
}

async function auditOf(action: string) {
  return ((await admin.request('GET', `/api/v1/admin/audit?action=${action}&limit=50`)).body as AuditPage).entries
}

describe('the TOTP codes', () => {
  it('are RFC 6238 codes (its SHA-1 test vectors, cut to six digits)', () => {
    // RFC 6238 appendix B: the ASCII secret "12345678901234567890", 8-digit codes 94287082 and 07081804.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
    expect(codeAt(secret, 59_000)).toBe('287082')
    expect(codeAt(secret, 1_111_111_109_000)).toBe('081804')
    expect(matchingStep(secret, '081804', 1_111_111_109_000)).toBe(timeStepAt(1_111_111_109_000))
  })
})

describe('enrolling and signing in with a code', () => {
  let secret = ''
  const user = 'officer.cyber'

  it('enrols with a code; the secret is sealed at rest, never in clear', async () => {
    const client = await loggedIn(server, user)
    const started = await client.request('POST', '/api/v1/auth/two-factor/enrolment', {})
    expect(started.status).toBe(200)
    const enrolment = started.body as TwoFactorEnrolment
    secret = enrolment.secret
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\//)
    expect(new URL(enrolment.uri).searchParams.get('secret')).toBe(secret)

    const [row] = await server.db.query<Record<string, unknown>>('SELECT * FROM users WHERE username = $1', [user])
    expect(JSON.stringify(row)).not.toContain(secret)
    expect(String(row!.totp_secret_sealed)).toMatch(/^v1\./)
    expect(row!.totp_enabled).toBe(false)

    // A wrong code does not turn it on.
    const wrongCode = codeAt(secret, now + 10 * STEP_MS)
    const wrong = await client.request('POST', '/api/v1/auth/two-factor/enrolment/confirm', { code: wrongCode })
    expect(wrong.status).toBe(422)
    const right = await client.request('POST', '/api/v1/auth/two-factor/enrolment/confirm', {
      code: codeAt(secret, now).replace(/^(\d{3})/, '$1 '),
    })
    expect(right.status).toBe(200)
    expect(right.body).toMatchObject({ enabled: true })
    // A second enrolment while it is on would replace a working secret: refused.
    expect((await client.request('POST', '/api/v1/auth/two-factor/enrolment', {})).status).toBe(409)
    expect((await auditOf('two-factor.enabled')).some((e) => e.actor === user)).toBe(true)
  })

  it('refuses the code it was confirmed with (replay), and an older one', async () => {
    const challenge = await challengeFor(user)
    const replay = await verify(challenge, codeAt(secret, now))
    expect(replay.status).toBe(401)
    expect((await verify(challenge, codeAt(secret, now - STEP_MS))).status).toBe(401)
    const failures = (await auditOf('auth.two-factor-failed')).filter((e) => e.actor === user)
    expect(failures[0]?.details).toMatchObject({ reason: 'replayed' })
    expect(failures[0]?.clientAddress).toBeTruthy()
  })

  it('accepts a code one step behind or ahead of the server clock, not two', async () => {
    await freshCounters()
    now += 5 * STEP_MS
    let challenge = await challengeFor(user)
    expect((await verify(challenge, codeAt(secret, now - 2 * STEP_MS))).status).toBe(401)
    const behind = await verify(challenge, codeAt(secret, now - STEP_MS))
    expect(behind.status).toBe(200)
    const signedIn = behind.body as LoginResponse
    expect(signedIn.user.username).toBe(user)
    expect((await new ApiClient(server.url, signedIn.token).request('GET', '/api/v1/me')).status).toBe(200)
    // The challenge is single use.
    expect((await verify(challenge, codeAt(secret, now))).status).toBe(401)

    now += 5 * STEP_MS
    challenge = await challengeFor(user)
    expect((await verify(challenge, codeAt(secret, now + 2 * STEP_MS))).status).toBe(401)
    expect((await verify(challenge, codeAt(secret, now + STEP_MS))).status).toBe(200)
    // The step ahead is now used: the current code (an earlier step) is refused too.
    challenge = await challengeFor(user)
    expect((await verify(challenge, codeAt(secret, now))).status).toBe(401)
    const signIns = (await auditOf('auth.sign-in')).filter((e) => e.actor === user && e.details?.twoFactor)
    expect(signIns.length).toBe(2)
    expect(signIns[0]?.clientAddress).toBeTruthy()
  })

  it('locks out wrong codes like wrong passwords, even for the right code after', async () => {
    await freshCounters()
    now += 5 * STEP_MS
    const challenge = await challengeFor(user)
    const statuses: number[] = []
    // The password step counts as one attempt until a right code; then wrong codes.
    for (let i = 0; i < 6; i++) statuses.push((await verify(challenge, codeAt(secret, now + 20 * STEP_MS))).status)
    // Allowance 5: the password and four wrong codes; then locked out.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429])
    const right = await verify(challenge, codeAt(secret, now))
    expect(right.status).toBe(429)
    const locked = (await auditOf('auth.two-factor-failed')).find((e) => e.actor === user)
    expect(locked?.details).toMatchObject({ lockedOut: true })
  })

  it('signs in once with each recovery code (a lost phone); they are kept hashed, not in clear', async () => {
    // A user of its own: the one above is locked out (and this instance remembers it for a second).
    const user = 'officer.recovers'
    await ensureUser(server.db, {
      username: user,
      displayName: 'Recovering Officer',
      role: 'officer',
      divisions: ['cyber'],
      languages: ['en'],
      password: PASSWORD,
    })
    const client = await loggedIn(server, user)
    await enrol(client)
    const made = await client.request('POST', '/api/v1/auth/two-factor/recovery-codes', {})
    expect(made.status).toBe(200)
    const { codes } = made.body as RecoveryCodes
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/)
    const stored = JSON.stringify(
      await server.db.query('SELECT * FROM two_factor_recovery_codes WHERE username = $1', [user]),
    )
    for (const code of codes) expect(stored).not.toContain(code.replace('-', ''))

    // Typed in capitals without the dash: still the code; used once, then refused.
    const used = codes[3]!.replace('-', '').toUpperCase()
    expect((await verify(await challengeFor(user), used)).status).toBe(200)
    expect((await verify(await challengeFor(user), used)).status).toBe(401)
    expect((await client.request('GET', '/api/v1/auth/two-factor')).body).toMatchObject({ recoveryCodesLeft: 9 })
    const signIn = (await auditOf('auth.sign-in')).find((e) => e.actor === user)
    expect(signIn?.details).toMatchObject({ twoFactor: true, recoveryCode: true })
    // Without two-factor on there is nothing for them to stand in for.
    const other = await loggedIn(server, 'admin')
    expect((await other.request('POST', '/api/v1/auth/two-factor/recovery-codes', {})).status).toBe(409)
  })

  it('refuses a challenge that is made up', async () => {
    expect((await verify('made-up-challenge', '123456')).status).toBe(401)
    expect((await verify('made-up-challenge', 'abc')).status).toBe(400)
  })
})

describe('an admin requires two-factor for a role', () => {
  it('is refused to officers and supervisors (403) and without a session (401)', async () => {
    const anonymous = new ApiClient(server.url)
    expect((await anonymous.request('GET', '/api/v1/admin/two-factor')).status).toBe(401)
    expect((await anonymous.request('PUT', '/api/v1/admin/two-factor', { requiredRoles: [] })).status).toBe(401)
    expect((await anonymous.request('DELETE', '/api/v1/admin/users/supervisor/two-factor')).status).toBe(401)
    expect((await anonymous.request('GET', '/api/v1/auth/two-factor')).status).toBe(401)
    const supervisor = await loggedIn(server, 'supervisor')
    expect((await supervisor.request('GET', '/api/v1/admin/two-factor')).status).toBe(403)
    expect((await supervisor.request('PUT', '/api/v1/admin/two-factor', { requiredRoles: [] })).status).toBe(403)
    expect((await supervisor.request('DELETE', '/api/v1/admin/users/supervisor/two-factor')).status).toBe(403)
  })

  it('refuses to require it of admins while the admin setting it has none', async () => {
    const res = await admin.request('PUT', '/api/v1/admin/two-factor', { requiredRoles: ['admin'] })
    expect(res.status).toBe(409)
    expect(((await admin.request('GET', '/api/v1/admin/two-factor')).body as AdminTwoFactor).requiredRoles).toEqual([])
  })

  it('tells the admin, before saving, how many users a new requirement signs out', async () => {
    const view = async () => (await admin.request('GET', '/api/v1/admin/two-factor')).body as AdminTwoFactor
    const before = await view()
    expect(before.withoutTwoFactor.supervisor).toBeGreaterThan(0)
    expect(usersSignedOutBy(before, ['supervisor'])).toBe(before.withoutTwoFactor.supervisor)

    // A new supervisor without two-factor is one more; once they enrol, and when disabled, they are not.
    const enrols = 'supervisor.counted'
    const disabled = 'supervisor.disabled'
    for (const username of [enrols, disabled])
      await ensureUser(server.db, {
        username,
        displayName: username,
        role: 'supervisor',
        divisions: ['cyber'],
        languages: ['en'],
        password: PASSWORD,
      })
    expect((await view()).withoutTwoFactor.supervisor).toBe(before.withoutTwoFactor.supervisor + 2)
    await enrol(await loggedIn(server, enrols))
    expect((await admin.request('PATCH', `/api/v1/admin/users/${disabled}`, { disabled: true })).status).toBe(200)
    const after = await view()
    expect(after.withoutTwoFactor.supervisor).toBe(before.withoutTwoFactor.supervisor)
    // Admins and officers are counted apart: requiring it for officers only counts officers.
    expect(usersSignedOutBy(after, ['officer'])).toBe(after.withoutTwoFactor.officer)
    expect(usersSignedOutBy(after, [])).toBe(0)
  })

  it('signs out the users it catches; they must enrol before any work', async () => {
    const before = await loggedIn(server, 'supervisor')
    const set = await admin.request('PUT', '/api/v1/admin/two-factor', { requiredRoles: ['supervisor'] })
    expect(set.status).toBe(200)
    expect((set.body as AdminTwoFactor).requiredRoles).toEqual(['supervisor'])
    // Saved: saving the same roles again signs nobody out.
    expect(usersSignedOutBy(set.body as AdminTwoFactor, ['supervisor'])).toBe(0)
    expect((await before.request('GET', '/api/v1/me')).status).toBe(401)
    // Admins (not required) keep working.
    expect((await admin.request('GET', '/api/v1/admin/users')).status).toBe(200)

    const supervisor = new ApiClient(server.url)
    const login = await supervisor.login('supervisor')
    expect(login.mustEnrolTwoFactor).toBe(true)
    expect((await supervisor.request('GET', '/api/v1/me')).status).toBe(200)
    const blocked = await supervisor.request('GET', '/api/v1/changes?after=0')
    expect(blocked.status).toBe(403)
    expect((blocked.body as { error: string }).error).toBe('two_factor_enrolment_required')
    expect((await supervisor.request('GET', '/api/v1/auth/two-factor')).body).toEqual({
      enabled: false,
      required: true,
      recoveryCodesLeft: 0,
    })

    await enrol(supervisor)
    expect((await supervisor.request('GET', '/api/v1/changes?after=0')).status).toBe(200)
    const view = (await admin.request('GET', '/api/v1/admin/two-factor')).body as AdminTwoFactor
    expect(view.enrolled.map((e) => e.username)).toContain('supervisor')
    const [entry] = await auditOf('two-factor.requirement-changed')
    expect(entry).toMatchObject({ actor: 'admin', details: { from: [], to: ['supervisor'] } })
    expect((entry?.details as { sessionsEnded: number }).sessionsEnded).toBeGreaterThan(0)
  })

  it("resets a user's two-factor: their sessions end, and they enrol again at next sign-in", async () => {
    now += 5 * STEP_MS
    const res = await admin.request('DELETE', '/api/v1/admin/users/supervisor/two-factor')
    expect(res.status).toBe(200)
    expect((res.body as AdminTwoFactor).enrolled.map((e) => e.username)).not.toContain('supervisor')
    expect((await admin.request('DELETE', '/api/v1/admin/users/nobody.here/two-factor')).status).toBe(404)
    const login = await new ApiClient(server.url).login('supervisor')
    expect(login.mustEnrolTwoFactor).toBe(true)
    const [entry] = await auditOf('two-factor.reset')
    expect(entry).toMatchObject({ actor: 'admin', target: 'supervisor', details: { wasOn: true } })
    expect((await admin.request('GET', '/api/v1/admin/users')).body as UserList).toBeTruthy()
  })
})
