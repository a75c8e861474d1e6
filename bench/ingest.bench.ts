// Ingest benchmark: throughput from the simulator to committed grievances through the
// whole server (X client, ingestion supervisor, routing, allocation, one write
// transaction per tweet), on PGlite and on PostgreSQL, against a baseline measured in
// the same run: the bare database path (ingestTweet in its own transaction per tweet,
// no X, no HTTP). Then the latency from a tweet's creation to its grievance showing in
// the changes feed (SSE + pull, as a desk sees it) at 50 tweets per second.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { startSimulator, type Simulator } from '../src/twitter-sim/index'
import { startServer, type RunningServer } from '../src/server/index'
import { ChangeNotifier, type ServerContext } from '../src/server/context'
import { openDatabase, writeTransaction } from '../src/server/db/database'
import { migrate } from '../src/server/db/migrations'
import { ingestTweet } from '../src/server/ingest/grievance-from-tweet'
import { compileOrg } from '../src/shared/routing'
import { ORG } from '../tests/server/seed'
import type { ChangesResponse } from '../src/shared/protocol'

const THROUGHPUT_TWEETS = 1_500
const LATENCY_RATE = 50
const LATENCY_SECONDS = 6
const TARGETS = { pglite: 300, postgres: 1_000 }
const GENEROUS = { 'GET /2/users/:id/mentions': 1e7, 'GET /2/tweets/search/recent': 1e7, 'GET /2/tweets': 1e7, 'POST /2/tweets': 1e7 }

function tweetText(i: number): string {
  return i % 2 === 0
    ? `@HMOIndia My e-visa application EV${2_000_000 + i} is pending for ${i % 30} days, please help`
    : `@CyberDost I lost ${1000 + i} rupees in a UPI fraud yesterday, please help`
}

async function postgresUrl(): Promise<{ url: string; drop(): Promise<void> } | string> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const name = `seva_bench_${randomBytes(4).toString('hex')}`
  try {
    const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 2_000 })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
  } catch (error) {
    return `PostgreSQL unreachable at ${base.replace(/:[^:@/]*@/, ':***@')} (${error instanceof Error ? error.message : String(error)})`
  }
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const admin = new pg.Client({ connectionString: base })
      await admin.connect()
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}

async function grievanceCount(server: RunningServer): Promise<number> {
  const [row] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM grievances')
  return row!.n
}

/** Baseline: the database path alone, one transaction per tweet. */
async function baselineRate(databaseUrl: string | undefined): Promise<number> {
  const db = await openDatabase(databaseUrl ? { databaseUrl } : {})
  await migrate(db)
  const ctx: ServerContext = {
    db,
    org: ORG,
    compiled: compileOrg(ORG),
    ownHandles: new Set(ORG.handles.map((h) => h.username.toLowerCase())),
    primaryHandle: 'HMOIndia',
    acknowledge: false,
    changes: new ChangeNotifier(),
    log: () => undefined,
  }
  const started = performance.now()
  for (let i = 0; i < THROUGHPUT_TWEETS; i++) {
    const id = String(1_950_000_000_000_000_000n + BigInt(i))
    await writeTransaction(db, (tx) =>
      ingestTweet(ctx, tx, { id, text: tweetText(i), authorId: `u${i}`, authorUsername: `citizen_${i}`, conversationId: id, viaHandle: 'HMOIndia' }, { viaHandle: 'HMOIndia' }),
    )
  }
  const rate = THROUGHPUT_TWEETS / ((performance.now() - started) / 1000)
  await db.close()
  return rate
}

async function endToEndRate(sim: Simulator, databaseUrl: string | undefined): Promise<number> {
  for (let i = 0; i < THROUGHPUT_TWEETS; i++) sim.injectTweet({ author: `citizen_${i}`, text: tweetText(i) })
  const started = performance.now()
  const server = await startServer({ port: 0, xApiBase: sim.url, pollIntervalMs: 20, acknowledge: false, log: () => undefined, ...(databaseUrl ? { databaseUrl } : {}) })
  try {
    const until = Date.now() + 60_000
    while ((await grievanceCount(server)) < THROUGHPUT_TWEETS) {
      if (Date.now() > until) throw new Error(`only ${await grievanceCount(server)} of ${THROUGHPUT_TWEETS} ingested in 60 s`)
      await new Promise((r) => setTimeout(r, 20))
    }
    return THROUGHPUT_TWEETS / ((performance.now() - started) / 1000)
  } finally {
    await server.close()
  }
}

async function throughput(kind: 'pglite' | 'postgres', databaseUrl?: () => Promise<{ url: string; drop(): Promise<void> }>): Promise<void> {
  const base = databaseUrl ? await databaseUrl() : undefined
  const baseline = await baselineRate(base?.url)
  await base?.drop()
  const sim = await startSimulator({ port: 0, scenario: false, rateLimits: GENEROUS })
  const e2eDb = databaseUrl ? await databaseUrl() : undefined
  try {
    const rate = await endToEndRate(sim, e2eDb?.url)
    const target = TARGETS[kind]
    console.log(
      `[ingest/${kind}] simulator -> committed grievance: ${rate.toFixed(0)} tweets/s (${THROUGHPUT_TWEETS} tweets, server start included); ` +
        `baseline (bare DB path, 1 tx per tweet): ${baseline.toFixed(0)} tweets/s; ratio ${(rate / baseline).toFixed(2)}x; ` +
        `target >= ${target}/s: ${rate >= target ? 'MET' : 'NOT MET'}`,
    )
  } finally {
    await sim.close()
    await e2eDb?.drop()
  }
}

/** Tweet creation -> grievance visible to a desk (SSE nudge, then a changes pull). */
async function latency(): Promise<void> {
  const sim = await startSimulator({ port: 0, scenario: false, rateLimits: GENEROUS })
  const server = await startServer({ port: 0, xApiBase: sim.url, pollIntervalMs: 100, acknowledge: false, demo: true, demoPassword: 'bench-pass', log: () => undefined })
  const login = (await (
    await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'supervisor', password: 'bench-pass' }) })
  ).json()) as { token: string }
  const createdAt = new Map<string, number>()
  const seenAt = new Map<string, number>()
  let after = 0
  let pulling = false
  let again = false
  const pull = async (): Promise<void> => {
    if (pulling) {
      again = true
      return
    }
    pulling = true
    try {
      do {
        again = false
        for (let page = 0; page < 50; page++) {
          const res = (await (await fetch(`${server.url}/api/v1/changes?after=${after}&limit=500`, { headers: { authorization: `Bearer ${login.token}` } })).json()) as ChangesResponse
          const now = Date.now()
          for (const c of res.changes) if (c.kind === 'upsert' && !seenAt.has(c.grievance.source.tweetId)) seenAt.set(c.grievance.source.tweetId, now)
          after = res.last
          if (!res.hasMore) break
        }
      } while (again)
    } finally {
      pulling = false
    }
  }
  const abort = new AbortController()
  const events = await fetch(`${server.url}/api/v1/events?token=${login.token}`, { signal: abort.signal })
  const reader = events.body!.getReader()
  void (async () => {
    for (;;) {
      const { done } = await reader.read()
      if (done) return
      void pull()
    }
  })().catch(() => undefined)

  const total = LATENCY_RATE * LATENCY_SECONDS
  const started = Date.now()
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / LATENCY_RATE
    const wait = due - Date.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const tweet = sim.injectTweet({ author: `lat_${i}`, text: tweetText(i + 10_000) })
    createdAt.set(tweet.id, Date.now())
  }
  const until = Date.now() + 20_000
  while (seenAt.size < total && Date.now() < until) await new Promise((r) => setTimeout(r, 50))
  abort.abort()
  const stats = sim.context.stats
  const latencies = [...createdAt].filter(([id]) => seenAt.has(id)).map(([id, at]) => seenAt.get(id)! - at).sort((a, b) => a - b)
  const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN
  const via = stats.streamEventsSent > 0 ? `filtered stream (${stats.streamEventsSent} events) with mention polling every 100 ms` : 'mention polling every 100 ms (the stream delivered nothing)'
  console.log(
    `[ingest/latency] ${LATENCY_RATE} tweets/s for ${LATENCY_SECONDS} s on PGlite via ${via}: ${latencies.length}/${total} seen; ` +
      `p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${latencies.at(-1)} ms; target p95 < 1000 ms: ${pct(95) < 1000 ? 'MET' : 'NOT MET'}`,
  )
  await server.close()
  await sim.close()
}

export default async function ingestBench(): Promise<void> {
  await throughput('pglite')
  const probe = await postgresUrl()
  if (typeof probe === 'string') console.log(`[ingest/postgres] skipped: ${probe}`)
  else {
    await probe.drop()
    await throughput('postgres', async () => {
      const next = await postgresUrl()
      if (typeof next === 'string') throw new Error(next)
      return next
    })
  }
  await latency()
}
