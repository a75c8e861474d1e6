// Reports benchmark (`npm run bench reports`):
//  - the summary over 100,000 grievances on PGlite (target p95 < 2 s) and over 1,000,000
//    on PostgreSQL (DATABASE_URL; target p95 < 1 s), for several ranges and filters, each
//    against a naive query over the JSON documents and against migration 19's plan of the
//    roll-ups (months, blocks, days; no quarters or years) in the same run, with the ratios;
//    REPORTS_BENCH_PGLITE_N / REPORTS_BENCH_POSTGRES_N change the sizes for a quicker run;
//  - the XLSX export of 100,000 grievances: time and peak RSS growth, beside an export of
//    10,000 to show the memory does not grow with the rows.
// Data is generated in the database with INSERT … SELECT generate_series (documents shaped
// like real grievances), then the facts are filled by migration 16's own backfill.
import { randomBytes } from 'node:crypto'
import { loadavg } from 'node:os'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import type { StaffUser } from '../src/server/auth/users'
import { openPglite, openPostgres, type Database } from '../src/server/db/database'
import { MIGRATIONS, migrate } from '../src/server/db/migrations'
import { grievancesXlsx } from '../src/server/reports/export'
import {
  ALL_ROLLUP_TABLES,
  COARSE_GRAIN_BACKFILL,
  ROLLUP_BACKFILL,
  VARIANTS,
  rollupTables,
} from '../src/server/reports/rollup'
import { reportSelection, type ReportSelection } from '../src/server/reports/query'
import { reportSummary } from '../src/server/reports/summary'
import type { ReportQueryInput } from '../src/shared/reports'
import { ReportQuery } from '../src/shared/reports'
import { ORG } from '../tests/server/seed'

const ADMIN: StaffUser = {
  username: 'bench',
  displayName: 'Bench',
  role: 'admin',
  divisions: ['*'],
  languages: ['en'],
  capacity: 0,
  available: true,
}
/** "Now" for the figures: just after the generated year, so every range is in the past. */
const NOW = new Date('2026-01-02T00:00:00Z')

/** Ranges × filters: every range with no filter, a division, a language and priority, an officer, a handle. */
const RANGES: { name: string; from: string; to: string }[] = [
  { name: 'a day', from: '2025-06-10', to: '2025-06-10' },
  { name: 'a month', from: '2025-06-01', to: '2025-06-30' },
  { name: 'the year', from: '2025-01-01', to: '2025-12-31' },
  // Partial months at both ends: seven-day blocks and single days as well as months.
  { name: 'Feb 3 – Nov 26', from: '2025-02-03', to: '2025-11-26' },
  // The longest range a report may cover (366 days), over all the data.
  { name: 'all', from: '2025-01-01', to: '2026-01-01' },
]
const FILTERS: { name: string; filter: Omit<ReportQueryInput, 'from' | 'to'> }[] = [
  { name: '', filter: {} },
  { name: 'division cyber', filter: { division: 'cyber' } },
  { name: 'Hindi, high', filter: { language: 'hi', priority: 'high' } },
  { name: 'one officer', filter: { officer: 'officer.cyber.3' } },
  { name: 'handle HMOIndia', filter: { handle: 'HMOIndia' } },
]
export const CASES: { name: string; query: ReportQueryInput }[] = RANGES.flatMap((r) =>
  FILTERS.map((f) => ({
    name: f.name === '' ? r.name : `${r.name}, ${f.name}`,
    query: { from: r.from, to: r.to, ...f.filter },
  })),
)

/**
 * N grievances over 2025 (created_at spread evenly, so a month is about N/12), seven
 * divisions, four priorities, a third in Hindi, most resolved; each document has a citizen
 * tweet, an acknowledgement and an officer's posted reply, as ingestion and the desk write them.
 */
export function generateSql(first: number, last: number): string {
  return `
  WITH s AS (
    SELECT i,
      '2025-01-01T00:00:00Z'::timestamptz + (i::double precision * 31536000 / $1::double precision) * interval '1 second' AS created,
      (ARRAY['foreigners','police','capf','cyber','disaster','women-safety','general'])[1 + i % 7] AS division,
      (ARRAY['critical','high','normal','normal','normal','low'])[1 + (i / 3) % 6] AS priority,
      CASE WHEN i % 3 = 0 THEN 'hi' ELSE 'en' END AS language,
      -- Work older than ~10 days is done (as in a desk that keeps up); the last days are still open.
      CASE WHEN i > $1::int - $1::int / 36 AND i % 3 = 0 THEN 'assigned'
           WHEN i > $1::int - $1::int / 36 AND i % 3 = 1 THEN 'in_progress'
           ELSE (ARRAY['resolved','resolved','closed','resolved','resolved','closed','resolved','rejected'])[1 + i % 8] END AS status,
      (600 + (i::bigint * 37) % 86400) AS reply_s,
      (3600 + (i::bigint * 7919) % 864000) AS done_s
    FROM generate_series(${first}, ${last}) AS i
  ), t AS (
    SELECT s.*, 'officer.' || division || '.' || (i % 20) AS assignee, (1000000000000000000 + i)::text AS tweet_id,
      'MHA-25-' || lpad(i::text, 7, '0') AS ticket, created + interval '72 hours' AS due,
      CASE WHEN status IN ('resolved','closed','rejected') THEN created + done_s * interval '1 second'
           ELSE created + interval '1 minute' END AS updated
    FROM s
  )
  INSERT INTO grievances (id, ticket, source_tweet_id, conversation_id, author_id, division, assignee, status,
    priority, language, sla_due_at, version, doc, created_at, updated_at)
  SELECT 'g' || i, ticket, tweet_id, tweet_id, 'a' || i, division, assignee, status, priority, language, due, 3,
    jsonb_build_object(
      'id', 'g' || i, 'ticket', ticket,
      'source', jsonb_build_object('tweetId', tweet_id, 'conversationId', tweet_id, 'authorId', 'a' || i,
        'authorUsername', 'citizen' || (i % 50000), 'language', language, 'createdAt', created,
        'text', CASE WHEN language = 'hi' THEN '@HMOIndia मेरा पासपोर्ट पुलिस सत्यापन लंबित है, कृपया मदद करें ' || i
                     ELSE '@HMOIndia my e-visa application is pending for three weeks, please help ' || i END,
        'via', jsonb_build_object('kind', 'mention', 'handle', CASE WHEN i % 5 = 0 THEN 'CyberDost' ELSE 'HMOIndia' END),
        'media', '[]'::jsonb),
      'thread', jsonb_build_array(
        jsonb_build_object('id', 'citizen:' || i, 'kind', 'citizen', 'text', 'help', 'at', created, 'by', 'citizen' || i),
        jsonb_build_object('id', 'ack:' || i, 'kind', 'reply', 'text', 'Registered', 'at', created + interval '5 seconds',
          'by', 'HMOIndia', 'post', jsonb_build_object('state', 'posted', 'attempts', 1)),
        jsonb_build_object('id', 'r' || i, 'kind', 'reply', 'text', 'We are looking into it',
          'at', created + reply_s * interval '1 second', 'by', assignee,
          'post', jsonb_build_object('state', 'posted', 'attempts', 1))),
      'division', division,
      'matchedRules', jsonb_build_array((ARRAY['visa','police-verification','capf','cyber-fraud','disaster','women-safety','ncb-drugs'])[1 + i % 7]),
      'priority', priority,
      'triage', jsonb_build_object('actionable', true, 'reasons', '[]'::jsonb, 'band', 'ticket'),
      'status', status, 'statusReason', NULL, 'assignee', assignee, 'slaDueAt', due,
      'createdAt', created, 'updatedAt', updated, 'version', 3),
    created, updated
  FROM t`
}

export async function generate(db: Database, n: number, label: string): Promise<void> {
  const started = performance.now()
  const chunk = 50_000
  for (let first = 1; first <= n; first += chunk)
    await db.query(generateSql(first, Math.min(n, first + chunk - 1)), [n])
  const generated = performance.now()
  const backfill = MIGRATIONS.find((m) => m.version === 16)!.sql.find((s) =>
    s.startsWith('INSERT INTO grievance_facts'),
  )!
  await db.query('DELETE FROM grievance_facts')
  await db.query(backfill)
  const facts = performance.now()
  // The roll-ups as migration 19 fills them from the facts (set-based, one statement).
  for (const t of ALL_ROLLUP_TABLES) await db.query(`DELETE FROM ${t}`)
  for (const statement of ROLLUP_BACKFILL) await db.query(statement)
  const rolled = performance.now()
  // Quarters and years as migration 20 adds them up from the months.
  for (const statement of COARSE_GRAIN_BACKFILL) await db.query(statement)
  const coarse = performance.now()
  for (const t of ['grievances', 'grievance_facts', ...ALL_ROLLUP_TABLES]) await db.query(`ANALYZE ${t}`)
  const [rows] = await db.query<{ counts: number; times: number; rules: number }>(
    `SELECT ${['counts', 'times', 'rules']
      .map(
        (k) =>
          `(${VARIANTS.map((v) => `(SELECT count(*) FROM ${rollupTables(v)[k as 'counts']})`).join(' + ')})::int AS ${k}`,
      )
      .join(', ')}`,
  )
  console.log(
    `[reports/${label}] generated ${n} grievances in ${((generated - started) / 1000).toFixed(1)} s; ` +
      `migration 16 backfilled their facts in ${((facts - generated) / 1000).toFixed(1)} s, ` +
      `migration 19 their roll-ups in ${((rolled - facts) / 1000).toFixed(1)} s, ` +
      `migration 20 their quarters and years in ${((coarse - rolled) / 1000).toFixed(1)} s ` +
      `(${rows?.counts} count rows, ${rows?.times} histogram rows, ${rows?.rules} rule rows)`,
  )
}

/**
 * The baseline: the same cohort figures (totals, by division and officer, medians and
 * p90s, SLA share) and the daily series, straight from the documents, as one would write
 * them without a facts table.
 */
async function naiveSummary(db: Database, sel: ReportSelection): Promise<number> {
  const q = sel.query
  const params: (string | null)[] = [q.from, q.to, q.division ?? null, q.language ?? null, q.priority ?? null]
  const cohort = `SELECT doc->>'division' AS division, doc->>'assignee' AS assignee, doc->>'status' AS status,
      ((doc->>'createdAt')::timestamptz AT TIME ZONE 'UTC' + interval '330 minutes')::date AS day,
      EXTRACT(EPOCH FROM ((SELECT min((e->>'at')::timestamptz) FROM jsonb_array_elements(doc->'thread') e
         WHERE e->>'kind' = 'reply' AND e->'post'->>'state' = 'posted' AND e->>'id' NOT LIKE 'ack:%')
         - (doc->>'createdAt')::timestamptz)) AS fr,
      CASE WHEN doc->>'status' IN ('resolved', 'closed')
           THEN EXTRACT(EPOCH FROM ((doc->>'updatedAt')::timestamptz - (doc->>'createdAt')::timestamptz)) END AS res,
      CASE WHEN doc->>'status' = 'rejected' THEN NULL
           WHEN doc->>'status' IN ('resolved', 'closed') THEN (doc->>'updatedAt')::timestamptz <= (doc->>'slaDueAt')::timestamptz
           WHEN (doc->>'slaDueAt')::timestamptz < now() THEN FALSE END AS met
    FROM grievances
    WHERE ((doc->>'createdAt')::timestamptz AT TIME ZONE 'UTC' + interval '330 minutes')::date BETWEEN $1::date AND $2::date
      AND ($3::text IS NULL OR doc->>'division' = $3) AND ($4::text IS NULL OR doc->'source'->>'language' = $4)
      AND ($5::text IS NULL OR doc->>'priority' = $5)`
  const figures = await db.query(
    `SELECT division, assignee, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY fr),
       percentile_cont(0.9) WITHIN GROUP (ORDER BY fr), percentile_cont(0.5) WITHIN GROUP (ORDER BY res),
       percentile_cont(0.9) WITHIN GROUP (ORDER BY res), count(met), count(*) FILTER (WHERE met)
     FROM (${cohort}) c GROUP BY GROUPING SETS ((), (division), (assignee))`,
    params,
  )
  const daily = await db.query(
    `SELECT day, division, count(*), count(met), count(*) FILTER (WHERE met)
     FROM (${cohort}) c GROUP BY GROUPING SETS ((day), (day, division))`,
    params,
  )
  return figures.length + daily.length
}

const p95 = (times: number[]): number => {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!
}
const ms = (n: number): string => `${n.toFixed(0)} ms`

async function timeRuns(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await work()
    times.push(performance.now() - started)
  }
  return times
}

export async function summaries(
  db: Database,
  label: string,
  runs: number,
  naiveRuns: number,
  targetMs: number,
  cases = CASES,
) {
  let worst = 0
  let worstMonths = 0
  for (const c of cases) {
    const sel = reportSelection(ADMIN, ReportQuery.parse(c.query), NOW)
    // Warm the cache (the figures, not the first disk read), then the two plans in turns so load hits both alike.
    await reportSummary(db, ORG, sel, NOW)
    await reportSummary(db, ORG, sel, NOW, 'rollup-months')
    const oursTimes: number[] = []
    const monthTimes: number[] = []
    for (let i = 0; i < runs; i++) {
      oursTimes.push(...(await timeRuns(1, () => reportSummary(db, ORG, sel, NOW))))
      monthTimes.push(...(await timeRuns(1, () => reportSummary(db, ORG, sel, NOW, 'rollup-months'))))
    }
    const ours = p95(oursTimes)
    const months = p95(monthTimes)
    const naive = p95(await timeRuns(naiveRuns, () => naiveSummary(db, sel)))
    const opened = (await reportSummary(db, ORG, sel, NOW)).grievancesOpened
    worst = Math.max(worst, ours)
    worstMonths = Math.max(worstMonths, months)
    console.log(
      `[reports/${label}] ${c.name.padEnd(32)} ${String(opened).padStart(7)} grievances: summary p95 ${ms(ours)} ` +
        `(${runs} runs), months-only plan p95 ${ms(months)} (${(months / ours).toFixed(1)}×), ` +
        `naive over documents p95 ${ms(naive)} (${naiveRuns} runs), ${(naive / ours).toFixed(1)}× faster`,
    )
  }
  console.log(
    `[reports/${label}] worst summary p95 ${ms(worst)}: ${worst < targetMs ? 'within' : 'OVER'} the ${ms(targetMs)} target ` +
      `(months-only plan: worst ${ms(worstMonths)})`,
  )
}

/** Exports into a sink that only counts bytes, sampling RSS every 20 ms. */
async function measureExport(db: Database, query: ReportQueryInput) {
  const sel = reportSelection(ADMIN, ReportQuery.parse(query), NOW)
  const summary = await reportSummary(db, ORG, sel, NOW)
  global.gc?.()
  const base = process.memoryUsage().rss
  let peak = base
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  let bytes = 0
  const started = performance.now()
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length
      done()
    },
  })
  await pipeline(
    grievancesXlsx(db, ORG, sel, summary, (e) => console.error(e)),
    sink,
  )
  clearInterval(sampler)
  return { rows: summary.grievancesOpened, seconds: (performance.now() - started) / 1000, bytes, growth: peak - base }
}

async function exports(db: Database, label: string) {
  const small = await measureExport(db, { from: '2025-01-01', to: '2025-02-06' })
  const large = await measureExport(db, { from: '2025-01-01', to: '2025-12-31' })
  for (const r of [small, large])
    console.log(
      `[reports/${label}] XLSX of ${r.rows} grievances: ${r.seconds.toFixed(1)} s, ${(r.bytes / 1e6).toFixed(1)} MB, ` +
        `peak RSS growth ${(r.growth / 1e6).toFixed(0)} MB`,
    )
  console.log(
    `[reports/${label}] ${(large.rows / small.rows).toFixed(1)}× the rows took ${(large.growth / Math.max(1, small.growth)).toFixed(1)}× the peak memory growth`,
  )
}

/** A data set size from the environment (a quicker run while iterating), else the documented one. */
function size(env: string, documented: number): number {
  const n = Number(process.env[env] ?? documented)
  if (!Number.isInteger(n) || n < 1000) throw new Error(`${env} must be a whole number of at least 1000`)
  if (n !== documented) console.log(`[reports] ${env}=${n}: not the documented size (${documented})`)
  return n
}

async function onPglite(): Promise<void> {
  const db = await openPglite(undefined, { statementTimeoutMs: 1_800_000 })
  try {
    await migrate(db)
    await generate(db, size('REPORTS_BENCH_PGLITE_N', 100_000), 'pglite')
    await summaries(db, 'pglite', 10, 2, 2_000)
    await exports(db, 'pglite')
  } finally {
    await db.close()
  }
}

async function onPostgres(): Promise<void> {
  const base = process.env.DATABASE_URL
  if (!base) {
    console.log('[reports/postgres] skipped: set DATABASE_URL to run the 1,000,000-grievance report benchmark')
    return
  }
  const name = `seva_bench_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  const db = await openPostgres(url.toString(), { statementTimeoutMs: 1_800_000 })
  try {
    await migrate(db)
    await generate(db, size('REPORTS_BENCH_POSTGRES_N', 1_000_000), 'postgres')
    await summaries(db, 'postgres', 5, 1, 1_000)
  } finally {
    await db.close()
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
}

export default async function reportsBench(): Promise<void> {
  // The targets assume a machine to itself; a shared one shows in the ratios less than in the times.
  console.log(
    `[reports] load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
  // REPORTS_BENCH_ONLY=pglite|postgres runs one half (the other takes minutes).
  const only = process.env.REPORTS_BENCH_ONLY
  if (only !== 'postgres') await onPglite()
  if (only !== 'pglite') await onPostgres()
}
