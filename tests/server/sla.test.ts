// The SLA engine on a real server: the record set at creation and recomputed on forward,
// priority change and reopening; a person's reply on X is a response, the automatic
// acknowledgement and a note are not; the leader's pass moves at_risk → breached →
// escalated with a fake clock (`checkSlaNow(at)`), never outside working hours except for
// round-the-clock work; and supervisors' list of breached work (401/403).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import { ensureUser } from '../../src/server/auth'
import { writeTransaction } from '../../src/server/db/database'
import { loadGrievance } from '../../src/server/grievances'
import { ingestTweet } from '../../src/server/ingest/grievance-from-tweet'
import type { Grievance } from '../../src/shared/grievance'
import { OrgConfig } from '../../src/shared/org'
import { SlaPolicy, type SlaBreachedResponse } from '../../src/shared/sla'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import { ApiClient, eventually, freshDatabase, loggedIn, PASSWORD, startTestServer, type TestDatabase } from './helpers'
import { ORG, seedContext, TWEETS } from './seed'

/** An IST wall-clock time. */
const ist = (local: string): Date => new Date(`${local}:00+05:30`)
const istText = (at: string | null | undefined): string | null =>
  at ? new Date(Date.parse(at) + 330 * 60_000).toISOString().slice(0, 16).replace('T', ' ') : null

// Business hours 09:00–17:30 IST, Monday to Friday, no holidays (the calendar's own tests
// cover them); cyber work runs round the clock; the foreigners division answers within 2 h.
const SLA_ORG = OrgConfig.parse({
  ...ORG,
  slaPolicy: SlaPolicy.parse({
    calendar: { holidays: [] },
    divisions: {
      cyber: { normal: { clock: '24x7' }, high: { clock: '24x7' } },
      police: { normal: { firstResponseHours: 2 } },
    },
  }),
})

let nextTweet = 1_950_000_000_000_000_000n

describe('SLA records and the leader pass (business calendar)', () => {
  let db: TestDatabase
  let server: RunningServer

  beforeAll(async () => {
    db = await freshDatabase()
    server = await startTestServer(db, { org: SLA_ORG })
  })
  afterAll(async () => {
    await server?.close()
    await db?.drop()
  })

  /** Ingests a tweet sent at `at` (and received then), as ingestion would. */
  async function tweetAt(text: string, at: Date, extra: { conversationId?: string; authorId?: string } = {}) {
    const ctx = { ...seedContext(server), org: SLA_ORG }
    const id = String(nextTweet++)
    const outcome = await writeTransaction(server.db, (tx) =>
      ingestTweet(
        ctx,
        tx,
        {
          id,
          text,
          authorId: extra.authorId ?? `u${id}`,
          authorUsername: 'citizen_sla',
          conversationId: extra.conversationId ?? id,
          createdAt: at.toISOString(),
          viaHandle: 'HMOIndia',
        },
        { viaHandle: 'HMOIndia' },
        at,
      ),
    )
    if (outcome.kind !== 'created' && outcome.kind !== 'followed-up') throw new Error(`not a grievance: ${text}`)
    return outcome.grievance
  }
  const stored = async (id: string): Promise<Grievance> => (await loadGrievance(server.db, id))!
  const schedule = async (id: string) => {
    const [row] = await server.db.query<{ sla_state: string | null; next_sla_check_at: Date | null }>(
      'SELECT sla_state, next_sla_check_at FROM grievances WHERE id = $1',
      [id],
    )
    return { state: row!.sla_state, next: row!.next_sla_check_at?.toISOString() ?? null }
  }

  it('sets business-time targets at creation, from the tweet, and schedules the first check', async () => {
    // Saturday: the clock starts on Monday at 09:00.
    const g = await tweetAt(TWEETS.visa, ist('2026-11-14T11:00'))
    expect(g.priority).toBe('normal')
    expect(g.sla).toMatchObject({ clock: 'business', state: 'on_track', policy: 'cpgrams@1', firstResponseAt: null })
    expect(istText(g.sla!.firstResponseDueAt)).toBe('2026-11-16 17:30')
    expect(istText(g.sla!.resolutionDueAt)).toBe('2026-11-24 17:30')
    expect(g.slaDueAt).toBe(g.sla!.resolutionDueAt)
    expect(await schedule(g.id)).toEqual({ state: 'on_track', next: g.sla!.nextCheckAt })
  })

  it('moves at_risk and breached only when the moment comes, and never outside working hours', async () => {
    // Friday 10:00: first response due Monday 10:00, at risk from Friday 16:22:30.
    const g = await tweetAt(TWEETS.visa, ist('2026-11-20T10:00'))
    expect(istText(g.sla!.firstResponseDueAt)).toBe('2026-11-23 10:00')
    // Passes see every grievance due; this test looks at its own.
    const check = async (at: Date) => (await server.checkSlaNow(at)).filter((t) => t.id === g.id)
    expect(await check(ist('2026-11-20T12:00'))).toEqual([])

    // Friday evening: the at-risk moment has passed, but no reminders after hours.
    expect(await check(ist('2026-11-20T18:00'))).toEqual([])
    expect((await stored(g.id)).version).toBe(g.version)
    expect(istText((await schedule(g.id)).next)).toBe('2026-11-23 09:00')
    expect(await check(ist('2026-11-21T12:00'))).toEqual([])

    const supervisor = await loggedIn(server, 'supervisor')
    const { last } = await supervisor.changes()
    expect(await check(ist('2026-11-23T09:00'))).toMatchObject([{ state: 'at_risk', escalationLevel: 0 }])
    const atRisk = await stored(g.id)
    expect(atRisk.version).toBe(g.version + 1)
    expect(atRisk.sla!.state).toBe('at_risk')
    // A grievance change like any other: desks in scope pull it.
    const feed = await supervisor.changes(last)
    expect(feed.changes.map((c) => (c.kind === 'upsert' ? c.grievance.id : c.id))).toContain(g.id)

    await server.checkSlaNow(ist('2026-11-23T10:00'))
    const breached = await stored(g.id)
    expect(breached.sla).toMatchObject({ state: 'breached', escalationLevel: 0 })
    expect(istText(breached.sla!.breachedAt)).toBe('2026-11-23 10:00')
    expect(await schedule(g.id)).toMatchObject({ state: 'breached' })

    // Supervisor after 4 business hours, division head after 17 (Wednesday 10:00).
    await server.checkSlaNow(ist('2026-11-23T14:00'))
    const one = await stored(g.id)
    expect(one.sla!.escalationLevel).toBe(1)
    expect(one.thread.at(-1)).toMatchObject({ kind: 'system' })
    expect(one.thread.at(-1)!.text).toContain('escalated to the supervisor')
    expect(await check(ist('2026-11-23T20:00'))).toEqual([])
    await server.checkSlaNow(ist('2026-11-25T09:59'))
    expect((await stored(g.id)).sla!.escalationLevel).toBe(1)
    await server.checkSlaNow(ist('2026-11-25T10:00'))
    expect((await stored(g.id)).sla!.escalationLevel).toBe(2)
  })

  it('moves round-the-clock work at night', async () => {
    const g = await tweetAt(TWEETS.cyber, ist('2026-11-21T22:00'))
    expect(g.division).toBe('cyber')
    expect(g.sla!.clock).toBe('24x7')
    const due = Date.parse(g.sla!.firstResponseDueAt)
    const moved = await server.checkSlaNow(new Date(due + 60_000))
    expect(moved.find((t) => t.id === g.id)).toMatchObject({ state: 'breached' })
  })

  it('re-targets on forward and on a priority change, and starts a new clock on reopening', async () => {
    const officer = await loggedIn(server, 'officer.foreigners')
    const g = await tweetAt(TWEETS.visa, new Date(Date.now() - 60_000))
    const before = g.sla!
    const forwarded = await officer.act(g.id, g.version, { type: 'forward', toDivision: 'police' })
    expect(forwarded.status).toBe('applied')
    const inPolice = await stored(g.id)
    // The police division answers within 2 business hours: the first-response target moves, from the same start.
    expect(inPolice.sla!.startedAt).toBe(before.startedAt)
    expect(inPolice.sla!.firstResponseDueAt).not.toBe(before.firstResponseDueAt)
    expect(inPolice.sla!.resolutionDueAt).toBe(before.resolutionDueAt)

    const police = await loggedIn(server, 'supervisor')
    const raised = await police.act(g.id, inPolice.version, { type: 'set-priority', priority: 'high' })
    expect(raised.status).toBe('applied')
    const high = await stored(g.id)
    expect(Date.parse(high.sla!.resolutionDueAt)).toBeLessThan(Date.parse(before.resolutionDueAt))
    expect(high.slaDueAt).toBe(high.sla!.resolutionDueAt)

    const resolved = await police.act(g.id, high.version, { type: 'resolve', note: 'Verification done' })
    expect(resolved.status).toBe('applied')
    const done = await stored(g.id)
    expect(done.sla!.resolvedAt).not.toBeNull()
    expect(done.sla!.nextCheckAt).toBeNull()
    expect(await schedule(g.id)).toEqual({ state: done.sla!.state, next: null })

    // The citizen writes again in the same conversation: reopened, a new resolution clock.
    const later = new Date(Date.now() + 7 * 86_400_000)
    const again = await tweetAt('@HMOIndia still not received my visa', later, {
      conversationId: g.source.conversationId,
      authorId: g.source.authorId,
    })
    expect(again.status).toBe('reopened')
    expect(again.sla).toMatchObject({ resolvedAt: null, startedAt: later.toISOString() })
    expect(Date.parse(again.sla!.resolutionDueAt)).toBeGreaterThan(Date.parse(done.sla!.resolutionDueAt))
  })

  it('an officer\u2019s "will take longer" makes the interim reply due, with the reason on the record', async () => {
    const officer = await loggedIn(server, 'officer.foreigners')
    const g = await tweetAt(TWEETS.visa, new Date(Date.now() - 60_000))
    const marked = await officer.act(g.id, g.version, {
      type: 'take-longer',
      reason: 'Waiting for the embassy to confirm the documents',
      expectedBy: '2026-12-31',
    })
    expect(marked.status).toBe('applied')
    const after = await stored(g.id)
    expect(after.sla).toMatchObject({ expectedBy: '2026-12-31' })
    expect(after.sla!.extendedAt).not.toBeNull()
    expect(after.sla!.interimDueAt).not.toBeNull()
    expect(after.thread.at(-1)).toMatchObject({ kind: 'note', by: 'officer.foreigners' })
    expect(after.thread.at(-1)!.text).toContain('Waiting for the embassy')
    const resolved = await officer.act(g.id, after.version, { type: 'resolve' })
    expect(resolved.status).toBe('applied')
    const again = await officer.act(g.id, after.version + 1, {
      type: 'take-longer',
      reason: 'late',
      expectedBy: '2026-12-31',
    })
    expect(again).toMatchObject({ status: 'rejected' })
  })

  it('lists breached work in scope for supervisors; 401 without a token, 403 for an officer', async () => {
    expect((await new ApiClient(server.url).request('GET', '/api/v1/sla/breached')).status).toBe(401)
    const officer = await loggedIn(server, 'officer.foreigners')
    expect((await officer.request('GET', '/api/v1/sla/breached')).status).toBe(403)
    await ensureUser(server.db, {
      username: 'supervisor.foreigners',
      displayName: 'Supervisor, Foreigners',
      role: 'supervisor',
      divisions: ['foreigners'],
      languages: ['en', 'hi'],
      password: PASSWORD,
    })
    const foreigners = await loggedIn(server, 'supervisor.foreigners')
    const list = (await foreigners.request('GET', '/api/v1/sla/breached')).body as SlaBreachedResponse
    expect(list.items.length).toBeGreaterThan(0)
    expect(list.items.every((i) => i.division === 'foreigners' || i.assignee === 'supervisor.foreigners')).toBe(true)
    expect(list.items.find((i) => i.escalationLevel === 2)).toBeDefined()
    const admin = await loggedIn(server, 'admin')
    const all = (await admin.request('GET', '/api/v1/sla/breached')).body as SlaBreachedResponse
    expect(all.items.some((i) => i.division === 'cyber')).toBe(true)
  })
})

describe('what counts as a response', () => {
  let sim: Simulator
  let db: TestDatabase
  let server: RunningServer

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, scenario: false })
    db = await freshDatabase()
    server = await startTestServer(db, { xApiBase: sim.url, acknowledge: true, instanceId: 'sla-responses' })
  })
  afterAll(async () => {
    await server?.close()
    await sim?.close()
    await db?.drop()
  })

  it('the automatic acknowledgement and a note are not; a person\u2019s reply on X is', async () => {
    sim.injectTweet({ author: 'citizen_resp', text: TWEETS.visa })
    await server.ingestNow()
    const [row] = await server.db.query<{ doc: Grievance }>('SELECT doc FROM grievances')
    const g = row!.doc
    // Old org files keep their hours, on the wall clock.
    expect(g.sla).toMatchObject({ clock: '24x7', policy: 'legacy-hours@1' })
    expect(Date.parse(g.slaDueAt) - Date.parse(g.source.createdAt)).toBe(72 * 3_600_000)
    await eventually(async () => (await server.postRepliesNow()) > 0 || null)
    const acknowledged = (await loadGrievance(server.db, g.id))!
    expect(acknowledged.thread.some((e) => e.kind === 'reply' && e.post?.state === 'posted')).toBe(true)
    expect(acknowledged.sla).toMatchObject({ firstResponseAt: null, responseAts: [] })

    const officer = await loggedIn(server, acknowledged.assignee ?? 'officer.foreigners')
    const noted = await officer.act(g.id, acknowledged.version, { type: 'note', text: 'Called the visa office' })
    expect(noted.status).toBe('applied')
    const withNote = (await loadGrievance(server.db, g.id))!
    expect(withNote.sla!.firstResponseAt).toBeNull()

    const sent = new Date()
    const replied = await officer.act(g.id, withNote.version, {
      type: 'reply',
      text: 'Your e-visa application is being processed; you will hear from us shortly.',
    })
    expect(replied.status).toBe('applied')
    // Applied is not yet public: no response until X has it.
    expect((await loadGrievance(server.db, g.id))!.sla!.firstResponseAt).toBeNull()
    await eventually(async () => (await server.postRepliesNow()) > 0 || null)
    const answered = (await loadGrievance(server.db, g.id))!
    expect(answered.sla!.firstResponseAt).not.toBeNull()
    expect(Date.parse(answered.sla!.firstResponseAt!)).toBeGreaterThanOrEqual(sent.getTime())
    expect(answered.sla!.responseAts).toEqual([answered.sla!.firstResponseAt])
  })
})
