// The day bench's 8–16 h "idle assignments", reproduced deterministically over a real
// server: at a shift change the supervisor hands the outgoing officer's open work to the
// incoming one while the outgoing officer is still finishing the item in hand; their reply
// and resolve are applied (a reply is append-only; the resolve goes on the reply's version),
// so the grievance ends resolved with the incoming officer as assignee, who never had to act.
// The server does the right thing (one reply, resolved, nothing left to re-allocate); the
// bench's metric counted that assignment idle until the figures were read. Time is moved by
// backdating the grievance's change and action rows, never by sleeping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idleAssignments } from '../../bench/day/idle-assignments'
import { ensureUser } from '../../src/server/auth'
import type { RunningServer } from '../../src/server/index'
import { loadGrievance } from '../../src/server/grievances'
import {
  freshDatabase,
  loggedIn,
  PASSWORD,
  startTestServer,
  type ApiClient,
  type TestDatabase,
} from '../server/helpers'
import { seedGrievance, TWEETS } from '../server/seed'

let db: TestDatabase
let server: RunningServer
let supervisor: ApiClient
let outgoing: ApiClient

const OUTGOING = 'officer.foreigners'
const INCOMING = 'officer.foreigners.late'

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db)
  await ensureUser(server.db, {
    username: INCOMING,
    displayName: 'Foreigners, late shift',
    role: 'officer',
    divisions: ['foreigners'],
    languages: ['en', 'hi'],
    password: PASSWORD,
  })
  // Only the outgoing shift takes new work until the change, as the bench's roster says.
  await server.db.query('UPDATE users SET available = (username = $1) WHERE role = $2', [OUTGOING, 'officer'])
  supervisor = await loggedIn(server, 'supervisor')
  outgoing = await loggedIn(server, OUTGOING)
})
afterAll(async () => {
  await server?.close()
  await db?.drop()
})

/** Makes everything that happened to the grievance so far `hours` older. */
async function backdate(id: string, hours: number): Promise<void> {
  const by = `${hours} hours`
  await server.db.query(`UPDATE changes SET at = at - $2::interval WHERE grievance_id = $1`, [id, by])
  await server.db.query(`UPDATE actions SET at = at - $2::interval WHERE grievance_id = $1`, [id, by])
  await server.db.query(`UPDATE grievances SET updated_at = updated_at - $2::interval WHERE id = $1`, [id, by])
}

/** The `at` of the one row the query finds, in ms. */
async function momentOf(sql: string, params: string[]): Promise<number> {
  const [row] = await server.db.query<{ at: string | Date }>(sql, params)
  if (!row) throw new Error(`nothing for ${params.join(', ')}`)
  return new Date(row.at).getTime()
}

describe('idle assignments across a shift change (bench/day)', () => {
  it('ends an assignment when the outgoing officer finishes the handed-over item', async () => {
    const inHand = await seedGrievance(server, TWEETS.visa)
    const untouched = await seedGrievance(server, TWEETS.visa.replace('3 weeks', '5 weeks'))
    expect(inHand).toMatchObject({ assignee: OUTGOING, status: 'assigned' })
    expect(untouched).toMatchObject({ assignee: OUTGOING, status: 'assigned' })

    // The shift changes: the roster flips and the supervisor hands both over.
    await server.db.query('UPDATE users SET available = (username = $1) WHERE role = $2', [INCOMING, 'officer'])
    for (const g of [inHand, untouched]) {
      const handed = await supervisor.act(g.id, g.version, { type: 'assign', assignee: INCOMING })
      expect(handed.status).toBe('applied')
    }
    // The outgoing officer was already writing the reply to the item in hand (read at its old version).
    const reply = await outgoing.act(inHand.id, inHand.version, {
      type: 'reply',
      text: `@${inHand.source.authorUsername} We have taken up your complaint; an officer will call you today.`,
    })
    expect(reply.status).toBe('applied')
    if (reply.status !== 'applied') return
    const resolved = await outgoing.act(inHand.id, reply.version, { type: 'resolve' })
    expect(resolved.status).toBe('applied')

    const finished = await loadGrievance(server.db, inHand.id)
    expect(finished).toMatchObject({ status: 'resolved', assignee: INCOMING })
    expect(finished!.thread.filter((e) => e.kind === 'reply')).toHaveLength(1)

    // Eight hours on (the rest of the incoming shift), as the bench reads its figures at day end.
    await backdate(inHand.id, 8)
    await backdate(untouched.id, 8)
    const rows = await idleAssignments(server.db)
    const handedAt = (id: string) =>
      momentOf(`SELECT at FROM changes WHERE grievance_id = $1 AND assignee = $2 AND prev_assignee = $3`, [
        id,
        INCOMING,
        OUTGOING,
      ])
    const resolvedAt = await momentOf(
      `SELECT at FROM actions WHERE grievance_id = $1 AND username = $2 AND type = 'resolve'`,
      [inHand.id, OUTGOING],
    )
    const ofIncoming = (id: string) => rows.find((r) => r.grievanceId === id && r.assignee === INCOMING)

    // Finished work: the assignment ended when the outgoing officer resolved it.
    expect(ofIncoming(inHand.id)?.idleMs).toBeCloseTo(resolvedAt - (await handedAt(inHand.id)), 0)
    // Work nobody touched still counts until now: the eight hours and the moment since.
    expect(ofIncoming(untouched.id)!.idleMs).toBeGreaterThanOrEqual(8 * 3_600_000)

    // The server's own safety net (4 h, off in the bench) agrees: only the untouched one is idle.
    const moved = await server.reallocateIdleNow()
    expect(moved.map((m) => m.id)).toEqual([untouched.id])
  })
})
