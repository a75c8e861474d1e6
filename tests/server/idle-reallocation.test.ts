// Idle-assignee re-allocation over a real server: work left `assigned` and untouched past
// the limit moves to another officer of the division or back to the queue; started work,
// recently acted work and the system's own writes are told apart. Time is driven by
// backdating the grievance's change and action rows, not by sleeping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import { ensureUser } from '../../src/server/auth'
import { writeTransaction } from '../../src/server/db/database'
import { loadGrievance, nextVersion, saveGrievance } from '../../src/server/grievances'
import { describeIdleLimit, reallocateIdle } from '../../src/server/idle-reallocation'
import type { Grievance } from '../../src/shared/grievance'
import { freshDatabase, loggedIn, PASSWORD, startTestServer, type TestDatabase } from './helpers'
import { seedGrievance, TWEETS } from './seed'

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

/** Makes everything that happened to the grievance so far `hours` older. */
async function backdate(id: string, hours: number): Promise<void> {
  const by = `${hours} hours`
  await server.db.query(`UPDATE changes SET at = at - $2::interval WHERE grievance_id = $1`, [id, by])
  await server.db.query(`UPDATE actions SET at = at - $2::interval WHERE grievance_id = $1`, [id, by])
  await server.db.query(`UPDATE grievances SET updated_at = updated_at - $2::interval WHERE id = $1`, [id, by])
}

async function stored(id: string): Promise<Grievance> {
  const g = await loadGrievance(server.db, id)
  if (!g) throw new Error(`no grievance ${id}`)
  return g
}

describe('idle-assignee re-allocation', () => {
  it('moves idle assigned work to another officer of the division, once', async () => {
    const g = await seed(TWEETS.visa)
    expect(g).toMatchObject({ division: 'foreigners', assignee: 'officer.foreigners', status: 'assigned' })
    await ensureUser(server.db, {
      username: 'officer.foreigners2',
      displayName: 'Second officer, Foreigners',
      role: 'officer',
      divisions: ['foreigners'],
      languages: ['en', 'hi'],
      password: PASSWORD,
    })
    const newcomer = await loggedIn(server, 'officer.foreigners2')
    const { last } = await newcomer.changes()
    await backdate(g.id, 5)

    const moved = await server.reallocateIdleNow()
    expect(moved).toEqual([
      { id: g.id, ticket: g.ticket, from: 'officer.foreigners', to: 'officer.foreigners2', seq: expect.any(Number) },
    ])
    const after = await stored(g.id)
    expect(after).toMatchObject({ status: 'assigned', assignee: 'officer.foreigners2', version: g.version + 1 })
    expect(after.thread.at(-1)).toMatchObject({
      kind: 'system',
      text: 'Re-allocated from officer.foreigners: no action for 4 h',
    })

    // The new assignee's desk hears of it through the feed.
    const feed = await newcomer.changes(last)
    expect(feed.changes).toEqual([{ seq: moved[0]!.seq, kind: 'upsert', grievance: after }])

    // The new assignment restarts the clock: a second pass finds nothing.
    expect(await server.reallocateIdleNow()).toEqual([])
  })

  it('returns idle work to the division queue when no other officer fits', async () => {
    const g = await seed(TWEETS.cyber)
    expect(g).toMatchObject({ division: 'cyber', assignee: 'officer.cyber', status: 'assigned' })
    const officer = await loggedIn(server, 'officer.cyber')
    const { last } = await officer.changes()
    await backdate(g.id, 5)

    const moved = await server.reallocateIdleNow()
    expect(moved).toMatchObject([{ id: g.id, from: 'officer.cyber', to: null }])
    const after = await stored(g.id)
    expect(after).toMatchObject({ status: 'new', assignee: null, division: 'cyber', version: g.version + 1 })
    expect(after.thread.at(-1)).toMatchObject({
      kind: 'system',
      text: 'Returned to the cyber queue from officer.cyber: no action for 4 h',
    })
    // Still in the officer's division scope, so an upsert (not a tombstone) shows it unassigned.
    expect((await officer.changes(last)).changes).toEqual([{ seq: moved[0]!.seq, kind: 'upsert', grievance: after }])
    expect(await server.reallocateIdleNow()).toEqual([])
  })

  it('leaves started work with its officer however long it sits', async () => {
    const g = await seed(TWEETS.cyber)
    const officer = await loggedIn(server, 'officer.cyber')
    expect(await officer.act(g.id, g.version, { type: 'start' })).toMatchObject({ status: 'applied' })
    await backdate(g.id, 50)

    expect(await server.reallocateIdleNow()).toEqual([])
    expect(await stored(g.id)).toMatchObject({ status: 'in_progress', assignee: 'officer.cyber' })
  })

  it('leaves work the assignee acted on recently, but not work only the system touched', async () => {
    const acted = await seed(TWEETS.cyber)
    const touched = await seed(TWEETS.cyber)
    await backdate(acted.id, 5)
    await backdate(touched.id, 5)
    const officer = await loggedIn(server, 'officer.cyber')
    expect(await officer.act(acted.id, acted.version, { type: 'note', text: 'Called the bank' })).toMatchObject({
      status: 'applied',
    })
    // A write by the server itself (as when a reply is marked posted) bumps updatedAt only.
    await writeTransaction(server.db, async (tx) => {
      const before = await loadGrievance(tx, touched.id, true)
      await saveGrievance(tx, before!, nextVersion(before!))
    })

    const moved = await server.reallocateIdleNow()
    expect(moved.map((m) => m.id)).toEqual([touched.id])
    expect(await stored(acted.id)).toMatchObject({ status: 'assigned', assignee: 'officer.cyber' })
  })

  it('sends the old assignee a tombstone when the work leaves their scope', async () => {
    const g = await seed(TWEETS.cyber)
    // An assignee from outside the division (as a cross-division hand-over would leave it).
    await writeTransaction(server.db, async (tx) => {
      const before = await loadGrievance(tx, g.id, true)
      await saveGrievance(tx, before!, { ...nextVersion(before!), assignee: 'officer.foreigners' })
    })
    const outsider = await loggedIn(server, 'officer.foreigners')
    const { last } = await outsider.changes()
    await backdate(g.id, 5)

    const moved = await server.reallocateIdleNow()
    expect(moved).toMatchObject([{ id: g.id, from: 'officer.foreigners', to: 'officer.cyber' }])
    expect((await outsider.changes(last)).changes).toEqual([{ seq: moved[0]!.seq, kind: 'remove', id: g.id }])
  })

  it('does nothing when switched off', async () => {
    const g = await seed(TWEETS.cyber)
    await backdate(g.id, 500)
    expect(await writeTransaction(server.db, (tx) => reallocateIdle(tx, { idleAfterMs: 0 }))).toEqual([])
    expect(await stored(g.id)).toMatchObject({ status: 'assigned', assignee: 'officer.cyber' })
  })

  it('states the limit in readable units', () => {
    expect(describeIdleLimit(4 * 3_600_000)).toBe('4 h')
    expect(describeIdleLimit(90 * 60_000)).toBe('1.5 h')
    expect(describeIdleLimit(30 * 60_000)).toBe('30 min')
    expect(describeIdleLimit(45_000)).toBe('45 s')
  })
})
