// The RTI archive of one grievance: the whole record (thread, who did what, moves between
// divisions and officers, tweet links, SLA), for whoever may see the grievance, audited
// when a supervisor or admin exports it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
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

    const reply = thread.find((e) => e.kind === 'reply')!
    expect(archive.sla).toMatchObject({
      priority: grievance.priority,
      dueAt: grievance.slaDueAt,
      firstResponseAt: reply.at,
      resolvedAt: null,
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
