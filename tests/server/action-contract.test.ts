// The actions contract at its limits: an answer is the outcome (never the grievance),
// texts and ids are capped at the boundary, a grievance cannot grow without bound, the
// inputs the outside audit found answered 500 are a clear 400, and a client's action id
// can never take a server-made entry id (the reply would be silently dropped).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import type { RunningServer } from '../../src/server/index'
import { writeTransaction } from '../../src/server/db/database'
import { currentSeq, loadGrievance, saveGrievance } from '../../src/server/grievances'
import { changesFor } from '../../src/server/feed'
import type { StaffUser } from '../../src/server/auth'
import { ingestTweet } from '../../src/server/ingest/grievance-from-tweet'
import type { Grievance } from '../../src/shared/grievance'
import { LIMITS } from '../../src/shared/limits'
import type { Action, ActionBody } from '../../src/shared/protocol'
import { ApiClient, freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'
import { seedContext, seedGrievance, TWEETS } from './seed'

let db: TestDatabase
let server: RunningServer
let officer: ApiClient

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db)
  officer = await loggedIn(server, 'officer.cyber')
})
afterAll(async () => {
  await server?.close()
  await db?.drop()
})

const stored = async (id: string): Promise<Grievance> => (await loadGrievance(server.db, id))!

const action = (g: Pick<Grievance, 'id' | 'version'>, body: ActionBody, id: string = randomUUID()): Action => ({
  id,
  grievanceId: g.id,
  baseVersion: g.version,
  at: new Date().toISOString(),
  body,
})

const post = (actions: unknown[]) => officer.request('POST', '/api/v1/actions', { actions })

let tweetSeq = 1_950_000_000_000_000_000n

/** A grievance made by ingestion with its acknowledgement queued, as in production. */
async function seedAcknowledged(text: string): Promise<Grievance> {
  const ctx = seedContext(server, { acknowledge: true })
  const id = String(tweetSeq++)
  const outcome = await writeTransaction(server.db, (tx) =>
    ingestTweet(
      ctx,
      tx,
      { id, text, authorId: `u${id}`, authorUsername: 'citizen_b', conversationId: id, viaHandle: 'CyberDost' },
      { viaHandle: 'CyberDost' },
    ),
  )
  if (outcome.kind !== 'created') throw new Error(`not created: ${outcome.kind}`)
  return outcome.grievance
}

describe('an action answer is its outcome', () => {
  it('answers a batch of 20 notes with id, status and version, a small fraction of the request', async () => {
    const g = await seedGrievance(server, TWEETS.cyber)
    const text = 'Called the citizen; the bank has frozen the beneficiary account. '
      .repeat(70)
      .slice(0, LIMITS.noteChars)
    const actions = Array.from({ length: 20 }, () => action(g, { type: 'note', text }))
    const res = await fetch(`${server.url}/api/v1/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer.token}` },
      body: JSON.stringify({ actions }),
    })
    const answer = await res.text()
    expect(res.status).toBe(200)
    expect(JSON.parse(answer)).toEqual({
      results: actions.map((a, i) => ({ id: a.id, status: 'applied', grievanceId: g.id, version: g.version + i + 1 })),
    })
    // The old answer carried the whole, growing grievance with every result (≈ 10× the request).
    expect(Buffer.byteLength(answer)).toBeLessThan(Buffer.byteLength(JSON.stringify({ actions })) / 20)
    expect((await stored(g.id)).thread.filter((e) => e.kind === 'note')).toHaveLength(20)
  })

  it('gives the current grievance with a conflict only, and keeps no grievance in the actions table', async () => {
    const g = await seedGrievance(server, TWEETS.cyber)
    const started = await officer.act(g.id, g.version, { type: 'start' })
    const stale = await officer.act(g.id, g.version, { type: 'resolve' })
    expect(started).toMatchObject({ status: 'applied', version: g.version + 1 })
    expect(stale).toMatchObject({ status: 'conflict', grievance: { id: g.id, version: g.version + 1 } })
    const rows = await server.db.query<{ result: Record<string, unknown> }>(
      'SELECT result FROM actions WHERE id IN ($1, $2)',
      [started.id, stale.id],
    )
    expect(rows).toHaveLength(2)
    for (const row of rows) expect(row.result).not.toHaveProperty('grievance')
  })

  it('sends a grievance with one conflict of a batch, not with each of many', async () => {
    const g = await seedGrievance(server, TWEETS.cyber)
    await officer.act(g.id, g.version, { type: 'start' })
    const stale = Array.from({ length: LIMITS.actionsPerBatch }, () => action(g, { type: 'resolve' }))
    const results = await officer.actBatch(stale)
    expect(results[0]).toMatchObject({ id: stale[0]!.id, status: 'conflict', grievance: { id: g.id } })
    expect(results.slice(1).every((r) => r.status === 'rejected' && r.reason.includes(stale[0]!.id))).toBe(true)
    expect(results.filter((r) => 'grievance' in r)).toHaveLength(1)
  })
})

describe('limits of a grievance', () => {
  it('refuses texts longer than the contract allows with a 400 naming the field', async () => {
    const g = await seedGrievance(server, TWEETS.cyber)
    const cases: [ActionBody, string][] = [
      [{ type: 'note', text: 'n'.repeat(LIMITS.noteChars + 1) }, 'body.text'],
      [{ type: 'reply', text: 'r'.repeat(LIMITS.replyChars + 1) }, 'body.text'],
      [{ type: 'reject', reason: 'x'.repeat(LIMITS.reasonChars + 1) }, 'body.reason'],
      [{ type: 'resolve', note: 'n'.repeat(LIMITS.noteChars + 1) }, 'body.note'],
      [{ type: 'forward', toDivision: 'd'.repeat(LIMITS.nameChars + 1) }, 'body.toDivision'],
    ]
    for (const [body, field] of cases) {
      const res = await post([action(g, body)])
      expect(res.status, field).toBe(400)
      expect(res.body).toEqual({
        error: 'bad_request',
        message: expect.stringContaining(`actions.0.${field}: at most`),
      })
    }
    expect((await stored(g.id)).version).toBe(g.version)
  })

  it('refuses a reply that would take more posts than a reply may', async () => {
    const g = await seedGrievance(server, TWEETS.cyber)
    // Devanagari weighs 2 per character on X: 1,100 of them are 8 posts.
    const text = 'आपकी शिकायत दर्ज कर ली गई है और जांच जारी है। '.repeat(30).slice(0, 1_100)
    const result = await officer.act(g.id, g.version, { type: 'reply', text })
    expect(result).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining(`at most ${LIMITS.replyMaxPosts}`),
    })
  })

  it('refuses notes that would grow the grievance past its byte cap, and keeps it under', async () => {
    const g = await seedGrievance(server, TWEETS.cyber)
    const text = 'x'.repeat(LIMITS.noteChars)
    const count = Math.ceil(LIMITS.grievanceBytes / LIMITS.noteChars) + 5
    const results = await officer.actBatch(Array.from({ length: count }, () => action(g, { type: 'note', text })))
    const applied = results.filter((r) => r.status === 'applied').length
    expect(applied).toBeGreaterThan(100)
    expect(results.slice(applied).every((r) => r.status === 'rejected')).toBe(true)
    expect(results.at(-1)).toMatchObject({ reason: expect.stringContaining(`${LIMITS.grievanceBytes / 1024} KB`) })
    expect(Buffer.byteLength(JSON.stringify(await stored(g.id)))).toBeLessThanOrEqual(LIMITS.grievanceBytes)
    // A change of state still goes through: the officer can close out a full grievance.
    const now = await stored(g.id)
    expect(await officer.act(g.id, now.version, { type: 'start' })).toMatchObject({ status: 'applied' })
  })

  it('refuses entries past the most a thread may hold', async () => {
    const g = await seedGrievance(server, TWEETS.cyber)
    const room = LIMITS.threadEntries - g.thread.length
    const results = []
    for (let sent = 0; sent < room + 2; sent += LIMITS.actionsPerBatch) {
      const n = Math.min(LIMITS.actionsPerBatch, room + 2 - sent)
      results.push(
        ...(await officer.actBatch(Array.from({ length: n }, () => action(g, { type: 'note', text: 'ok' })))),
      )
    }
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(room)
    expect(results.slice(room)).toEqual([
      expect.objectContaining({ status: 'rejected', reason: expect.stringContaining(`${LIMITS.threadEntries}`) }),
      expect.objectContaining({ status: 'rejected' }),
    ])
    expect((await stored(g.id)).thread).toHaveLength(LIMITS.threadEntries)
  })
})

describe('inputs that used to answer 500', () => {
  it('answers each with a 4xx {error, message}', async () => {
    const g = await seedGrievance(server, TWEETS.cyber)
    const NUL = 'a\u0000b'
    const LONE = 'a\ud800b'
    const anon = new ApiClient(server.url)
    const requests: [string, () => Promise<{ status: number; body: unknown }>][] = [
      ['NUL in username', () => anon.request('POST', '/api/v1/auth/login', { username: NUL, password: 'x' })],
      ['NUL in password', () => anon.request('POST', '/api/v1/auth/login', { username: 'admin', password: NUL })],
      [
        'lone surrogate in username',
        () => anon.request('POST', '/api/v1/auth/login', { username: LONE, password: 'x' }),
      ],
      ['NUL in note', () => post([action(g, { type: 'note', text: NUL })])],
      ['NUL in reply', () => post([action(g, { type: 'reply', text: NUL })])],
      ['NUL in reason', () => post([action(g, { type: 'reject', reason: NUL })])],
      ['NUL in toDivision', () => post([action(g, { type: 'forward', toDivision: NUL })])],
      ['NUL in forward note', () => post([action(g, { type: 'forward', toDivision: 'police', note: NUL })])],
      ['NUL in entryId', () => post([action(g, { type: 'retry-reply', entryId: NUL })])],
      ['NUL in grievanceId', () => post([action({ id: NUL, version: 1 }, { type: 'claim' })])],
      ['NUL in action id', () => post([action(g, { type: 'claim' }, `${randomUUID()}\u0000`)])],
      ['NUL in at', () => post([{ ...action(g, { type: 'claim' }), at: NUL }])],
      ['lone surrogate in note', () => post([action(g, { type: 'note', text: LONE })])],
      ['lone surrogate in reply', () => post([action(g, { type: 'reply', text: '\udc00 hello' })])],
      ['lone surrogate in grievanceId', () => post([action({ id: LONE, version: 1 }, { type: 'claim' })])],
      ['lone surrogate in action id', () => post([action(g, { type: 'claim' }, `${randomUUID()}\ud800`)])],
      ['after beyond 2^53', () => officer.request('GET', '/api/v1/changes?after=99999999999999999999')],
      ['limit beyond 2^53', () => officer.request('GET', '/api/v1/changes?limit=99999999999999999999')],
      ['negative after', () => officer.request('GET', '/api/v1/changes?after=-1')],
      ['baseVersion beyond 2^53', () => post([{ ...action(g, { type: 'claim' }), baseVersion: 2 ** 60 }])],
      ['100k-character action id', () => post([action(g, { type: 'claim' }, 'a'.repeat(100_000))])],
      ['1 MB grievanceId', () => post([action({ id: 'g'.repeat(1_048_576), version: 1 }, { type: 'claim' })])],
      ['NUL in event stream token', () => anon.request('GET', '/api/v1/events?token=a%00b')],
    ]
    const failures: string[] = []
    for (const [what, send] of requests) {
      const res = await send()
      const body = res.body as Record<string, unknown> | null
      const ok =
        res.status >= 400 &&
        res.status < 500 &&
        typeof body?.error === 'string' &&
        typeof body.message === 'string' &&
        (body.message as string).length > 0
      if (!ok) failures.push(`${what}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`)
    }
    expect(failures).toEqual([])
    expect((await stored(g.id)).version).toBe(g.version)
  })
})

describe('a changes page', () => {
  it('stops early past its byte budget, never before its first grievance, and loses nothing across pages', async () => {
    const supervisor: StaffUser = {
      username: 'supervisor',
      displayName: 'Supervisor',
      role: 'supervisor',
      // Org-wide by explicit grant (supervisors are scoped to their divisions otherwise).
      divisions: ['*'],
      languages: ['en'],
      capacity: 0,
      available: true,
    }
    const start = await currentSeq(server.db)
    const seeded = [] as Grievance[]
    for (let i = 0; i < 5; i++) seeded.push(await seedGrievance(server, TWEETS.cyber))
    const size = Math.max(...seeded.map((g) => Buffer.byteLength(JSON.stringify(g))))
    const budget = Math.floor(size * 2.5)
    const seen: string[] = []
    let after = start
    for (let page = 0; page < 10; page++) {
      const res = await changesFor(server.db, supervisor, after, 100, budget)
      expect(res.changes.length).toBeGreaterThan(0)
      expect(res.changes.length).toBeLessThanOrEqual(2)
      seen.push(...res.changes.map((c) => (c.kind === 'upsert' ? c.grievance.id : c.id)))
      after = res.last
      if (!res.hasMore) break
    }
    expect(seen).toEqual(seeded.map((g) => g.id))
    // A budget smaller than one grievance still moves the cursor on by one.
    const tiny = await changesFor(server.db, supervisor, start, 100, 1)
    expect(tiny).toMatchObject({ hasMore: true, changes: [{ kind: 'upsert', grievance: { id: seeded[0]!.id } }] })
  })
})

describe("the server's own refusals of a request", () => {
  it('answers bad JSON, a wrong content type and a body past its limit with a 4xx {error, message}', async () => {
    const raw = (path: string, body: string, contentType: string) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': contentType, authorization: `Bearer ${officer.token}` },
        body,
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as unknown }))
    expect(await raw('/api/v1/actions', '{"actions": [', 'application/json')).toEqual({
      status: 400,
      body: { error: 'bad_json', message: expect.any(String) },
    })
    // Fastify reads text/plain as a string, which the contract refuses as not an object.
    expect(await raw('/api/v1/actions', '{"actions": []}', 'text/plain')).toMatchObject({ status: 400 })
    expect(await raw('/api/v1/actions', '{"actions": []}', 'application/xml')).toEqual({
      status: 415,
      body: { error: 'unsupported_media_type', message: expect.any(String) },
    })
    const tooLarge = JSON.stringify({ username: 'u'.repeat(LIMITS.smallBodyBytes), password: 'x' })
    expect(await raw('/api/v1/auth/login', tooLarge, 'application/json')).toEqual({
      status: 413,
      body: { error: 'payload_too_large', message: expect.any(String) },
    })
    const tooMany = JSON.stringify({ actions: [{ id: 'x'.repeat(LIMITS.actionsBodyBytes) }] })
    expect((await raw('/api/v1/actions', tooMany, 'application/json')).status).toBe(413)
  })
})

describe('client action ids and server entry ids', () => {
  it('never lets a reply take an acknowledgement’s entry id (the reply would never be posted)', async () => {
    const g = await seedAcknowledged(TWEETS.cyber)
    const ack = g.thread.find((e) => e.kind === 'reply')!
    expect(ack).toBeDefined()
    const res = await post([action(g, { type: 'reply', text: 'We are looking into it.' }, ack.id)])
    // Before: applied, and the officer's reply shared the ack's reply_outbox row, so it
    // stayed "posting…" forever. Server-made ids are namespaced; no action id can take one.
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ error: 'bad_request', message: expect.stringContaining('actions.0.id') })
    const outbox = await server.db.query<{ text: string }>('SELECT text FROM reply_outbox WHERE grievance_id = $1', [
      g.id,
    ])
    expect(outbox.map((r) => r.text)).toEqual([ack.text])
  })

  it('refuses an action whose id is already an entry of the grievance, or a queued reply elsewhere', async () => {
    // Entries written before ids were namespaced are plain UUIDs a desk could send back.
    const g = await seedAcknowledged(TWEETS.cyber)
    const legacyId = randomUUID()
    const ack = g.thread.find((e) => e.kind === 'reply')!
    await writeTransaction(server.db, async (tx) => {
      const before = (await loadGrievance(tx, g.id, true))!
      const after = { ...before, thread: before.thread.map((e) => (e.id === ack.id ? { ...e, id: legacyId } : e)) }
      await saveGrievance(tx, before, after)
      await tx.query('UPDATE reply_outbox SET entry_id = $1 WHERE entry_id = $2', [legacyId, ack.id])
    })
    const other = await seedGrievance(server, TWEETS.cyber)
    const current = await stored(g.id)

    const results = await officer.actBatch([
      action(current, { type: 'reply', text: 'We are looking into it.' }, legacyId),
      action(current, { type: 'note', text: 'a note' }),
    ])
    expect(results[0]).toEqual({
      id: legacyId,
      status: 'rejected',
      reason: expect.stringContaining('already the id of another entry'),
    })
    expect(results[1]).toMatchObject({ status: 'applied' })
    // A legacy id queued in the reply outbox (keyed on entry ids across grievances) is taken too.
    const queuedId = randomUUID()
    await server.db.query('UPDATE reply_outbox SET entry_id = $1 WHERE entry_id = $2', [queuedId, legacyId])
    const elsewhere = await officer.act(other.id, other.version, { type: 'reply', text: 'Looking into it.' }, queuedId)
    expect(elsewhere).toMatchObject({ status: 'rejected', reason: expect.stringContaining('already the id') })
    const queued = await server.db.query<{ text: string }>('SELECT text FROM reply_outbox WHERE entry_id = $1', [
      queuedId,
    ])
    expect(queued.map((r) => r.text)).toEqual([ack.text])
  })

  it('accepts the ids desks make (UUIDs) and refuses ids with a server namespace', async () => {
    const g = await seedGrievance(server, TWEETS.cyber)
    expect(await officer.act(g.id, g.version, { type: 'note', text: 'ok' }, randomUUID())).toMatchObject({
      status: 'applied',
    })
    for (const id of ['ack:1234567890', `${randomUUID()}:2`, 'short', 'has space in it', 'x'.repeat(65)]) {
      const res = await post([action(g, { type: 'note', text: 'x' }, id)])
      expect(res.status, id).toBe(400)
    }
  })
})
