// The supervisors' live monitor (GET /api/v1/monitor) and named assignment (the `assign`
// action): counts against seeded data, scope, presence from desk activity, who may do
// what, and the audit entries of reassignments and bulk changes.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import { ensureUser, setUserDisabled } from '../../src/server/auth'
import { presenceOf } from '../../src/server/monitor'
import type { AuditPage } from '../../src/shared/audit'
import type { Grievance } from '../../src/shared/grievance'
import type { DivisionLoad, MonitorSnapshot, OfficerLoad } from '../../src/shared/monitor'
import { ApiClient, PASSWORD, eventually, freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'
import { seedGrievance, TWEETS } from './seed'
import { openStream, type TestStream } from './sse-client'

let db: TestDatabase
let server: RunningServer
let supervisor: ApiClient
let admin: ApiClient
const streams: TestStream[] = []

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db)
  supervisor = await loggedIn(server, 'supervisor')
  admin = await loggedIn(server, 'admin')
  // A second cyber officer to reassign to, one of another division's, and a supervisor of cyber only.
  for (const [username, role, divisions] of [
    ['officer.cyber2', 'officer', ['cyber']],
    ['officer.cyber.off', 'officer', ['cyber']],
    ['supervisor.cyber', 'supervisor', ['cyber']],
  ] as const) {
    await ensureUser(server.db, {
      username,
      displayName: username,
      role,
      divisions: [...divisions],
      languages: ['en', 'hi'],
      password: PASSWORD,
    })
  }
  await setUserDisabled(server.db, 'officer.cyber.off', true)
})
afterAll(async () => {
  for (const s of streams) s.close()
  await server?.close()
  await db?.drop()
})

async function snapshot(client: ApiClient = supervisor): Promise<MonitorSnapshot> {
  const res = await client.request('GET', '/api/v1/monitor')
  expect(res.status).toBe(200)
  return res.body as MonitorSnapshot
}
const division = (s: MonitorSnapshot, id: string): DivisionLoad => s.divisions.find((d) => d.id === id)!
const officer = (s: MonitorSnapshot, username: string): OfficerLoad | undefined =>
  s.officers.find((o) => o.username === username)

async function current(id: string): Promise<Grievance> {
  const [row] = await server.db.query<{ doc: Grievance }>('SELECT doc FROM grievances WHERE id = $1', [id])
  return row!.doc
}

describe('GET /api/v1/monitor: who may read it', () => {
  it('answers 401 without a session and 403 to an officer', async () => {
    expect((await new ApiClient(server.url).request('GET', '/api/v1/monitor')).status).toBe(401)
    const officerClient = await loggedIn(server, 'officer.cyber')
    const res = await officerClient.request('GET', '/api/v1/monitor')
    expect(res.status).toBe(403)
    expect(res.body).toMatchObject({ error: 'forbidden' })
  })
})

describe('counts', () => {
  it('counts open, unassigned, review, at-risk and breached work per division, and the oldest open item', async () => {
    const before = division(await snapshot(admin), 'cyber')
    const oldest = await seedGrievance(server, TWEETS.cyber)
    const unassigned = await seedGrievance(server, `${TWEETS.cyber} (2)`)
    const breached = await seedGrievance(server, `${TWEETS.cyber} (3)`)
    const atRisk = await seedGrievance(server, `${TWEETS.cyber} (4)`)
    const review = await seedGrievance(server, `${TWEETS.cyber} (5)`)
    const resolved = await seedGrievance(server, `${TWEETS.cyber} (6)`)
    const q = (sql: string, params: unknown[]) => server.db.query(sql, params as never)
    await q(
      `UPDATE grievances SET created_at = now() - interval '30 days', sla_due_at = now() + interval '30 days' WHERE id = $1`,
      [oldest.id],
    )
    await q(`UPDATE grievances SET assignee = NULL, status = 'new' WHERE id = $1`, [unassigned.id])
    // These two have no SLA record (grievances from before the SLA engine): the monitor
    // falls back to their due time.
    await q(
      `UPDATE grievances SET sla_due_at = now() - interval '1 hour', doc = doc - 'sla', sla_state = NULL WHERE id = $1`,
      [breached.id],
    )
    // Three hours of a four-hour window gone: in the last quarter.
    await q(
      `UPDATE grievances SET created_at = now() - interval '3 hours 30 minutes', sla_due_at = now() + interval '30 minutes',
         doc = doc - 'sla', sla_state = NULL WHERE id = $1`,
      [atRisk.id],
    )
    await q(
      `UPDATE grievances SET assignee = NULL, status = 'new', doc = jsonb_set(doc, '{triage,band}', '"review"') WHERE id = $1`,
      [review.id],
    )
    await q(`UPDATE grievances SET status = 'resolved' WHERE id = $1`, [resolved.id])
    const cyber = division(await snapshot(admin), 'cyber')
    expect(cyber.open - before.open).toBe(4)
    expect(cyber.unassigned - before.unassigned).toBe(1)
    expect(cyber.review - before.review).toBe(1)
    expect(cyber.breached - before.breached).toBe(1)
    expect(cyber.atRisk - before.atRisk).toBe(1)
    expect(cyber.oldest).toMatchObject({ id: oldest.id, ticket: oldest.ticket })
    // The officer who got the rest carries them, oldest first.
    const assignee = (await current(oldest.id)).assignee!
    const load = officer(await snapshot(admin), assignee)!
    expect(load.oldest?.id).toBe(oldest.id)
    const [{ n }] = (await q(
      `SELECT count(*)::int AS n FROM grievances WHERE assignee = $1 AND status NOT IN ('resolved','closed','rejected')`,
      [assignee],
    )) as [{ n: number }]
    expect(load.load).toBe(n)
  })

  it('takes the SLA standing from the grievance’s SLA record when it has one', async () => {
    const before = division(await snapshot(admin), 'cyber')
    const atRisk = await seedGrievance(server, `${TWEETS.cyber} (record at risk)`)
    const met = await seedGrievance(server, `${TWEETS.cyber} (record met)`)
    // Due dates say "breached"; the SLA record (the working calendar's view) says otherwise.
    for (const [g, state] of [
      [atRisk, 'at_risk'],
      [met, 'met'],
    ] as const) {
      await server.db.query(
        `UPDATE grievances SET sla_due_at = now() - interval '1 hour', doc = jsonb_set(doc, '{sla}', $2::jsonb) WHERE id = $1`,
        [g.id, JSON.stringify({ state })],
      )
    }
    const cyber = division(await snapshot(admin), 'cyber')
    expect(cyber.atRisk - before.atRisk).toBe(1)
    expect(cyber.breached - before.breached).toBe(0)
    expect(cyber.open - before.open).toBe(2)
  })

  it('scopes a supervisor to their divisions and their divisions’ officers', async () => {
    await seedGrievance(server, TWEETS.visa)
    const scoped = await snapshot(await loggedIn(server, 'supervisor.cyber'))
    expect(scoped.divisions.map((d) => d.id)).toEqual(['cyber'])
    expect(scoped.officers.map((o) => o.username).sort()).toEqual(['officer.cyber', 'officer.cyber2'])
    const wide = await snapshot()
    expect(wide.divisions.map((d) => d.id)).toContain('foreigners')
    expect(officer(wide, 'officer.foreigners')).toBeDefined()
    // A disabled officer takes no work and is not on the board.
    expect(officer(wide, 'officer.cyber.off')).toBeUndefined()
  })
})

describe('presence', () => {
  it('is online with a stream open and a recent pull, away when only pulling or only connected, else offline', async () => {
    const online = await loggedIn(server, 'officer.police')
    streams.push(await openStream(server.url, online.token!))
    await online.changes()
    const polling = await loggedIn(server, 'officer.capf')
    await polling.changes()
    const idle = await loggedIn(server, 'officer.disaster')
    streams.push(await openStream(server.url, idle.token!))
    const s = await eventually(async () => {
      const snap = await snapshot()
      return officer(snap, 'officer.disaster')?.connected ? snap : null
    })
    expect(officer(s, 'officer.police')).toMatchObject({ presence: 'online', connected: true })
    expect(officer(s, 'officer.capf')).toMatchObject({ presence: 'away', connected: false })
    expect(officer(s, 'officer.disaster')).toMatchObject({ presence: 'away', connected: true, lastActiveAt: null })
    expect(officer(s, 'officer.women-safety')).toMatchObject({ presence: 'offline', lastActiveAt: null })
  })

  it('turns away once idle past the limit', () => {
    const now = new Date('2026-12-02T10:00:00Z')
    expect(presenceOf(true, new Date('2026-12-02T09:59:00Z'), now, 5 * 60_000)).toBe('online')
    expect(presenceOf(true, new Date('2026-12-02T09:50:00Z'), now, 5 * 60_000)).toBe('away')
    expect(presenceOf(false, new Date('2026-12-02T09:50:00Z'), now, 5 * 60_000)).toBe('offline')
  })
})

describe('the assign action', () => {
  const auditOf = async (action: string): Promise<AuditPage['entries']> => {
    const res = await admin.request('GET', `/api/v1/admin/audit?action=${action}`)
    expect(res.status).toBe(200)
    return (res.body as AuditPage).entries
  }

  it('refuses an officer', async () => {
    const g = await seedGrievance(server, `${TWEETS.cyber} (officer)`)
    const officerClient = await loggedIn(server, 'officer.cyber')
    const result = await officerClient.act(g.id, g.version, { type: 'assign', assignee: 'officer.cyber2' })
    expect(result).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/supervisors and admins/) })
    expect((await current(g.id)).assignee).toBe(g.assignee)
  })

  it('refuses an officer of another division, a disabled one, and a user who is no officer', async () => {
    const g = await seedGrievance(server, `${TWEETS.cyber} (outside)`)
    for (const [assignee, reason] of [
      ['officer.police', /not an officer of cyber/],
      ['officer.cyber.off', /disabled/],
      ['supervisor.cyber', /not a desk officer/],
      ['nobody.here', /no user/],
    ] as const) {
      const result = await supervisor.act(g.id, g.version, { type: 'assign', assignee })
      expect(result).toMatchObject({ status: 'rejected', reason: expect.stringMatching(reason) })
    }
    expect((await current(g.id)).version).toBe(g.version)
  })

  it('gives the grievance to the named officer, on the record, and the officer’s feed has it', async () => {
    const g = await seedGrievance(server, `${TWEETS.cyber} (named)`)
    const target = g.assignee === 'officer.cyber2' ? 'officer.cyber' : 'officer.cyber2'
    const result = await supervisor.act(g.id, g.version, { type: 'assign', assignee: target })
    expect(result).toMatchObject({ status: 'applied', version: g.version + 1 })
    const after = await current(g.id)
    expect(after).toMatchObject({ assignee: target, status: 'assigned' })
    expect(after.thread.at(-1)).toMatchObject({ kind: 'system', by: 'supervisor' })
    const [entry] = await auditOf('grievance.reassigned')
    expect(entry).toMatchObject({
      actor: 'supervisor',
      target: g.ticket,
      details: { type: 'assign', from: g.assignee, to: target },
    })
    expect(entry!.clientAddress).toMatch(/127\.0\.0\.1/)
    const feed = await (await loggedIn(server, target)).changes()
    expect(feed.changes.some((c) => c.kind === 'upsert' && c.grievance.id === g.id)).toBe(true)
  })

  it('audits a bulk change as grievance.bulk-changed with its count, one entry per grievance', async () => {
    const a = await seedGrievance(server, `${TWEETS.cyber} (bulk a)`)
    const b = await seedGrievance(server, `${TWEETS.cyber} (bulk b)`)
    const bulk = { id: randomUUID(), count: 2 }
    const at = new Date().toISOString()
    const other = a.assignee === 'officer.cyber2' ? 'officer.cyber' : 'officer.cyber2'
    const results = await supervisor.actBatch([
      {
        id: randomUUID(),
        grievanceId: a.id,
        baseVersion: a.version,
        at,
        body: { type: 'assign', assignee: other },
        bulk,
      },
      { id: randomUUID(), grievanceId: b.id, baseVersion: b.version, at, body: { type: 'resolve' }, bulk },
    ])
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied'])
    const entries = (await auditOf('grievance.bulk-changed')).filter((e) => e.details.bulkId === bulk.id)
    expect(entries.map((e) => [e.target, e.details.type, e.details.count]).sort()).toEqual(
      [
        [a.ticket, 'assign', 2],
        [b.ticket, 'resolve', 2],
      ].sort(),
    )
    // Not also a single reassignment.
    expect((await auditOf('grievance.reassigned')).some((e) => e.target === a.ticket)).toBe(false)
  })

  it('does not audit an officer’s own bulk work', async () => {
    const g = await seedGrievance(server, `${TWEETS.cyber} (own bulk)`)
    const own = await loggedIn(server, g.assignee!)
    const bulk = { id: randomUUID(), count: 1 }
    const [result] = await own.actBatch([
      {
        id: randomUUID(),
        grievanceId: g.id,
        baseVersion: g.version,
        at: new Date().toISOString(),
        body: { type: 'resolve' },
        bulk,
      },
    ])
    expect(result!.status).toBe('applied')
    expect((await auditOf('grievance.bulk-changed')).some((e) => e.details.bulkId === bulk.id)).toBe(false)
  })
})
