// X handles connected by OAuth 2.0 with PKCE, against the simulator: the admin's Connect,
// X's consent, the callback that stores the tokens sealed (the stored bytes never hold a
// token), replies posted with the primary handle's own token, refresh before expiry with
// rotation, failures recorded and retried with backoff, disconnect and removal revoking
// at X, and every route for admins only.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SecretBox, keyFileFor, loadSecretKey } from '../../src/server/handles'
import type { RunningServer } from '../../src/server/index'
import type { AuditPage } from '../../src/shared/audit'
import type { HandleList, HandleStatus } from '../../src/shared/handles'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import { ApiClient, eventually, freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'

const KEY = randomBytes(32)
const box = new SecretBox(KEY)
let simClock = Date.now()
let sim: Simulator
let db: TestDatabase
let server: RunningServer
let admin: ApiClient

beforeAll(async () => {
  // Access tokens of 5 minutes: inside the refresher's 10-minute window from the start.
  sim = await startSimulator({ port: 0, now: () => simClock, oauth: { accessTokenTtlMs: 5 * 60_000 } })
  db = await freshDatabase()
  server = await startTestServer(db, {
    xApiBase: sim.url,
    // Until the primary handle is connected, replies go out with this configured token.
    xUserToken: 'sim-user-fallback_bot',
    acknowledge: true,
    replyBackoffMs: 0,
    secretKey: KEY.toString('base64'),
  })
  admin = await loggedIn(server, 'admin')
})
afterAll(async () => {
  await server?.close()
  await sim?.close()
  await db?.drop()
})

async function handles(): Promise<HandleList> {
  const res = await admin.request('GET', '/api/v1/admin/handles')
  expect(res.status).toBe(200)
  return res.body as HandleList
}
const handle = async (username: string): Promise<HandleStatus> =>
  (await handles()).handles.find((h) => h.username === username)!

/** Connect through X's consent (auto-approved as `account`); the callback page's status and text. */
async function connect(
  username: string,
  account = username,
): Promise<{ status: number; html: string; callback: string }> {
  const res = await admin.request('POST', `/api/v1/admin/handles/${username}/connect`)
  expect(res.status).toBe(200)
  const authorize = new URL((res.body as { authorizeUrl: string }).authorizeUrl)
  expect(authorize.origin + authorize.pathname).toBe(`${sim.url}/i/oauth2/authorize`)
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
  authorize.searchParams.set('sim_account', account)
  const consent = await fetch(authorize, { redirect: 'manual' })
  expect(consent.status).toBe(302)
  const callback = consent.headers.get('location')!
  expect(callback.startsWith(`${server.url}/api/v1/oauth/x/callback?`)).toBe(true)
  const page = await fetch(callback)
  return { status: page.status, html: await page.text(), callback }
}

interface CredentialRow {
  [key: string]: unknown
  access_token_sealed: string
  refresh_token_sealed: string | null
}
async function credentials(usernameKey: string): Promise<CredentialRow | undefined> {
  const [row] = await server.db.query<CredentialRow>('SELECT * FROM x_handle_credentials WHERE username_key = $1', [
    usernameKey,
  ])
  return row
}
const accessTokenOf = (row: CredentialRow, key: string): string =>
  box.open(row.access_token_sealed, `x-handle:${key}:access`)

async function me(token: string): Promise<number> {
  return (await fetch(`${sim.url}/2/users/me`, { headers: { authorization: `Bearer ${token}` } })).status
}

async function auditActions(action: string): Promise<{ actor: string; target: string | null }[]> {
  const res = await admin.request('GET', `/api/v1/admin/audit?action=${action}`)
  return (res.body as AuditPage).entries.map((e) => ({ actor: e.actor, target: e.target }))
}

async function acknowledgeOne(text: string): Promise<string> {
  const tweet = sim.injectTweet({ author: `citizen_${randomBytes(3).toString('hex')}`, text })
  expect(await server.ingestNow()).toBe(1)
  expect(await server.postRepliesNow()).toBe(1)
  const ack = sim.store.timeline.find((t) => t.inReplyToTweetId === tweet.id)
  return ack!.author
}

describe('connecting the primary handle', () => {
  it('lists the org handles, none connected, and posts with the configured token meanwhile', async () => {
    const list = await handles()
    expect(list.canConnect).toBe(true)
    expect(list.handles.map((h) => h.username).sort()).toEqual(
      ['BOI_MHA', 'CyberDost', 'HMOIndia', 'MHA_Grievance', 'NDMA_India'].sort(),
    )
    expect(list.handles.find((h) => h.primary)?.username).toBe('HMOIndia')
    expect(list.handles.every((h) => !h.connected)).toBe(true)
    expect(await acknowledgeOne('@HMOIndia my e-visa application is pending for weeks, please help')).toBe(
      'fallback_bot',
    )
  })

  it('connects through X, stores the tokens sealed, and never shows them', async () => {
    const page = await connect('HMOIndia')
    expect(page.status).toBe(200)
    expect(page.html).toContain('data-outcome="connected"')
    expect(page.html).toContain('You can close this window')

    const status = await handle('HMOIndia')
    expect(status).toMatchObject({ connected: true, refreshable: true, connectedBy: 'admin', lastError: null })
    expect(Date.parse(status.tokenExpiresAt!)).toBeGreaterThan(Date.now())

    const row = (await credentials('hmoindia'))!
    const token = accessTokenOf(row, 'hmoindia')
    expect(await me(token)).toBe(200)
    const stored = JSON.stringify(await server.db.query('SELECT * FROM x_handle_credentials'))
    expect(stored).not.toContain(token)
    expect(stored).not.toContain(Buffer.from(token).toString('base64'))
    expect(JSON.stringify(await handles())).not.toContain(token)
    // The sealed value is bound to its handle and field: as another handle's it does not open.
    expect(() => box.open(row.access_token_sealed, 'x-handle:cyberdost:access')).toThrow()
    expect(await auditActions('handle.connected')).toEqual([{ actor: 'admin', target: 'HMOIndia' }])
  })

  it('posts replies with the primary handle’s own token once it is connected', async () => {
    expect(await acknowledgeOne('@HMOIndia passport police verification pending for two months')).toBe('HMOIndia')
  })

  it('refuses the same callback twice (the state is single use)', async () => {
    const first = await connect('MHA_Grievance')
    expect(first.status).toBe(200)
    const again = await fetch(first.callback)
    expect(again.status).toBe(400)
    expect(await again.text()).toContain('data-outcome="failed"')
  })

  it('hands the previous grant back to X when a handle is connected again', async () => {
    const before = accessTokenOf((await credentials('mha_grievance'))!, 'mha_grievance')
    expect((await connect('MHA_Grievance')).status).toBe(200)
    const after = accessTokenOf((await credentials('mha_grievance'))!, 'mha_grievance')
    expect(after).not.toBe(before)
    expect(await me(before)).toBe(401)
    expect(await me(after)).toBe(200)
  })

  it('refuses an account that is not the handle, says so, and hands its tokens back to X', async () => {
    const page = await connect('CyberDost', 'BOI_MHA')
    expect(page.status).toBe(409)
    const status = await handle('CyberDost')
    expect(status.connected).toBe(false)
    expect(status.lastError).toMatch(/@BOI_MHA, not @CyberDost/)
    expect(sim.context.oauth.liveGrants().some((g) => g.username === 'BOI_MHA')).toBe(false)
  })

  it('answers the callback page in Hindi when the browser prefers it', async () => {
    const res = await fetch(`${server.url}/api/v1/oauth/x/callback?state=unknown&code=x`, {
      headers: { 'accept-language': 'hi-IN,hi;q=0.9,en;q=0.5' },
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('lang="hi"')
    expect(html).toContain('हैंडल नहीं जुड़ा')
  })
})

describe('refresh before expiry', () => {
  it('refreshes a token within the window, rotating the refresh token, and posts with the new one', async () => {
    const before = (await credentials('hmoindia'))!
    const oldAccess = accessTokenOf(before, 'hmoindia')
    const oldRefresh = box.open(before.refresh_token_sealed!, 'x-handle:hmoindia:refresh')
    simClock += 3 * 60_000 // 2 minutes left: inside the 10-minute window
    const result = await server.refreshHandlesNow()
    expect(result.refreshed).toContain('HMOIndia')
    const after = (await credentials('hmoindia'))!
    const newAccess = accessTokenOf(after, 'hmoindia')
    expect(newAccess).not.toBe(oldAccess)
    expect(box.open(after.refresh_token_sealed!, 'x-handle:hmoindia:refresh')).not.toBe(oldRefresh)
    expect((await handle('HMOIndia')).lastRefreshAt).not.toBeNull()
    // The old token dies when its 5 minutes are up; the new one lives on.
    simClock += 2 * 60_000 + 1_000
    expect(await me(oldAccess)).toBe(401)
    expect(await me(newAccess)).toBe(200)
    expect(await acknowledgeOne('@HMOIndia my e-visa extension application is pending for a month, please help')).toBe(
      'HMOIndia',
    )
  })

  it('records a failed refresh, waits before trying again, and doubles the wait', async () => {
    sim.context.oauth.revokeAllFor('HMOIndia') // the account withdrew access at X
    const now = Date.now()
    // (The other connected handle is refreshed on every pass: its 5-minute tokens are always due.)
    expect((await server.refreshHandlesNow(now)).failed).toEqual(['HMOIndia'])
    const first = await handle('HMOIndia')
    expect(first.lastError).toMatch(/invalid_grant.*connect the handle again/)
    const firstWait = Date.parse(first.nextRetryAt!) - now
    expect(firstWait).toBe(30_000)
    // Within the backoff: not tried again.
    const during = await server.refreshHandlesNow(now + 1_000)
    expect([...during.refreshed, ...during.failed]).not.toContain('HMOIndia')
    expect((await server.refreshHandlesNow(now + 31_000)).failed).toEqual(['HMOIndia'])
    const second = await handle('HMOIndia')
    expect(Date.parse(second.nextRetryAt!) - (now + 31_000)).toBe(60_000)
    expect(second.lastError).toMatch(/attempt 2/)
  })

  it('clears the error when the handle is connected again', async () => {
    expect((await connect('HMOIndia')).status).toBe(200)
    expect(await handle('HMOIndia')).toMatchObject({ connected: true, lastError: null, nextRetryAt: null })
  })
})

describe('disconnect, add, remove', () => {
  it('disconnects: revokes at X, forgets the tokens, audits it', async () => {
    const token = accessTokenOf((await credentials('hmoindia'))!, 'hmoindia')
    const res = await admin.request('POST', '/api/v1/admin/handles/HMOIndia/disconnect')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ revokedAtX: true, handle: { username: 'HMOIndia', connected: false } })
    expect(await credentials('hmoindia')).toBeUndefined()
    expect(await me(token)).toBe(401)
    expect(await auditActions('handle.disconnected')).toEqual([{ actor: 'admin', target: 'HMOIndia' }])
    expect((await admin.request('POST', '/api/v1/admin/handles/HMOIndia/disconnect')).status).toBe(409)
  })

  it('adds and removes a handle with audit entries, refusing duplicates, unknown divisions and the primary', async () => {
    const added = await admin.request('POST', '/api/v1/admin/handles', { username: '@CERT_In', division: 'cyber' })
    expect(added.status).toBe(201)
    expect(added.body).toMatchObject({ username: 'CERT_In', division: 'cyber', primary: false, connected: false })
    expect((await admin.request('POST', '/api/v1/admin/handles', { username: 'cert_in' })).status).toBe(409)
    expect((await admin.request('POST', '/api/v1/admin/handles', { username: 'Other', division: 'nope' })).status).toBe(
      400,
    )
    expect((await admin.request('POST', '/api/v1/admin/handles', { username: 'has space' })).status).toBe(400)
    expect((await admin.request('POST', '/api/v1/admin/handles', { username: 'x'.repeat(16) })).status).toBe(400)
    expect((await admin.request('DELETE', '/api/v1/admin/handles/HMOIndia')).status).toBe(409)
    expect((await admin.request('DELETE', '/api/v1/admin/handles/CERT_In')).status).toBe(204)
    expect((await admin.request('DELETE', '/api/v1/admin/handles/CERT_In')).status).toBe(404)
    expect(await auditActions('handle.added')).toEqual([{ actor: 'admin', target: 'CERT_In' }])
    expect(await auditActions('handle.removed')).toEqual([{ actor: 'admin', target: 'CERT_In' }])
  })

  it('removing a connected handle revokes its tokens at X', async () => {
    expect((await connect('NDMA_India')).status).toBe(200)
    const token = accessTokenOf((await credentials('ndma_india'))!, 'ndma_india')
    expect((await admin.request('DELETE', '/api/v1/admin/handles/NDMA_India')).status).toBe(204)
    expect(await me(token)).toBe(401)
    expect((await handles()).handles.some((h) => h.username === 'NDMA_India')).toBe(false)
  })
})

describe('bad input', () => {
  it('answers malformed requests with a 4xx, never a 500', async () => {
    const callback = `${server.url}/api/v1/oauth/x/callback`
    expect((await fetch(`${callback}?state=${'s'.repeat(2_000)}&code=c`)).status).toBe(400)
    expect((await fetch(`${callback}?state=a%00b&code=c`)).status).toBe(400)
    expect((await fetch(`${callback}?code=c`)).status).toBe(400)
    expect((await fetch(`${callback}?state=unknown&error=access_denied`)).status).toBe(400)
    expect((await admin.request('POST', '/api/v1/admin/handles/nobody_here/connect')).status).toBe(404)
    expect((await admin.request('POST', '/api/v1/admin/handles/bad%20name/connect')).status).toBe(400)
    expect((await admin.request('POST', '/api/v1/admin/handles', ['CyberDost'])).status).toBe(400)
    expect((await admin.request('POST', '/api/v1/admin/handles', { username: 'Fine', extra: 1 })).status).toBe(400)
    expect((await admin.request('POST', '/api/v1/admin/handles', { username: 'a\u0000b' })).status).toBe(400)
  })
})

describe('who may use the routes', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/v1/admin/handles'],
    ['POST', '/api/v1/admin/handles', { username: 'Someone' }],
    ['DELETE', '/api/v1/admin/handles/MHA_Grievance'],
    ['POST', '/api/v1/admin/handles/MHA_Grievance/connect'],
    ['POST', '/api/v1/admin/handles/MHA_Grievance/disconnect'],
  ]
  it('answers 401 without a session and 403 to officers and supervisors', async () => {
    const officer = await loggedIn(server, 'officer.cyber')
    const supervisor = await loggedIn(server, 'supervisor')
    for (const [method, path, body] of routes) {
      expect((await new ApiClient(server.url).request(method, path, body)).status, `${method} ${path}`).toBe(401)
      expect((await officer.request(method, path, body)).status, `${method} ${path}`).toBe(403)
      expect((await supervisor.request(method, path, body)).status, `${method} ${path}`).toBe(403)
    }
    expect(await handle('MHA_Grievance')).toMatchObject({ connected: true })
  })
})

describe('the token key', () => {
  it('is made 0600 beside the data directory on first start and read back after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seva-key-'))
    try {
      const dataDir = join(dir, 'server')
      const first = await loadSecretKey({ dataDir })
      expect(first.source).toMatchObject({ kind: 'file', created: true, path: join(dir, 'server.secret-key') })
      expect(statSync(keyFileFor(dataDir)).mode & 0o777).toBe(0o600)
      const sealed = first.box!.seal('a token', 'ctx')
      const second = await loadSecretKey({ dataDir })
      expect(second.source).toMatchObject({ kind: 'file', created: false })
      expect(second.box!.open(sealed, 'ctx')).toBe('a token')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a key that is not 32 bytes, and on PostgreSQL without a key connecting is off', async () => {
    await expect(loadSecretKey({ secretKey: Buffer.from('short').toString('base64') })).rejects.toThrow(/32/)
    expect((await loadSecretKey({ databaseUrl: 'postgres://x' })).box).toBeNull()
  })
})

describe("the leader's background loop", () => {
  it('refreshes a connected handle by itself', async () => {
    const loopDb = await freshDatabase()
    const leader = await startTestServer(loopDb, {
      xApiBase: sim.url,
      secretKey: KEY.toString('base64'),
      pollIntervalMs: 60_000,
      handleRefreshCheckMs: 100,
    })
    try {
      const loopAdmin = await loggedIn(leader, 'admin')
      const res = await loopAdmin.request('POST', '/api/v1/admin/handles/BOI_MHA/connect')
      const authorize = new URL((res.body as { authorizeUrl: string }).authorizeUrl)
      authorize.searchParams.set('sim_account', 'BOI_MHA')
      const consent = await fetch(authorize, { redirect: 'manual' })
      expect((await fetch(consent.headers.get('location')!)).status).toBe(200)
      // 5-minute tokens are inside the 10-minute window: the loop renews without being asked.
      const refreshed = await eventually(async () => {
        const list = (await loopAdmin.request('GET', '/api/v1/admin/handles')).body as HandleList
        return list.handles.find((h) => h.username === 'BOI_MHA')?.lastRefreshAt
      }, 15_000)
      expect(Date.parse(refreshed)).toBeGreaterThan(0)
    } finally {
      await leader.close()
      await loopDb.drop()
    }
  })
})

const hasPostgres = Boolean(process.env.DATABASE_URL)
if (!hasPostgres)
  console.log('[handles] two-instance test not run: needs DATABASE_URL (PostgreSQL); `npm run test:pg` sets it')
describe.skipIf(!hasPostgres)('two instances on one PostgreSQL', () => {
  it('completes a connect started on one instance when X sends the browser to the other', async () => {
    const other = await startTestServer(db, {
      demo: false,
      instanceId: 'handles-b',
      xApiBase: sim.url,
      secretKey: KEY.toString('base64'),
    })
    try {
      const res = await admin.request('POST', '/api/v1/admin/handles/CyberDost/connect')
      const authorize = new URL((res.body as { authorizeUrl: string }).authorizeUrl)
      authorize.searchParams.set('sim_account', 'CyberDost')
      const callback = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location')!)
      const there = new URL(callback.pathname + callback.search, other.url)
      expect((await fetch(there)).status).toBe(200)
      expect(await handle('CyberDost')).toMatchObject({ connected: true, connectedBy: 'admin' })
    } finally {
      await other.close()
    }
  })
})
