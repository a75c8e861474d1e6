// Server search of grievances (`npm run bench grievance-search`): GET /api/v1/grievances/search
// over SEVA_BENCH_SEARCH_ROWS grievances (default 100,000) on PGlite (or PostgreSQL with
// DATABASE_URL). The target is the route on grievance_search (words under GIN, ticket and
// scope under B-trees); the baseline, in the same run on the same rows, is what a search
// without them does: ILIKE over the JSON documents, newest first. Medians of ROUNDS reads,
// with the ratio. The bench's documents are ~1 KB (real ones are 2–4 KB: the baseline here
// is, if anything, flattered). Whole words and word beginnings ("pass", part of a reference
// or a ticket number) are both measured; the process's CPU time per case is printed beside
// the wall clock (a loaded machine inflates the latter).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GrievanceSearchResponse } from '../src/shared/grievance-search'
import { searchHaystack } from '../src/shared/search'
import { searchKeysOf, WORDS_VERSION } from '../src/server/search'
import { freshDatabase, loggedIn, startTestServer, type ApiClient } from '../tests/server/helpers'

const ROWS = Number(process.env.SEVA_BENCH_SEARCH_ROWS ?? 100_000)
const ROUNDS = 5
const TOPICS = ['passport verification pending', 'upi fraud refund', 'visa extension delayed', 'fir not registered']

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

/** Median wall clock of `rounds` reads, and the process's CPU time per read (user + system). */
async function timed(rounds: number, read: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const ms: number[] = []
  const cpu0 = process.cpuUsage()
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now()
    await read()
    ms.push(performance.now() - t0)
  }
  const cpu = process.cpuUsage(cpu0)
  return { ms: median(ms), cpuMs: (cpu.user + cpu.system) / 1000 / rounds }
}

export default async function bench(): Promise<void> {
  const db = await freshDatabase()
  const dataDir = db.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'seva-search-bench-'))
  const server = await startTestServer(db, dataDir ? { dataDir } : {})
  try {
    const t0 = performance.now()
    for (let from = 1; from <= ROWS; from += 20_000) {
      const to = Math.min(ROWS, from + 19_999)
      await server.db.query(
        `INSERT INTO grievances (id, ticket, source_tweet_id, conversation_id, author_id, division, assignee,
           status, priority, language, sla_due_at, version, doc, created_at, updated_at)
         SELECT 'b' || i, 'MHA-24-' || lpad(i::text, 6, '0'), 'bt' || i, 'bt' || i, 'u' || i,
           (ARRAY['cyber','police','foreigners','general'])[1 + (i / 4) % 4], NULL, 'resolved', 'normal', 'en', now(), 1,
           jsonb_build_object('source', jsonb_build_object('text', t.text),
             'thread', jsonb_build_array(jsonb_build_object('text', repeat('checked the portal again ', 40)))),
           now() - i * interval '1 minute', now() - i * interval '1 minute'
         FROM generate_series($1::int, $2::int) i,
           LATERAL (SELECT '@HMOIndia my ' || ($3::text[])[1 + i % 4] || ' word' || (i % 997) || ' ref' || i AS text) t`,
        [from, to, TOPICS],
      )
    }
    // The rows the write path makes, folded here as there (src/server/search/rows.ts).
    for (let from = 1; from <= ROWS; from += 5_000) {
      const rows = await server.db.query<{ id: string; ticket: string; text: string }>(
        `SELECT id, ticket, doc->'source'->>'text' AS text FROM grievances
         WHERE id IN (SELECT 'b' || i FROM generate_series($1::int, $2::int) i)`,
        [from, Math.min(ROWS, from + 4_999)],
      )
      const words = rows.map((r) =>
        JSON.stringify(searchKeysOf([...new Set(searchHaystack([r.ticket, 'citizen'], [r.text]).split(' '))])),
      )
      await server.db.query(
        `INSERT INTO grievance_search (grievance_id, ticket, division, assignee, status, opened_at, excerpt, words, words_version)
         SELECT g.id, g.ticket, g.division, g.assignee, g.status, g.created_at, left(g.doc->'source'->>'text', 140),
           ARRAY(SELECT jsonb_array_elements_text(u.words)), ${WORDS_VERSION}
         FROM unnest($1::text[], $2::jsonb[]) AS u(id, words) JOIN grievances g ON g.id = u.id`,
        [rows.map((r) => r.id), words],
      )
    }
    await server.db.query('ANALYZE')
    console.log(`${ROWS} grievances seeded in ${Math.round(performance.now() - t0)} ms (${server.db.kind})`)
    // What the prefixes cost in storage: the search rows with their indexes, and words per row.
    const [size] = await server.db.query<{ bytes: string; words: string }>(
      `SELECT pg_total_relation_size('grievance_search')::text AS bytes,
         (SELECT round(avg(cardinality(words)), 1)::text FROM grievance_search) AS words`,
    )
    console.log(
      `grievance_search with its indexes: ${(Number(size!.bytes) / 1e6).toFixed(1)} MB, ${size!.words} words a row`,
    )

    const admin = await loggedIn(server, 'admin')
    const officer = await loggedIn(server, 'officer.cyber')
    const rare = `ref${Math.floor(ROWS / 2)}`
    const ticket = `MHA-24-${String(Math.floor(ROWS / 3)).padStart(6, '0')}`
    // ref50000 → "ref5000": itself and ref5000N (about ten grievances at 100,000).
    const rarePrefix = rare.slice(0, -1)
    const ticketPrefix = ticket.slice(0, -1)
    const search = async (client: ApiClient, q: string, expectAtLeast: number) => {
      const res = await client.request('GET', `/api/v1/grievances/search?${new URLSearchParams({ q })}`)
      if (res.status !== 200) throw new Error(`search ${q}: ${res.status} ${JSON.stringify(res.body)}`)
      const n = (res.body as GrievanceSearchResponse).grievances.length
      if (n < expectAtLeast) throw new Error(`search ${q}: ${n} hits, expected at least ${expectAtLeast}`)
    }
    const naive = (like: string) =>
      server.db.query(
        `SELECT id FROM grievances WHERE doc->'source'->>'text' ILIKE $1 OR doc->>'thread' ILIKE $1
         ORDER BY created_at DESC, id DESC LIMIT 21`,
        [`%${like}%`],
      )
    const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      [`one word, one hit ("${rare}"), admin`, () => search(admin, rare, 1), () => naive(rare)],
      [
        'one word in a quarter of them ("passport"), admin',
        () => search(admin, 'passport', 20),
        () => naive('passport'),
      ],
      [
        'two words ("upi refund"), the cyber officer',
        () => search(officer, 'upi refund', 20),
        () => naive('upi fraud refund'),
      ],
      [`a ticket (${ticket.toLowerCase()}), admin`, () => search(admin, ticket.toLowerCase(), 1), () => naive(ticket)],
      // Word beginnings: what an officer types before the word is whole.
      [`a beginning, a few hits ("${rarePrefix}"), admin`, () => search(admin, rarePrefix, 1), () => naive(rarePrefix)],
      ['a beginning in a quarter of them ("pass"), admin', () => search(admin, 'pass', 20), () => naive('pass')],
      [
        'a word and a beginning ("upi refu"), the cyber officer',
        () => search(officer, 'upi refu', 20),
        () => naive('upi fraud refu'),
      ],
      [
        `a ticket's beginning (${ticketPrefix.toLowerCase()}), admin`,
        () => search(admin, ticketPrefix.toLowerCase(), 1),
        () => naive(ticketPrefix),
      ],
    ]
    for (const [what, target, baseline] of cases) {
      await target() // warm: plans, caches, the session lookup
      const base = await timed(ROUNDS, baseline)
      const route = await timed(ROUNDS, target)
      console.log(
        `${what}: route ${route.ms.toFixed(1)} ms (HTTP, median of ${ROUNDS}; CPU ${route.cpuMs.toFixed(1)} ms) vs ILIKE over documents ${base.ms.toFixed(1)} ms (CPU ${base.cpuMs.toFixed(1)} ms) — ${(base.ms / route.ms).toFixed(1)}× faster`,
      )
    }
  } finally {
    await server.close()
    await db.drop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
}
