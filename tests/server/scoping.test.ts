// Supervisors see their divisions unless explicitly org-wide (divisions ["*"]); admins
// see the whole organisation. The event stream says only what the user may know: hello
// with the newest change in their scope, `changes` only for changes in their scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import { ensureUser } from '../../src/server/auth'
import type { Grievance } from '../../src/shared/grievance'
import { eventually, freshDatabase, loggedIn, PASSWORD, startTestServer, type TestDatabase } from './helpers'
import { seedGrievance, TWEETS } from './seed'
import { openStream } from './sse-client'

let db: TestDatabase
let server: RunningServer
let cyber: Grievance
let visa: Grievance

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db)
  await ensureUser(server.db, {
    username: 'supervisor.cyber',
    displayName: 'Cyber supervisor',
    role: 'supervisor',
    divisions: ['cyber'],
    languages: ['en', 'hi'],
    password: PASSWORD,
  })
  cyber = await seedGrievance(server, TWEETS.cyber)
  visa = await seedGrievance(server, TWEETS.visa)
})
afterAll(async () => {
  await server?.close()
  await db?.drop()
})

const ids = (changes: { changes: { kind: string; grievance?: Grievance; id?: string }[] }) =>
  changes.changes.map((c) => (c.kind === 'upsert' ? c.grievance!.id : c.id))

describe('supervisors', () => {
  it('a supervisor of cyber neither sees nor rejects a foreigners grievance', async () => {
    expect(visa.division).toBe('foreigners')
    const supervisor = await loggedIn(server, 'supervisor.cyber')
    expect(ids(await supervisor.changes(0, 500))).toEqual([cyber.id])
    const rejected = await supervisor.act(visa.id, visa.version, { type: 'reject', reason: 'not ours' })
    expect(rejected).toEqual({ id: expect.any(String), status: 'rejected', reason: `Unknown grievance ${visa.id}` })
    const own = await supervisor.act(cyber.id, cyber.version, { type: 'note', text: 'looking into it' })
    expect(own.status).toBe('applied')
  })

  it('an org-wide supervisor (divisions ["*"]) and an admin see everything', async () => {
    for (const name of ['supervisor', 'admin']) {
      const client = await loggedIn(server, name)
      expect(ids(await client.changes(0, 500)).sort()).toEqual([cyber.id, visa.id].sort())
    }
  })
})

describe('event stream', () => {
  it("says nothing of other divisions' changes: hello and changes carry only visible seqs", async () => {
    const cyberOfficer = await loggedIn(server, 'officer.cyber')
    const foreignersOfficer = await loggedIn(server, 'officer.foreigners')
    // The newest change overall is in foreigners; the officer of cyber must not learn its seq.
    const latestVisa = await foreignersOfficer.act(visa.id, visa.version, { type: 'note', text: 'FRRO asked' })
    expect(latestVisa.status).toBe('applied')
    const cyberSeqs = (await cyberOfficer.changes(0, 500)).changes.map((c) => c.seq)
    const stream = await openStream(server.url, cyberOfficer.token!)
    await eventually(async () => stream.events.length > 0)
    expect(stream.events[0]).toEqual({ type: 'hello', seq: Math.max(...cyberSeqs) })

    // A foreigners change, then a cyber one: the first notice is the cyber change's.
    await foreignersOfficer.act(visa.id, visa.version, { type: 'note', text: 'second note' })
    const mine = await cyberOfficer.act(cyber.id, cyber.version, { type: 'note', text: 'bank contacted' })
    expect(mine.status).toBe('applied')
    await eventually(async () => stream.events.length > 1)
    const after = (await cyberOfficer.changes(Math.max(...cyberSeqs), 500)).changes
    expect(stream.events[1]).toEqual({ type: 'changes', seq: after.at(-1)!.seq })
    stream.close()
  })

  it('tells an officer when work leaves their scope (the tombstone is theirs to pull)', async () => {
    const cyberOfficer = await loggedIn(server, 'officer.cyber')
    const stream = await openStream(server.url, cyberOfficer.token!)
    await eventually(async () => stream.events.length > 0)
    const [current] = await server.db.query<{ version: number }>('SELECT version FROM grievances WHERE id = $1', [
      cyber.id,
    ])
    const moved = await cyberOfficer.act(cyber.id, current!.version, { type: 'forward', toDivision: 'police' })
    expect(moved.status).toBe('applied')
    await eventually(async () => stream.events.some((e) => e.type === 'changes'))
    stream.close()
  })
})
