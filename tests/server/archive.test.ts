// The RTI archive of one grievance: the whole record (thread, who did what, moves between
// divisions and officers, tweet links, SLA), for whoever may see the grievance, audited
// when a supervisor or admin exports it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import { slaRecordOf } from '../../src/server/reports/archive'
import { GrievanceArchive } from '../../src/shared/archive'
import type { AuditPage } from '../../src/shared/audit'
import type { Grievance } from '../../src/shared/grievance'
import { ApiClient, freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'
import { seedGrievance, TWEETS } from './seed'

let db: TestDatabase
let server: RunningServer
let grievance: Grievance

const archiveOf = (id: string) => `/api/v1/grievances/${encodeURIComponent(id)}/archive`

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db)
  grievance = await seedGrievance(server, TWEETS.cyber)
  expect(grievance.division).toBe('cyber')
  // An officer of the division takes it, answers, and forwards it to another division.
  const officer = await loggedIn(server, 'officer.cyber')
  let version = grievance.version
  for (const body of [
    { type: 'claim' as const },
    { type: 'reply' as const, text: 'We are looking into the UPI fraud you reported.' },
    { type: 'forward' as const, toDivision: 'police', note: 'FIR needed first' },
  ]) {
    const result = await officer.act(grievance.id, version, body)
    expect(result.status).toBe('applied')
    version = (result as { version: number }).version
  }
})
afterAll(async () => {
  await server?.close()
  await db?.drop()
})

describe('GET /api/v1/grievances/:id/archive', () => {
  it('holds the thread, who did what, the moves, the tweet links and the SLA record', async () => {
    const supervisor = await loggedIn(server, 'supervisor')
    const res = await supervisor.request('GET', archiveOf(grievance.id))
    expect(res.status).toBe(200)
    const archive = GrievanceArchive.parse(res.body)
    expect(archive.ticket).toBe(grievance.ticket)
    expect(archive.generatedBy).toBe('supervisor')
    // Forwarded, then allocated at once to an officer of the new division.
    expect(archive.status).toBe('assigned')
    expect(archive.grievance.assignee).toBe('officer.police')
    expect(archive.division).toMatchObject({ id: 'police', nameHi: 'पुलिस सत्यापन' })

    expect(archive.tweets[0]).toEqual({
      tweetId: grievance.source.tweetId,
      link: `https://x.com/i/status/${grievance.source.tweetId}`,
      role: 'source',
      entryId: null,
      at: grievance.source.createdAt,
    })
    const thread = archive.grievance.thread
    expect(thread.map((e) => e.kind)).toEqual(expect.arrayContaining(['citizen', 'reply', 'note']))
    expect(thread.find((e) => e.kind === 'note')).toMatchObject({ text: 'FIR needed first', by: 'officer.cyber' })

    const actions = archive.history.filter((e) => e.kind === 'action')
    expect(actions.map((e) => [e.by, e.action, e.outcome])).toEqual([
      ['officer.cyber', 'claim', 'applied'],
      ['officer.cyber', 'reply', 'applied'],
      ['officer.cyber', 'forward', 'applied'],
    ])
    const moves = archive.history.filter((e) => e.kind === 'move')
    // Created in cyber; claimed by the officer; forwarded out of cyber into police.
    expect(moves[0]).toMatchObject({ fromDivision: null, toDivision: 'cyber' })
    expect(moves.some((m) => m.toAssignee === 'officer.cyber')).toBe(true)
    expect(moves.at(-1)).toMatchObject({ fromDivision: 'cyber', toDivision: 'police' })
    const times = archive.history.map((e) => Date.parse(e.at))
    expect([...times].sort((a, b) => a - b)).toEqual(times)

    // The grievance's own SLA record (src/server/sla): the reply is not on X yet (no posting
    // pass ran), so there is no response on the record, and no resolution.
    expect(thread.find((e) => e.kind === 'reply')?.post?.state).toBe('pending')
    expect(archive.sla).toMatchObject({
      priority: grievance.priority,
      dueAt: archive.grievance.slaDueAt,
      firstResponseAt: null,
      resolvedAt: null,
      record: { firstResponseAt: null, resolvedAt: null, resolutionDueAt: archive.grievance.slaDueAt },
    })
  })

  it('writes report.exported for a supervisor, not for an officer', async () => {
    const admin = await loggedIn(server, 'admin')
    const before = (await admin.request('GET', '/api/v1/admin/audit?action=report.exported')).body as AuditPage
    const police = await loggedIn(server, 'officer.police')
    expect((await police.request('GET', archiveOf(grievance.id))).status).toBe(200)
    const afterOfficer = (await admin.request('GET', '/api/v1/admin/audit?action=report.exported')).body as AuditPage
    expect(afterOfficer.entries.length).toBe(before.entries.length)

    const supervisor = await loggedIn(server, 'supervisor')
    expect((await supervisor.request('GET', archiveOf(grievance.id))).status).toBe(200)
    const after = (await admin.request('GET', '/api/v1/admin/audit?action=report.exported')).body as AuditPage
    expect(after.entries.length).toBe(before.entries.length + 1)
    expect(after.entries[0]).toMatchObject({
      actor: 'supervisor',
      action: 'report.exported',
      target: grievance.ticket,
      details: { report: 'grievance-archive', grievanceId: grievance.id },
    })
  })

  it('answers 401 without a session, 403 outside the viewer’s scope, 404 for an unknown grievance, 4xx for a malformed id', async () => {
    expect((await new ApiClient(server.url).request('GET', archiveOf(grievance.id))).status).toBe(401)
    // Forwarded to police: the women-safety officer neither has the division nor the work.
    const outsider = await loggedIn(server, 'officer.women-safety')
    const refused = await outsider.request('GET', archiveOf(grievance.id))
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ error: 'forbidden' })
    const supervisor = await loggedIn(server, 'supervisor')
    expect((await supervisor.request('GET', archiveOf('no-such-grievance'))).status).toBe(404)
    const tooLong = await supervisor.request('GET', archiveOf('x'.repeat(200)))
    expect(tooLong.status).toBeGreaterThanOrEqual(400)
    expect(tooLong.status).toBeLessThan(500)
  })
})

describe('the SLA record in the archive', () => {
  it('is the SLA engine’s own record when the grievance has one, decided by its state', () => {
    const record = {
      policy: 'org:cpgrams',
      clock: 'business' as const,
      firstResponseDueAt: '2026-11-02T06:30:00.000Z',
      resolutionDueAt: '2026-11-20T12:30:00.000Z',
      interimDueAt: null,
      firstResponseAt: '2026-11-01T09:00:00.000Z',
      responseAts: ['2026-11-01T09:00:00.000Z'],
      resolvedAt: '2026-11-25T10:00:00.000Z',
      breachedAt: '2026-11-20T12:30:00.000Z',
      state: 'breached' as const,
      escalationLevel: 1 as const,
      escalatedAt: '2026-11-20T12:30:00.000Z',
    }
    const sla = slaRecordOf({ ...grievance, status: 'resolved', sla: record }, [], new Date('2026-12-01T00:00:00Z'))
    expect(sla).toEqual({
      priority: grievance.priority,
      dueAt: record.resolutionDueAt,
      firstResponseDueAt: record.firstResponseDueAt,
      firstResponseAt: record.firstResponseAt,
      resolvedAt: record.resolvedAt,
      met: false,
      record,
    })
    expect(slaRecordOf({ ...grievance, sla: { ...record, state: 'at_risk' } }, [], new Date()).met).toBeNull()
  })

  it('without the engine: resolved by the due time is met, open past it is not, open before it is undecided', () => {
    const g = { ...grievance, slaDueAt: '2026-11-10T00:00:00.000Z', sla: undefined }
    const resolve = (at: string) => [
      {
        kind: 'action' as const,
        at,
        by: 'officer.cyber',
        action: 'resolve',
        outcome: 'applied',
        reason: null,
        version: 5,
      },
    ]
    const before = new Date('2026-11-05T00:00:00Z')
    const after = new Date('2026-11-15T00:00:00Z')
    expect(slaRecordOf({ ...g, status: 'resolved' }, resolve('2026-11-09T00:00:00.000Z'), after)).toMatchObject({
      resolvedAt: '2026-11-09T00:00:00.000Z',
      met: true,
      record: null,
    })
    expect(slaRecordOf({ ...g, status: 'resolved' }, resolve('2026-11-11T00:00:00.000Z'), after).met).toBe(false)
    expect(slaRecordOf({ ...g, status: 'assigned' }, [], after)).toMatchObject({ resolvedAt: null, met: false })
    expect(slaRecordOf({ ...g, status: 'assigned' }, [], before)).toMatchObject({ resolvedAt: null, met: null })
  })
})
