// The HTTP API over a real server: migrations, login, scoping of the changes feed
// (with tombstones), paging, server-sent events, and every kind of action result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import type { RunningServer } from '../../src/server/index'
import { MIGRATIONS, migrate } from '../../src/server/db/migrations'
import { loadGrievance } from '../../src/server/grievances'
import type { Grievance } from '../../src/shared/grievance'
import { ApiClient, freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'
import { seedGrievance, seedTweet, TWEETS } from './seed'

let db: TestDatabase
let server: RunningServer

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db)
})
afterAll(async () => {
  await server?.close()
  await db?.drop()
})

const seed = (text: string): Promise<Grievance> => seedGrievance(server, text)
/** The grievance as the server holds it now (an action's answer no longer carries it). */
const stored = (id: string): Promise<Grievance | null> => loadGrievance(server.db, id)

describe('database and health', () => {
  it('records applied migrations and re-running them is a no-op', async () => {
    const rows = await server.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version))
    expect(await migrate(server.db)).toEqual([])
  })

  it('reports health to anyone as {ok} only, and which database it runs on to a supervisor', async () => {
    const res = await new ApiClient(server.url).request('GET', '/healthz')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ok: true })
    const officer = await loggedIn(server, 'officer.foreigners')
    expect((await officer.request('GET', '/healthz')).body).toEqual({ ok: true })
    expect((await new ApiClient(server.url, 'not-a-token').request('GET', '/healthz')).body).toEqual({ ok: true })
    const supervisor = await loggedIn(server, 'supervisor')
    const detailed = await supervisor.request('GET', '/healthz')
    expect(detailed.status).toBe(200)
    expect(detailed.body).toMatchObject({
      ok: true,
      db: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      leader: true,
      seq: expect.any(Number),
    })
  })
})

describe('login and sessions', () => {
  it('issues a token for the right password and rejects a wrong one', async () => {
    const client = new ApiClient(server.url)
    const login = await client.login('officer.cyber')
    expect(login.user).toEqual({
      username: 'officer.cyber',
      displayName: expect.any(String),
      role: 'officer',
      divisions: ['cyber'],
      languages: ['en', 'hi'],
    })
    expect((await client.request('GET', '/api/v1/me')).body).toMatchObject({ username: 'officer.cyber' })

    const bad = await new ApiClient(server.url).request('POST', '/api/v1/auth/login', {
      username: 'officer.cyber',
      password: 'nope',
    })
    expect(bad).toEqual({ status: 401, body: { error: 'invalid_credentials', message: expect.any(String) } })
    const unknown = await new ApiClient(server.url).request('POST', '/api/v1/auth/login', {
      username: 'ghost',
      password: 'x',
    })
    expect(unknown.status).toBe(401)
  })

  it('stores only hashes of passwords and tokens', async () => {
    const token = (await new ApiClient(server.url).login('admin')).token
    const [user] = await server.db.query<{ password_hash: string }>(
      "SELECT password_hash FROM users WHERE username = 'admin'",
    )
    expect(user!.password_hash).toMatch(/^scrypt\$/)
    const sessions = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions')
    expect(sessions.some((s) => s.token_hash === token)).toBe(false)
  })

  it('answers 401 without or with a bad token, 400 on a malformed body, 404 on unknown routes', async () => {
    expect((await new ApiClient(server.url).request('GET', '/api/v1/me')).status).toBe(401)
    expect((await new ApiClient(server.url, 'forged').request('GET', '/api/v1/changes')).body).toMatchObject({
      error: 'unauthorized',
    })
    const client = await loggedIn(server, 'supervisor')
    const res = await client.request('POST', '/api/v1/actions', { actions: [{ id: 'x' }] })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: 'bad_request', message: expect.stringContaining('actions') })
    expect((await client.request('GET', '/api/v1/changes?after=abc')).status).toBe(400)
    expect((await client.request('GET', '/api/v1/nothing')).status).toBe(404)
  })

  it('serves the org summary', async () => {
    const client = await loggedIn(server, 'officer.cyber')
    const res = await client.request('GET', '/api/v1/org')
    expect(res.body).toMatchObject({
      id: 'mha',
      ticketPrefix: 'MHA',
      handles: expect.arrayContaining(['HMOIndia', 'CyberDost']),
    })
  })
})

describe('changes feed', () => {
  it('scopes to the officer, pages consistently, and sends a tombstone when work leaves their scope', async () => {
    const start = (await (await loggedIn(server, 'supervisor')).changes(0, 500)).last
    const cyber = await seed(TWEETS.cyber)
    const visa = await seed(TWEETS.visa)
    expect(cyber.ticket).toMatch(/^MHA-\d{2}-\d{6}$/)
    expect(cyber.division).toBe('cyber')
    expect(visa.division).toBe('foreigners')

    const officer = await loggedIn(server, 'officer.cyber')
    const mine = await officer.changes(start)
    expect(mine.changes.map((c) => (c.kind === 'upsert' ? c.grievance.id : c.id))).toEqual([cyber.id])

    // The supervisor sees both, one per page.
    const supervisor = await loggedIn(server, 'supervisor')
    const page1 = await supervisor.changes(start, 1)
    expect(page1.hasMore).toBe(true)
    const page2 = await supervisor.changes(page1.last, 1)
    expect(page2.hasMore).toBe(false)
    expect([...page1.changes, ...page2.changes].map((c) => c.kind === 'upsert' && c.grievance.id)).toEqual([
      cyber.id,
      visa.id,
    ])

    const forwarded = await officer.act(cyber.id, cyber.version, {
      type: 'forward',
      toDivision: 'police',
      note: 'passport matter',
    })
    expect(forwarded.status).toBe('applied')
    const after = await officer.changes(mine.last)
    expect(after.changes).toEqual([{ seq: expect.any(Number), kind: 'remove', id: cyber.id }])
    const police = await loggedIn(server, 'officer.police')
    const theirs = await police.changes(start, 500)
    const upsert = theirs.changes.find((c) => c.kind === 'upsert' && c.grievance.id === cyber.id)
    expect(upsert).toMatchObject({
      kind: 'upsert',
      grievance: { division: 'police', status: 'assigned', assignee: 'officer.police' },
    })
  })

  it('pushes hello and changes over server-sent events', async () => {
    const officer = await loggedIn(server, 'officer.foreigners')
    const g = await seed(TWEETS.visa)
    const controller = new AbortController()
    const res = await fetch(`${server.url}/api/v1/events`, {
      headers: { authorization: `Bearer ${officer.token}` },
      signal: controller.signal,
    })
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    const nextEvent = async (): Promise<{ event: string; data: { type: string; seq: number } }> => {
      for (let i = 0; i < 50; i++) {
        const end = buffer.indexOf('\n\n')
        if (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (event && data) return { event, data: JSON.parse(data) as { type: string; seq: number } }
          continue
        }
        const chunk = await reader.read()
        if (chunk.done) throw new Error('stream ended')
        buffer += decoder.decode(chunk.value, { stream: true })
      }
      throw new Error('no event')
    }
    const hello = await nextEvent()
    expect(hello.event).toBe('hello')
    const result = await officer.act(g.id, g.version, { type: 'note', text: 'checking with FRRO' })
    expect(result.status).toBe('applied')
    const changes = await nextEvent()
    expect(changes.event).toBe('changes')
    expect(changes.data.seq).toBeGreaterThan(hello.data.seq)
    controller.abort()
    expect((await new ApiClient(server.url).request('GET', '/api/v1/events')).status).toBe(401)
  })
})

describe('actions', () => {
  it('applies, answers duplicate for a seen id, conflict for a stale version, rejected for illegal moves', async () => {
    const g = await seed(TWEETS.cyber)
    const officer = await loggedIn(server, 'officer.cyber')
    const id = randomUUID()
    const started = await officer.act(g.id, g.version, { type: 'start' }, id)
    // The outcome and the new version, not the grievance.
    expect(started).toEqual({ id, status: 'applied', grievanceId: g.id, version: g.version + 1 })
    expect(await stored(g.id)).toMatchObject({ status: 'in_progress', version: g.version + 1 })
    const again = await officer.act(g.id, g.version, { type: 'start' }, id)
    expect(again).toEqual({ id, status: 'duplicate', grievanceId: g.id, version: g.version + 1 })

    const stale = await officer.act(g.id, g.version, { type: 'resolve' })
    expect(stale).toMatchObject({ status: 'conflict', grievance: { version: g.version + 1, status: 'in_progress' } })
    // Notes commute: applied whatever version they were based on.
    const note = await officer.act(g.id, 1, { type: 'note', text: 'called the citizen' })
    expect(note).toMatchObject({ status: 'applied', version: g.version + 2 })

    const resolved = await officer.act(g.id, g.version + 2, { type: 'resolve', note: 'refund initiated' })
    expect(resolved).toMatchObject({ status: 'applied', version: g.version + 3 })
    expect(await stored(g.id)).toMatchObject({ status: 'resolved', statusReason: 'refund initiated' })
    const illegal = await officer.act(g.id, g.version + 3, { type: 'start' })
    expect(illegal).toEqual({
      id: expect.any(String),
      status: 'rejected',
      reason: 'A grievance that is resolved cannot become in_progress',
    })
    const closed = await officer.act(g.id, g.version + 3, { type: 'close' })
    expect(closed).toMatchObject({ status: 'applied', version: g.version + 4 })
    expect(await stored(g.id)).toMatchObject({ status: 'closed' })
  })

  it('rejects unknown grievances, out-of-scope work, bad divisions and failed-only retries', async () => {
    const g = await seed(TWEETS.visa)
    const cyberOfficer = await loggedIn(server, 'officer.cyber')
    expect(await cyberOfficer.act('no-such-id', 1, { type: 'claim' })).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('Unknown grievance'),
    })
    expect(await cyberOfficer.act(g.id, g.version, { type: 'claim' })).toMatchObject({ status: 'rejected' })
    const supervisor = await loggedIn(server, 'supervisor')
    expect(await supervisor.act(g.id, g.version, { type: 'forward', toDivision: 'mars' })).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('mars'),
    })
    expect(await supervisor.act(g.id, g.version, { type: 'retry-reply', entryId: 'nope' })).toMatchObject({
      status: 'rejected',
    })
    const priority = await supervisor.act(g.id, g.version, { type: 'set-priority', priority: 'critical' })
    expect(priority).toMatchObject({ status: 'applied' })
    if (priority.status !== 'applied') throw new Error('unreachable')
    const prioritised = (await stored(g.id))!
    expect(prioritised).toMatchObject({ priority: 'critical', version: priority.version })
    expect(Date.parse(prioritised.slaDueAt) - Date.parse(prioritised.createdAt)).toBe(2 * 3_600_000)
    const rejected = await supervisor.act(g.id, priority.version, {
      type: 'reject',
      reason: 'duplicate of another ticket',
    })
    expect(rejected).toMatchObject({ status: 'applied' })
    expect(await stored(g.id)).toMatchObject({ status: 'rejected', statusReason: 'duplicate of another ticket' })
  })

  it('refuses replies with personal data and queues others with the ticket number', async () => {
    const g = await seed(TWEETS.visa)
    const officer = await loggedIn(server, 'officer.foreigners')
    const pii = await officer.act(g.id, g.version, {
      type: 'reply',
      text: 'Please call us at 9876543210 with your Aadhaar 2345 6789 0123',
    })
    expect(pii).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/phone number.*Direct Message/s) })
    const ok = await officer.act(g.id, g.version, {
      type: 'reply',
      text: '@{name} Your visa request is being processed.',
    })
    expect(ok.status).toBe('applied')
    if (ok.status !== 'applied') throw new Error('unreachable')
    const entry = (await stored(g.id))!.thread.at(-1)!
    expect(entry).toMatchObject({ kind: 'reply', by: 'officer.foreigners', post: { state: 'pending' } })
    expect(entry.text).toBe(`@citizen_a Your visa request is being processed. (Ref: ${g.ticket})`)
    const outbox = await server.db.query<{ state: string; text: string }>(
      'SELECT state, text FROM reply_outbox WHERE entry_id = $1',
      [entry.id],
    )
    expect(outbox).toEqual([{ state: 'pending', text: entry.text }])

    const long = await officer.act(g.id, ok.version, {
      type: 'reply',
      text: `${g.ticket} ` + 'Your application has been examined. '.repeat(12),
    })
    expect(long.status).toBe('applied')
    if (long.status !== 'applied') throw new Error('unreachable')
    const parts = (await stored(g.id))!.thread.filter((e) => e.kind === 'reply' && e.id.startsWith(long.id))
    expect(parts.length).toBeGreaterThan(1)
  })
})

describe('allocation', () => {
  it('gives new work to the least-loaded officer with the language, and waiting work when load frees', async () => {
    const supervisor = await loggedIn(server, 'supervisor')
    const admin = server.db
    // A second disaster officer who reads only English, and tight capacities.
    await admin.query(`INSERT INTO users (username, display_name, role, divisions, languages, capacity, password_hash)
      VALUES ('officer.disaster2', 'Second', 'officer', '["disaster"]', '["en"]', 1, 'scrypt$x$y')`)
    await admin.query(`UPDATE users SET capacity = 1 WHERE username = 'officer.disaster'`)
    const flood = '@NDMA_India we are stranded in flood water, please send rescue'
    const a = await seedTweet(server, flood)
    const b = await seedTweet(server, flood)
    expect([a?.assignee, b?.assignee].sort()).toEqual(['officer.disaster', 'officer.disaster2'])
    const c = await seedTweet(server, flood)
    expect(c).toMatchObject({ status: 'new', assignee: null, division: 'disaster' })
    // Hindi work cannot go to the English-only officer even when he has room.
    const held = a?.assignee === 'officer.disaster2' ? a : b!
    const freed = await supervisor.act(held.id, held.version, { type: 'resolve' })
    expect(freed.status).toBe('applied')
    const d = await seedTweet(server, '@NDMA_India हम बाढ़ में फंसे हैं, कृपया मदद करें')
    expect(d).toMatchObject({ assignee: null })
    // The English-only officer's freed slot goes to the waiting English grievance c.
    const list = await supervisor.changes(0, 500)
    const cNow = list.changes.find((x) => x.kind === 'upsert' && x.grievance.id === c!.id)
    expect(cNow).toMatchObject({ grievance: { assignee: 'officer.disaster2', status: 'assigned' } })
  })
})
