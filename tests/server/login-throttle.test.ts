// Sign-in lockout: a flood of wrong passwords for one account gets 429 + Retry-After
// after the allowance, exactly the allowance is checked even when the guesses arrive in
// parallel, a colleague signing in from the same address during the flood gets in, a
// spray of many accounts from one address is stopped, and every failure is logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import { addressKey } from '../../src/server/auth'
import { ApiClient, eventually, freshDatabase, PASSWORD, startTestServer, type TestDatabase } from './helpers'

const ACCOUNT_ALLOWANCE = 5
const ADDRESS_ALLOWANCE = 30
// Long enough that no lockout in this file ends on its own while a test looks at it.
const LOCK_MS = 10 * 60_000

let db: TestDatabase
let server: RunningServer
const logs: string[] = []

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db, {
    loginThrottle: {
      accountFailures: ACCOUNT_ALLOWANCE,
      addressFailures: ADDRESS_ALLOWANCE,
      firstLockMs: LOCK_MS,
      maxLockMs: LOCK_MS,
    },
    log: (m) => logs.push(m),
  })
})
afterAll(async () => {
  await server?.close()
  await db?.drop()
})

async function attempt(username: string, password: string): Promise<{ status: number; retryAfter: string | null }> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  await res.text()
  return { status: res.status, retryAfter: res.headers.get('retry-after') }
}

describe('per account', () => {
  it('answers 429 with Retry-After once the allowance is used, counting a parallel flood exactly', async () => {
    const flood = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt('officer.cyber', `guess-${i}`)))
    const refused = flood.filter((r) => r.status === 429)
    // The lockout check is atomic with the count: 40 parallel guesses, 5 password checks.
    expect(flood.filter((r) => r.status === 401)).toHaveLength(ACCOUNT_ALLOWANCE)
    expect(refused).toHaveLength(40 - ACCOUNT_ALLOWANCE)
    for (const r of refused) expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1)
    expect(Number(refused[0]!.retryAfter)).toBeLessThanOrEqual(LOCK_MS / 1000)

    // Locked means locked: the right password waits too, and the body says so.
    const res = await new ApiClient(server.url).request('POST', '/api/v1/auth/login', {
      username: 'officer.cyber',
      password: PASSWORD,
    })
    expect(res).toEqual({
      status: 429,
      body: { error: 'too_many_attempts', message: expect.stringMatching(/try again/) },
    })
  })

  it('lets a colleague on the same address sign in while one account is flooded', async () => {
    const flood = Promise.all(Array.from({ length: 60 }, (_, i) => attempt('officer.foreigners', `guess-${i}`)))
    const colleague = await new ApiClient(server.url).login('officer.police')
    expect(colleague.user.username).toBe('officer.police')
    const results = await flood
    expect(results.filter((r) => r.status === 401)).toHaveLength(ACCOUNT_ALLOWANCE)
    expect(results.filter((r) => r.status === 429)).toHaveLength(60 - ACCOUNT_ALLOWANCE)
    // And after the flood too: the address has used only the flooded accounts' allowances.
    expect((await new ApiClient(server.url).login('admin')).user.role).toBe('admin')
  })

  it('counts failures only: a success starts the account afresh', async () => {
    for (let i = 0; i < ACCOUNT_ALLOWANCE - 1; i++) expect((await attempt('supervisor', 'wrong')).status).toBe(401)
    await new ApiClient(server.url).login('supervisor')
    for (let i = 0; i < ACCOUNT_ALLOWANCE - 1; i++) expect((await attempt('supervisor', 'wrong')).status).toBe(401)
    await new ApiClient(server.url).login('supervisor')
  })

  it('logs each failure with the username and client address, never the password', async () => {
    const before = logs.length
    expect((await attempt('officer.border', 'hunter2-secret')).status).toBe(401)
    const lines = logs.slice(before).filter((l) => l.startsWith('[auth]'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('"officer.border"')
    expect(lines[0]).toMatch(/from (127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)/)
    expect(logs.join('\n')).not.toContain('hunter2-secret')
  })
})

describe('per address', () => {
  let other: RunningServer
  let otherDb: TestDatabase
  beforeAll(async () => {
    otherDb = await freshDatabase()
    other = await startTestServer(otherDb, {
      loginThrottle: { accountFailures: 5, addressFailures: 8, firstLockMs: LOCK_MS, maxLockMs: LOCK_MS },
    })
  })
  afterAll(async () => {
    await other?.close()
    await otherDb?.drop()
  })

  it('stops a spray of many accounts from one address, then lets it try again after the lockout', async () => {
    const spray = async (username: string) =>
      (
        await fetch(`${other.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'Password1' }),
        })
      ).status
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) statuses.push(await spray(`ghost-${i}`))
    // One failure per account, never an account's own allowance: the address stops it.
    expect(statuses).toEqual([...Array<number>(8).fill(401), 429, 429])
    // A genuine user on that address waits too (the price of stopping the spray).
    const genuine = () =>
      fetch(`${other.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'officer.cyber', password: PASSWORD }),
      })
    expect((await genuine()).status).toBe(429)
    // The lockout is temporary: once it has passed (moved to the past here), the right password gets in.
    await other.db.query(`UPDATE login_throttle SET locked_until = now() - interval '1 second'`)
    await eventually(async () => (await genuine()).status === 200, 15_000)
  })
})

describe('client address key', () => {
  it('is the IPv4 address, IPv4-mapped IPv6 as IPv4, and an IPv6 /64', () => {
    expect(addressKey('203.0.113.7')).toBe('address:203.0.113.7')
    expect(addressKey('::ffff:203.0.113.7')).toBe('address:203.0.113.7')
    expect(addressKey('2001:db8:0:1:aaaa::1')).toBe('address:2001:db8:0:1::/64')
    expect(addressKey('2001:0db8:0000:0001:bbbb:cccc:dddd:eeee')).toBe('address:2001:db8:0:1::/64')
    expect(addressKey('2001:db8::1')).toBe('address:2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('address:0:0:0:0::/64')
  })
})
