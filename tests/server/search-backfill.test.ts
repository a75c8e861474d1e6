// The search rows of older grievances are made at start-up by the leader's background work
// (src/server/index.ts, startWork): tracked, so shutting down waits for the batch in flight
// instead of leaving it to hit a closed database; a failure is logged, never unhandled; on
// PostgreSQL only the lease holder runs it. Restarts run on one database (a PGlite data
// directory, or one PostgreSQL database).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../src/server/db/database'
import type { StartServerOptions } from '../../src/server/index'
import { writeGrievances } from '../../src/server/grievances'
import type { GrievanceSearchResponse } from '../../src/shared/grievance-search'
import { makeGrievance } from '../desk/mock-sync-server'
import { eventually, freshDatabase, hasPostgresFor, loggedIn, startTestServer, type TestDatabase } from './helpers'

const COUNT = 1_200

let db: TestDatabase
let dataDir: string

beforeAll(async () => {
  db = await freshDatabase()
  dataDir = mkdtempSync(join(tmpdir(), 'seva-search-backfill-'))
  const server = await start()
  try {
    const grievances = Array.from({ length: COUNT }, (_, i) =>
      makeGrievance(`bf-${String(i).padStart(5, '0')}`, {
        ticket: `MHA-25-${String(800_000 + i).padStart(6, '0')}`,
      }),
    )
    await server.db.transaction((tx) =>
      writeGrievances(
        tx,
        grievances.map((after) => ({ before: null, after })),
      ),
    )
  } finally {
    await server.close()
  }
})

afterAll(async () => {
  await db.drop()
  rmSync(dataDir, { recursive: true, force: true })
})

/** A server on the shared database, its log lines kept. */
async function start(opts: StartServerOptions = {}, lines: string[] = []) {
  return startTestServer(db, { dataDir, log: (line) => lines.push(line), ...opts })
}

/** The shared database with no server on it (a server's start would run the backfill itself). */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(db.databaseUrl ? { databaseUrl: db.databaseUrl } : { dataDir })
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

const forgetSearchRows = () =>
  withDatabase((d) => d.query(`DELETE FROM grievance_search WHERE grievance_id LIKE 'bf-%'`))

const countRows = () =>
  withDatabase(async (d) => {
    const [row] = await d.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM grievance_search WHERE grievance_id LIKE 'bf-%'`,
    )
    return row!.n
  })

const backfillLines = (lines: string[]) => lines.filter((l) => l.includes('search rows'))

describe('the search backfill at start-up', () => {
  it('makes the missing rows in the background on the leader and says how many', async () => {
    await forgetSearchRows()
    const lines: string[] = []
    const server = await start({}, lines)
    try {
      await eventually(async () => backfillLines(lines).length > 0)
      expect(backfillLines(lines)).toEqual([`[server] search rows made for ${COUNT} older grievance(s)`])
      const admin = await loggedIn(server, 'admin')
      const res = await admin.request('GET', '/api/v1/grievances/search?q=mha-25-801199')
      expect((res.body as GrievanceSearchResponse).grievances.map((g) => g.ticket)).toEqual(['MHA-25-801199'])
    } finally {
      await server.close()
    }
  })

  it('is waited for by a shutdown (no batch is left to hit a closed database) and resumed by the next start', async () => {
    await forgetSearchRows()
    const lines: string[] = []
    const server = await start({}, lines)
    // At once: the pass is still in its first batches.
    await server.close()
    // Stopped between batches, or done: never a failure against the closed database.
    expect(lines.filter((l) => l.includes('not made yet'))).toEqual([])
    const made = await countRows()
    expect(made).toBeLessThanOrEqual(COUNT)
    const again: string[] = []
    const next = await start({}, again)
    try {
      if (made < COUNT) {
        await eventually(async () => backfillLines(again).length > 0)
        expect(backfillLines(again)).toEqual([`[server] search rows made for ${COUNT - made} older grievance(s)`])
      }
    } finally {
      await next.close()
    }
    expect(await countRows()).toBe(COUNT)
  })

  it('logs a failure instead of leaving it unhandled, and the server serves on', async () => {
    // A stored document the folding cannot read (no source): its batch fails.
    await withDatabase((d) =>
      d.query(
        `INSERT INTO grievances (id, ticket, source_tweet_id, conversation_id, author_id, division, assignee,
           status, priority, language, sla_due_at, version, doc, created_at, updated_at)
         VALUES ('bf-broken', 'MHA-25-899999', 'bf-broken-t', 'bf-broken-t', 'u-broken', 'cyber', NULL,
           'resolved', 'normal', 'en', now(), 1, '{}'::jsonb, now(), now())`,
      ),
    )
    const lines: string[] = []
    const server = await start({}, lines)
    try {
      const failure = await eventually(async () => lines.find((l) => l.includes('not made yet')))
      expect(failure).toMatch(/^\[server\] search rows of older grievances not made yet: TypeError/)
      const admin = await loggedIn(server, 'admin')
      expect((await admin.request('GET', '/api/v1/grievances/search?q=mha-25-801199')).status).toBe(200)
    } finally {
      await server.close()
      await withDatabase((d) => d.query(`DELETE FROM grievances WHERE id = 'bf-broken'`))
    }
  })

  it('runs on the lease holder only when several instances share a PostgreSQL', async () => {
    if (!hasPostgresFor('the leader-only search backfill')) return
    await forgetSearchRows()
    const leaderLines: string[] = []
    const followerLines: string[] = []
    const leader = await start({ instanceId: 'bf-leader' }, leaderLines)
    const follower = await start({ instanceId: 'bf-follower' }, followerLines)
    try {
      expect(leader.isLeader()).toBe(true)
      expect(follower.isLeader()).toBe(false)
      await eventually(async () => backfillLines(leaderLines).length > 0)
      expect(backfillLines(leaderLines)).toEqual([`[server] search rows made for ${COUNT} older grievance(s)`])
      expect(backfillLines(followerLines)).toEqual([])
    } finally {
      await follower.close()
      await leader.close()
    }
  })
})
