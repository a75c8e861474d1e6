// Ingest benchmark, on PGlite and on PostgreSQL:
//  - throughput from the simulator to committed grievances through the whole server (X
//    client, ingestion supervisor, routing, allocation), with the default batching (one
//    write transaction per X page) against the per-tweet path (batch size 1) as the
//    baseline measured in the same run, and their ratio;
//  - the database path alone (no X, no HTTP), batched against per tweet, to show where
//    the time goes;
//  - the latency from a tweet's creation to its grievance showing in the changes feed
//    (SSE nudge + pull, as a desk sees it) at 50 tweets/s through the filtered stream.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { startSimulator } from '../src/twitter-sim/index'
import { startServer, type RunningServer } from '../src/server/index'
import { ChangeNotifier, type ServerContext } from '../src/server/context'
import { openDatabase, writeTransaction } from '../src/server/db/database'
import { migrate } from '../src/server/db/migrations'
import { ingestTweets, type TweetToIngest } from '../src/server/ingest/grievance-from-tweet'
import { DEFAULT_CHUNK_SIZE } from '../src/server/ingest/tweet-batch'
import { rulesOnlyOrg } from '../src/server/config'
import type { OrgConfig } from '../src/shared/org'
import { ORG } from '../tests/server/seed'
import type { ChangesResponse } from '../src/shared/protocol'

type Kind = 'pglite' | 'postgres'
/** Tweets per measurement: batched runs need enough to dwarf a poll interval; per-tweet runs are slow. */
const SIZES: Record<Kind, { batched: number; perTweet: number; dbBatched: number; dbPerTweet: number }> = {
  pglite: { batched: 2_000, perTweet: 300, dbBatched: 2_000, dbPerTweet: 300 },
  postgres: { batched: 4_000, perTweet: 500, dbBatched: 4_000, dbPerTweet: 500 },
}
const LATENCY_RATE = 50
const LATENCY_SECONDS = 6
const TARGETS: Record<Kind, number> = { pglite: 300, postgres: 1_000 }
const GENEROUS = Object.fromEntries(
  [
    'GET /2/users/:id/mentions',
    'GET /2/tweets/search/recent',
    'GET /2/tweets',
    'POST /2/tweets',
    'GET /2/tweets/search/stream',
    'GET /2/tweets/search/stream/rules',
    'POST /2/tweets/search/stream/rules',
    'GET /2/users/by/username/:username',
  ].map((k) => [k, 1e7]),
)
/** Only the mentions source: the throughput runs measure ingestion, not keyword search. */
const MENTIONS_ONLY: OrgConfig = {
  ...ORG,
  ingestion: {
    ...ORG.ingestion,
    sources: { mentions: true, search: false, followUps: false, stream: false },
  } as OrgConfig['ingestion'],
}
/** Only the filtered stream: the latency run measures the stream, not mention polling. */
const STREAM_ONLY: OrgConfig = {
  ...ORG,
  ingestion: {
    ...ORG.ingestion,
    sources: { mentions: false, search: false, followUps: false, stream: true },
  } as OrgConfig['ingestion'],
}

function tweetText(i: number): string {
  return i % 2 === 0
    ? `@HMOIndia My e-visa application EV${2_000_000 + i} is pending for ${i % 30} days, please help`
    : `@CyberDost I lost ${1000 + i} rupees in a UPI fraud yesterday, please help`
}

interface ScratchDb {
  url: string
  drop(): Promise<void>
}

async function postgresDb(): Promise<ScratchDb | string> {
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

/** A scratch database for one measurement (PostgreSQL), or nothing (PGlite in memory). */
async function scratch(kind: Kind): Promise<ScratchDb | undefined> {
  if (kind === 'pglite') return undefined
  const db = await postgresDb()
  if (typeof db === 'string') throw new Error(db)
  return db
}

async function grievanceCount(server: RunningServer): Promise<number> {
  const [row] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM grievances')
  return row!.n
}

/** The database path alone: ingestTweets in transactions of batchSize tweets. */
async function dbPathRate(kind: Kind, count: number, batchSize: number): Promise<number> {
  const target = await scratch(kind)
  const db = await openDatabase(target ? { databaseUrl: target.url } : {})
  try {
    await migrate(db)
    const ctx: ServerContext = {
      db,
      ...rulesOnlyOrg(ORG),
      acknowledge: false,
      changes: new ChangeNotifier(),
      log: () => undefined,
    }
    const items: TweetToIngest[] = Array.from({ length: count }, (_, i) => {
      const id = String(1_950_000_000_000_000_000n + BigInt(i))
      return {
        tweet: {
          id,
          text: tweetText(i),
          authorId: `u${i}`,
          authorUsername: `citizen_${i}`,
          conversationId: id,
          viaHandle: 'HMOIndia',
        },
        meta: { viaHandle: 'HMOIndia' },
      }
    })
    const started = performance.now()
    for (let i = 0; i < items.length; i += batchSize)
      await writeTransaction(db, (tx) => ingestTweets(ctx, tx, items.slice(i, i + batchSize)))
    return count / ((performance.now() - started) / 1000)
  } finally {
    await db.close()
    await target?.drop()
  }
}

/** Simulator -> committed grievances through a running server, from the moment the tweets exist. */
async function endToEndRate(kind: Kind, count: number, batchSize: number): Promise<number> {
  const sim = await startSimulator({ port: 0, scenario: false, rateLimits: GENEROUS })
  const target = await scratch(kind)
  const server = await startServer({
    port: 0,
    xApiBase: sim.url,
    org: MENTIONS_ONLY,
    pollIntervalMs: 20,
    acknowledge: false,
    ingestion: { batchSize },
    log: () => undefined,
    ...(target ? { databaseUrl: target.url } : {}),
  })
  try {
    // Ready: the handles are resolved, so the first poll after the tweets reads them.
    const readyBy = Date.now() + 15_000
    while (
      (await server.db.query('SELECT 1 FROM ingest_cursors WHERE user_id IS NOT NULL')).length < ORG.handles.length
    ) {
      if (Date.now() > readyBy) throw new Error('the server did not resolve its handles in 15 s')
      await new Promise((r) => setTimeout(r, 20))
    }
    const started = performance.now()
    for (let i = 0; i < count; i++) sim.injectTweet({ author: `citizen_${i}`, text: tweetText(i) })
    const until = Date.now() + 60_000
    let done = 0
    while ((done = await grievanceCount(server)) < count) {
      if (Date.now() > until) throw new Error(`only ${done} of ${count} ingested in 60 s`)
      await new Promise((r) => setTimeout(r, 10))
    }
    return count / ((performance.now() - started) / 1000)
  } finally {
    await server.close()
    await sim.close()
    await target?.drop()
  }
}

async function throughput(kind: Kind): Promise<void> {
  const size = SIZES[kind]
  const baseline = await endToEndRate(kind, size.perTweet, 1)
  const rate = await endToEndRate(kind, size.batched, DEFAULT_CHUNK_SIZE)
  const dbBaseline = await dbPathRate(kind, size.dbPerTweet, 1)
  const dbRate = await dbPathRate(kind, size.dbBatched, DEFAULT_CHUNK_SIZE)
  const target = TARGETS[kind]
  console.log(
    `[ingest/${kind}] simulator -> committed grievance: ${rate.toFixed(0)} tweets/s (${size.batched} tweets, ${DEFAULT_CHUNK_SIZE} per transaction); ` +
      `baseline (same path, 1 tweet per transaction): ${baseline.toFixed(0)} tweets/s (${size.perTweet} tweets); ratio ${(rate / baseline).toFixed(1)}x; ` +
      `target >= ${target}/s: ${rate >= target ? 'MET' : 'NOT MET'}`,
  )
  console.log(
    `[ingest/${kind}] database path alone (no X, no HTTP): ${dbRate.toFixed(0)} tweets/s batched vs ${dbBaseline.toFixed(0)} tweets/s per tweet; ratio ${(dbRate / dbBaseline).toFixed(1)}x`,
  )
}

/** Tweet creation -> grievance visible to a desk (SSE nudge, then a changes pull), via the filtered stream. */
async function latency(): Promise<void> {
  const sim = await startSimulator({ port: 0, scenario: false, rateLimits: GENEROUS })
  const server = await startServer({
    port: 0,
    xApiBase: sim.url,
    org: STREAM_ONLY,
    pollIntervalMs: 0,
    acknowledge: false,
    demo: true,
    demoPassword: 'bench-pass',
    log: () => undefined,
  })
  try {
    await server.ingestion!.start()
    const connectedBy = Date.now() + 15_000
    while (!server.ingestion!.stream.health().connected) {
      if (Date.now() > connectedBy)
        throw new Error(
          `the stream did not connect: ${server.ingestion!.stream.health().lastError ?? 'no error reported'}`,
        )
      await new Promise((r) => setTimeout(r, 20))
    }
    const login = (await (
      await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'supervisor', password: 'bench-pass' }),
      })
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
            const res = (await (
              await fetch(`${server.url}/api/v1/changes?after=${after}&limit=500`, {
                headers: { authorization: `Bearer ${login.token}` },
              })
            ).json()) as ChangesResponse
            const now = Date.now()
            for (const c of res.changes)
              if (c.kind === 'upsert' && !seenAt.has(c.grievance.source.tweetId))
                seenAt.set(c.grievance.source.tweetId, now)
            after = res.last
            if (!res.hasMore) break
          }
        } while (again)
      } finally {
        pulling = false
      }
    }
    const abort = new AbortController()
    // The stream takes the Bearer header like every route (a token in the URL is refused).
    const events = await fetch(`${server.url}/api/v1/events`, {
      headers: { authorization: `Bearer ${login.token}` },
      signal: abort.signal,
    })
    if (!events.ok) throw new Error(`the event stream was refused: ${events.status} ${await events.text()}`)
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
    const viaStream = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM grievances WHERE doc->'source'->'via'->>'kind' = 'stream'`,
    )
    const latencies = [...createdAt]
      .filter(([id]) => seenAt.has(id))
      .map(([id, at]) => seenAt.get(id)! - at)
      .sort((a, b) => a - b)
    const pct = (p: number): number =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN
    console.log(
      `[ingest/latency] ${LATENCY_RATE} tweets/s for ${LATENCY_SECONDS} s on PGlite via the filtered stream ` +
        `(${stats.streamEventsSent} stream events, ${viaStream[0]!.n} grievances via stream, mention polling off): ${latencies.length}/${total} seen; ` +
        `p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${latencies.at(-1)} ms; target p95 < 1000 ms: ${pct(95) < 1000 ? 'MET' : 'NOT MET'}`,
    )
  } finally {
    await server.close()
    await sim.close()
  }
}

export default async function ingestBench(): Promise<void> {
  const started = performance.now()
  await throughput('pglite')
  const probe = await postgresDb()
  if (typeof probe === 'string') console.log(`[ingest/postgres] skipped: ${probe}`)
  else {
    await probe.drop()
    await throughput('postgres')
  }
  await latency()
  console.log(`[ingest] bench took ${((performance.now() - started) / 1000).toFixed(0)} s`)
}
