// Sessions end when they should: sign-out (204, the token dead at once, its event
// streams closed), revocation when a user is disabled or their role changes, expiry
// (streams closed, rows pruned); the token is accepted only in the Authorization header;
// streams per session are capped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import { ensureUser, pruneExpiredSessions, revokeSessionsOf, setUserDisabled, setUserRole } from '../../src/server/auth'
import { LIMITS } from '../../src/shared/limits'
import { ApiClient, eventually, freshDatabase, loggedIn, PASSWORD, startTestServer, type TestDatabase } from './helpers'
import { openStream, type TestStream } from './sse-client'

let db: TestDatabase
let server: RunningServer

beforeAll(async () => {
  db = await freshDatabase()
  // Quick pings: sessions ended elsewhere (another instance) are noticed within one.
  server = await startTestServer(db, { eventPingMs: 150 })
  for (const name of ['temp.one', 'temp.two', 'temp.three', 'temp.four'])
    await ensureUser(server.db, {
      username: name,
      displayName: name,
      role: 'officer',
      divisions: ['cyber'],
      languages: ['en'],
      password: PASSWORD,
    })
})
afterAll(async () => {
  await server?.close()
  await db?.drop()
})

const me = async (client: ApiClient) => (await client.request('GET', '/api/v1/me')).status

describe('sign-out', () => {
  it('answers 204, kills the token at once and closes its event streams, leaving other sessions be', async () => {
    const desk = await loggedIn(server, 'officer.cyber')
    const otherDesk = await loggedIn(server, 'officer.cyber')
    const stream = await openStream(server.url, desk.token!)
    const otherStream = await openStream(server.url, otherDesk.token!)
    await eventually(async () => stream.events.length > 0 && otherStream.events.length > 0)

    expect(await desk.request('POST', '/api/v1/auth/logout')).toEqual({ status: 204, body: null })
    expect(await me(desk)).toBe(401)
    await stream.ended
    expect(await me(otherDesk)).toBe(200)
    expect(otherStream.isEnded()).toBe(false)
    otherStream.close()

    // Idempotent for the desk that retries; a token is required.
    expect((await desk.request('POST', '/api/v1/auth/logout')).status).toBe(204)
    expect((await new ApiClient(server.url).request('POST', '/api/v1/auth/logout')).status).toBe(401)
  })
})

describe('revocation', () => {
  it('disabling a user ends their sessions and streams, refuses sign-in, and re-enabling lets them back', async () => {
    const desk = await loggedIn(server, 'temp.one')
    const stream = await openStream(server.url, desk.token!)
    await eventually(async () => stream.events.length > 0)
    const revoked = await setUserDisabled(server.db, 'temp.one', true, server.sessions)
    expect(revoked).toHaveLength(1)
    await stream.ended
    expect(await me(desk)).toBe(401)
    const signIn = await new ApiClient(server.url).request('POST', '/api/v1/auth/login', {
      username: 'temp.one',
      password: PASSWORD,
    })
    expect(signIn.status).toBe(401)

    await setUserDisabled(server.db, 'temp.one', false, server.sessions)
    expect(await me(await loggedIn(server, 'temp.one'))).toBe(200)
  })

  it('a disabled token is refused even if its session row survived', async () => {
    const desk = await loggedIn(server, 'temp.four')
    await server.db.query(`UPDATE users SET disabled = TRUE WHERE username = 'temp.four'`)
    expect(await me(desk)).toBe(401)
  })

  it('changing a role ends the sessions granted under the old one', async () => {
    const desk = await loggedIn(server, 'temp.two')
    const stream = await openStream(server.url, desk.token!)
    await eventually(async () => stream.events.length > 0)
    expect(await setUserRole(server.db, 'temp.two', 'officer', server.sessions)).toEqual([])
    expect(await me(desk)).toBe(200)
    expect(await setUserRole(server.db, 'temp.two', 'supervisor', server.sessions)).toHaveLength(1)
    await stream.ended
    expect(await me(desk)).toBe(401)
    const again = await loggedIn(server, 'temp.two')
    expect((await again.request('GET', '/api/v1/me')).body).toMatchObject({ role: 'supervisor' })
  })

  it('closes a stream whose session was ended elsewhere (another instance) within a ping', async () => {
    const desk = await loggedIn(server, 'temp.three')
    const stream = await openStream(server.url, desk.token!)
    await eventually(async () => stream.events.length > 0)
    // No closer: this instance is not told, as when the revocation ran on another one.
    expect(await revokeSessionsOf(server.db, 'temp.three')).toHaveLength(1)
    await stream.ended
    expect(await me(desk)).toBe(401)
  })
})

describe('expiry', () => {
  it('refuses an expired token, closes its stream and prunes the row', async () => {
    const desk = await loggedIn(server, 'officer.police')
    const stream = await openStream(server.url, desk.token!)
    await eventually(async () => stream.events.length > 0)
    await server.db.query(
      `UPDATE sessions SET expires_at = now() - interval '1 minute'
       WHERE username = 'officer.police'`,
    )
    expect(await me(desk)).toBe(401)
    await stream.ended
    expect(await pruneExpiredSessions(server.db)).toBeGreaterThanOrEqual(1)
    const left = await server.db.query(
      `SELECT 1 FROM sessions WHERE username = 'officer.police' AND expires_at <= now()`,
    )
    expect(left).toEqual([])
  })
})

describe('tokens on the wire', () => {
  it('refuses a token in the query string, even a valid one', async () => {
    const desk = await loggedIn(server, 'officer.cyber')
    const viaQuery = await fetch(`${server.url}/api/v1/events?token=${desk.token}`)
    expect(viaQuery.status).toBe(400)
    expect(await viaQuery.json()).toMatchObject({ error: 'token_in_query' })
    expect((await new ApiClient(server.url, desk.token).request('GET', `/api/v1/me?token=${desk.token}`)).status).toBe(
      400,
    )
  })

  it('caps the streams of one session: the oldest goes when one more opens', async () => {
    const desk = await loggedIn(server, 'officer.capf')
    const streams: TestStream[] = []
    for (let i = 0; i < LIMITS.streamsPerSession; i++) streams.push(await openStream(server.url, desk.token!))
    await eventually(async () => streams.every((s) => s.events.length > 0))
    const extra = await openStream(server.url, desk.token!)
    expect(extra.status).toBe(200)
    await streams[0]!.ended
    await eventually(async () => extra.events.length > 0)
    expect(streams.slice(1).every((s) => !s.isEnded())).toBe(true)
    for (const s of [...streams, extra]) s.close()
    // Streams whose desks went away are forgotten.
    await eventually(async () => server.sessions.openStreams === 0)
  })
})
