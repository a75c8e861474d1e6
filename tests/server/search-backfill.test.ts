// The search rows of older grievances are made at start-up by the leader's background work
// (src/server/index.ts, startWork): tracked, so shutting down waits for the batch in flight
// instead of leaving it to hit a closed database; an unreadable document is skipped and
// named, a failure is logged, never unhandled; on
// PostgreSQL only the lease holder runs it. Restarts run on one database (a PGlite data
// directory, or one PostgreSQL database).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../src/server/db/database'
import type { StartServerOptions } from '../../src/server/index'
import type { GrievanceSearchResponse } from '../../src/shared/grievance-search'
import { eventually, freshDatabase, hasPostgresFor, loggedIn, startTestServer, type TestDatabase } from './helpers'

// Several batches (of 500), so a start-up pass is usually still running when a test closes its
// server at once (the test holds either way: it checks what was made and that a restart makes the rest).
const COUNT = 10_000
/** The ticket of the last grievance made (the backfill reaches it last). */
const LAST_TICKET = `MHA-25-${800_000 + COUNT - 1}`

let db: TestDatabase
let dataDir: string

beforeAll(async () => {
  db = await freshDatabase()
  dataDir = mkdtempSync(join(tmpdir(), 'seva-search-backfill-'))
  // The server makes the schema; the grievances go in by SQL (fast), their documents holding
  // what the search rows are made of, and no search rows: as stored before migration 22.
  await (await start()).close()
  await withDatabase((d) =>
    d.query(
      `INSERT INTO grievances (id, ticket, source_tweet_id, conversation_id, author_id, division, assignee,
         status, priority, language, sla_due_at, version, doc, created_at, updated_at)
       SELECT 'bf-' || lpad(i::text, 5, '0'), 'MHA-25-' || (800000 + i), 'bf-t' || i, 'bf-t' || i, 'u' || i,
         'cyber', NULL, 'resolved', 'normal', 'en', now(), 1,
         jsonb_build_object('id', 'bf-' || lpad(i::text, 5, '0'), 'ticket', 'MHA-25-' || (800000 + i),
           'division', 'cyber', 'assignee', NULL, 'status', 'resolved', 'createdAt', '2025-06-01T00:00:00.000Z',
           'source', jsonb_build_object('authorUsername', 'citizen', 'text', 'help needed ' || i),
           'thread', '[]'::jsonb),
         now(), now()
       FROM generate_series(0, $1::int - 1) i`,
      [COUNT],
    ),
  )
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
      const res = await admin.request('GET', `/api/v1/grievances/search?q=${LAST_TICKET.toLowerCase()}`)
      expect((res.body as GrievanceSearchResponse).grievances.map((g) => g.ticket)).toEqual([LAST_TICKET])
    } finally {
      await server.close()
    }
  })

  it('is waited for by a shutdown, which stops it between batches; the next start resumes it', async () => {
    await forgetSearchRows()
    const lines: string[] = []
    const server = await start({}, lines)
    // At once: the pass has begun its first batch (it starts with the leader's term).
    await server.close()
    // The batch in flight was finished and reported before close resolved, and nothing
    // ran on against the closed database.
    const atClose = backfillLines(lines)
    expect(atClose).toHaveLength(1)
    const made = Number(/^\[server\] search rows made for (\d+) older grievance\(s\)$/.exec(atClose[0]!)?.[1])
    expect(made).toBeGreaterThan(0)
    expect(await countRows()).toBe(made)
    if (made < COUNT) {
      const again: string[] = []
      const next = await start({}, again)
      try {
        await eventually(async () => backfillLines(again).length > 0)
        expect(backfillLines(again)).toEqual([`[server] search rows made for ${COUNT - made} older grievance(s)`])
      } finally {
        await next.close()
      }
    }
    expect(await countRows()).toBe(COUNT)
    expect(backfillLines(lines)).toEqual(atClose)
  })

  it('skips a stored document it cannot read, names it in the log, and makes the rest', async () => {
    // No source: the folding cannot read it. Its id sorts before every other, so it is in the first batch.
    await forgetSearchRows()
    await withDatabase((d) =>
      d.query(
        `INSERT INTO grievances (id, ticket, source_tweet_id, conversation_id, author_id, division, assignee,
           status, priority, language, sla_due_at, version, doc, created_at, updated_at)
         VALUES ('bf-0000-broken', 'MHA-25-899999', 'bf-broken-t', 'bf-broken-t', 'u-broken', 'cyber', NULL,
           'resolved', 'normal', 'en', now(), 1, '{}'::jsonb, now(), now())`,
      ),
    )
    const lines: string[] = []
    const server = await start({}, lines)
    try {
      await eventually(async () => lines.some((l) => l.includes('search rows made')))
      expect(backfillLines(lines)).toEqual([`[server] search rows made for ${COUNT} older grievance(s)`])
      const skipped = lines.filter((l) => l.includes('search row of grievance'))
      expect(skipped).toHaveLength(1)
      expect(skipped[0]).toMatch(/^\[server\] search row of grievance bf-0000-broken not made: TypeError/)
      expect(await countRows()).toBe(COUNT)
      const admin = await loggedIn(server, 'admin')
      expect((await admin.request('GET', `/api/v1/grievances/search?q=${LAST_TICKET.toLowerCase()}`)).status).toBe(200)
    } finally {
      await server.close()
      await withDatabase((d) => d.query(`DELETE FROM grievances WHERE id = 'bf-0000-broken'`))
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
