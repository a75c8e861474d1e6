// Presence: who else is viewing or replying to a grievance, on POST /api/v1/presence and
// the event stream. Scoped like everything else (another division's officer learns
// nothing), never the user's own presence back, gone with the TTL and with sign-out, and
// across instances on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import { ensureUser } from '../../src/server/auth'
import type { Grievance } from '../../src/shared/grievance'
import type { PresenceList, ServerEvent } from '../../src/shared/protocol'
import { ApiClient, eventually, freshDatabase, loggedIn, PASSWORD, startTestServer, type TestDatabase } from './helpers'
import { seedGrievance, TWEETS } from './seed'
import { openStream, type TestStream } from './sse-client'

let db: TestDatabase
let server: RunningServer
let cyber: Grievance
const streams: TestStream[] = []

const SECOND_OFFICER = {
  username: 'officer.cyber.2',
  displayName: 'Meera Iyer',
  role: 'officer' as const,
  divisions: ['cyber'],
  languages: ['en', 'hi'],
  password: PASSWORD,
}

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db)
  await ensureUser(server.db, SECOND_OFFICER)
  cyber = await seedGrievance(server, TWEETS.cyber)
})
afterAll(async () => {
  for (const s of streams) s.close()
  await server?.close()
  await db?.drop()
})

async function stream(base: string, client: ApiClient): Promise<TestStream> {
  const s = await openStream(base, client.token!)
  streams.push(s)
  // Presence goes only to streams that said hello.
  await eventually(async () => s.events.some((e) => e.type === 'hello'))
  return s
}

const presenceEvents = (s: TestStream) =>
  s.events.filter((e): e is Extract<ServerEvent, { type: 'presence' }> => e.type === 'presence')
const lastPresence = (s: TestStream, grievanceId: string) =>
  presenceEvents(s)
    .filter((e) => e.grievanceId === grievanceId)
    .at(-1)

async function say(client: ApiClient, grievanceId: string, state: string) {
  return client.request('POST', '/api/v1/presence', { grievanceId, state })
}

describe('presence on one instance', () => {
  it("a second officer's desk sees the first one viewing, then replying, then gone", async () => {
    const first = await loggedIn(server, SECOND_OFFICER.username)
    const second = await loggedIn(server, 'officer.cyber')
    const watching = await stream(server.url, second)
    // The second officer opened the grievance first: nobody else there yet.
    const opened = await say(second, cyber.id, 'viewing')
    expect(opened).toEqual({ status: 200, body: { grievanceId: cyber.id, users: [] } })

    expect((await say(first, cyber.id, 'viewing')).status).toBe(200)
    await eventually(async () => lastPresence(watching, cyber.id)?.users[0]?.state === 'viewing')
    expect(lastPresence(watching, cyber.id)!.users).toEqual([
      { username: SECOND_OFFICER.username, displayName: 'Meera Iyer', state: 'viewing', since: expect.any(String) },
    ])

    // The answer to a desk saying it is there lists the others, so its bar is right at once.
    const again = (await say(second, cyber.id, 'viewing')).body as PresenceList
    expect(again.users.map((u) => [u.username, u.state])).toEqual([[SECOND_OFFICER.username, 'viewing']])

    await say(first, cyber.id, 'replying')
    await eventually(async () => lastPresence(watching, cyber.id)?.users[0]?.state === 'replying')
    await say(first, cyber.id, 'left')
    await eventually(async () => lastPresence(watching, cyber.id)?.users.length === 0)
    await say(second, cyber.id, 'left')
  })

  it('never sends a user their own presence, and an officer of another division neither sets nor sees it', async () => {
    const meera = await loggedIn(server, SECOND_OFFICER.username)
    const outsider = await loggedIn(server, 'officer.foreigners')
    const own = await stream(server.url, meera)
    const outside = await stream(server.url, outsider)
    const colleague = await loggedIn(server, 'officer.cyber')
    const colleagueStream = await stream(server.url, colleague)

    const refused = await say(outsider, cyber.id, 'viewing')
    expect(refused.status).toBe(404)
    expect(refused.body).toMatchObject({ error: 'not_found' })
    expect((await say(outsider, 'no-such-grievance', 'viewing')).status).toBe(404)

    await say(meera, cyber.id, 'replying')
    // Delivered to the colleague; by then the same fan-out has passed the other streams.
    await eventually(async () => lastPresence(colleagueStream, cyber.id)?.users[0]?.state === 'replying')
    expect(presenceEvents(outside)).toEqual([])
    expect(presenceEvents(own).flatMap((e) => e.users.map((u) => u.username))).not.toContain(SECOND_OFFICER.username)
    await say(meera, cyber.id, 'left')
  })

  it('changes are still announced to a stream that has had presence events', async () => {
    const meera = await loggedIn(server, SECOND_OFFICER.username)
    const colleague = await loggedIn(server, 'officer.cyber')
    const watching = await stream(server.url, colleague)
    await say(meera, cyber.id, 'replying')
    await eventually(async () => lastPresence(watching, cyber.id)?.users.length === 1)
    const fresh = (await colleague.changes(0, 500)).changes.find(
      (c) => c.kind === 'upsert' && c.grievance.id === cyber.id,
    )
    const version = fresh?.kind === 'upsert' ? fresh.grievance.version : cyber.version
    expect((await meera.act(cyber.id, version, { type: 'note', text: 'calling the bank' })).status).toBe('applied')
    await eventually(async () => watching.events.some((e) => e.type === 'changes'))
    await say(meera, cyber.id, 'left')
  })

  it('refuses bad input with a 400 and an unsigned request with a 401', async () => {
    const officer = await loggedIn(server, 'officer.cyber')
    expect((await say(officer, cyber.id, 'typing')).status).toBe(400)
    expect((await officer.request('POST', '/api/v1/presence', { grievanceId: '' })).status).toBe(400)
    expect((await say(new ApiClient(server.url), cyber.id, 'viewing')).status).toBe(401)
  })

  it("signing out ends the session's presence at once", async () => {
    const meera = await loggedIn(server, SECOND_OFFICER.username)
    const colleague = await loggedIn(server, 'officer.cyber')
    const watching = await stream(server.url, colleague)
    await say(meera, cyber.id, 'viewing')
    await eventually(async () => lastPresence(watching, cyber.id)?.users.length === 1)
    expect((await meera.request('POST', '/api/v1/auth/logout')).status).toBe(204)
    await eventually(async () => lastPresence(watching, cyber.id)?.users.length === 0)
    expect(((await say(colleague, cyber.id, 'viewing')).body as PresenceList).users).toEqual([])
    await say(colleague, cyber.id, 'left')
  })
})

describe('expiry', () => {
  let db2: TestDatabase
  let shortLived: RunningServer
  beforeAll(async () => {
    db2 = await freshDatabase()
    shortLived = await startTestServer(db2, { presenceTtlMs: 600 })
    await ensureUser(shortLived.db, SECOND_OFFICER)
  })
  afterAll(async () => {
    await shortLived?.close()
    await db2?.drop()
  })

  it('presence not said again within the TTL is gone, and the others hear of it', async () => {
    const g = await seedGrievance(shortLived, TWEETS.cyber)
    const meera = await loggedIn(shortLived, SECOND_OFFICER.username)
    const colleague = await loggedIn(shortLived, 'officer.cyber')
    const watching = await stream(shortLived.url, colleague)
    await say(meera, g.id, 'viewing')
    await eventually(async () => lastPresence(watching, g.id)?.users.length === 1)
    // Meera's desk goes quiet (crashed, lost its network): no refresh, no "left".
    await eventually(async () => lastPresence(watching, g.id)?.users.length === 0, 10_000)
    expect(((await say(colleague, g.id, 'viewing')).body as PresenceList).users).toEqual([])
  })
})

const hasPostgres = Boolean(process.env.DATABASE_URL)
if (!hasPostgres)
  console.log('[presence] two-instance test not run: needs DATABASE_URL (PostgreSQL); `npm run test:pg` sets it')
describe.skipIf(!hasPostgres)('two instances on one PostgreSQL', () => {
  let other: RunningServer
  beforeAll(async () => {
    other = await startTestServer(db, { demo: false, instanceId: 'presence-b' })
  })
  afterAll(async () => {
    await other?.close()
  })

  it("an officer on one instance sees a colleague's presence said on the other, and its end at sign-out", async () => {
    const meera = await loggedIn(server, SECOND_OFFICER.username)
    const colleague = new ApiClient(other.url)
    await colleague.login('officer.cyber')
    const watching = await stream(other.url, colleague)
    await say(meera, cyber.id, 'replying')
    await eventually(async () => lastPresence(watching, cyber.id)?.users[0]?.state === 'replying')
    // The instance that did not hear it from the desk answers the same.
    const there = (await say(colleague, cyber.id, 'viewing')).body as PresenceList
    expect(there.users.map((u) => u.username)).toEqual([SECOND_OFFICER.username])
    await meera.request('POST', '/api/v1/auth/logout')
    await eventually(async () => lastPresence(watching, cyber.id)?.users.length === 0)
  })
})
