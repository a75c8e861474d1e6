// Two server instances on one PostgreSQL: exactly one leads (ingests and posts replies);
// a change made through one reaches a desk's event stream on the other within a second;
// and when the leader is killed (SIGKILL of a real server process, mid-traffic) the other
// takes over within the lease time and misses nothing — every actionable tweet becomes
// exactly one grievance with exactly one acknowledgement on X.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator, type Tweet } from '../../src/twitter-sim/index'
import type { RunningServer } from '../../src/server/index'
import { compileOrg, analyseTweet } from '../../src/shared/routing'
import type { ChangesResponse } from '../../src/shared/protocol'
import { ApiClient, eventually, freshDatabase, loggedIn, PASSWORD, startTestServer, type TestDatabase } from './helpers'
import { ORG } from './seed'

const LEASE_MS = 2_000
const REPO = fileURLToPath(new URL('../..', import.meta.url))
const hasPostgres = Boolean(process.env.DATABASE_URL)
if (!hasPostgres) console.log('[cluster] not run: needs DATABASE_URL (PostgreSQL); `npm run test:pg` sets it')

interface Health {
  instanceId: string
  leader: boolean
}

/** A server as a separate OS process (the real CLI), so it can be killed outright. */
async function spawnServer(
  databaseUrl: string,
  simUrl: string,
  instanceId: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SEVA_SERVER_PORT: '0',
      SEVA_X_API_BASE: simUrl,
      SEVA_POLL_MS: '100',
      SEVA_INSTANCE_ID: instanceId,
      SEVA_LEASE_MS: String(LEASE_MS),
      SEVA_ACK: '1',
      SEVA_DEMO: '1',
      SEVA_DEMO_PASSWORD: PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`server ${instanceId} did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) {
        clearTimeout(timeout)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`server ${instanceId} exited with ${code}:\n${output}`)))
  })
  return { child, url }
}

/** The detailed health (leader, instance) is for supervisors: signed in once per server. */
const healthClients = new Map<string, ApiClient>()
async function health(url: string): Promise<Health> {
  let client = healthClients.get(url)
  if (!client) {
    client = new ApiClient(url)
    await client.login('supervisor')
    healthClients.set(url, client)
  }
  return (await client.request('GET', '/healthz')).body as Health
}

/** Reads an SSE stream and resolves when a `changes` event with seq >= wanted arrives. */
function watchChanges(
  url: string,
  token: string,
): { opened: Promise<number>; waitFor(seq: number): Promise<number>; close(): void } {
  const abort = new AbortController()
  let buffer = ''
  let latest = 0
  const waiters: { seq: number; resolve: (at: number) => void }[] = []
  let helloResolve!: (seq: number) => void
  const opened = new Promise<number>((resolve) => (helloResolve = resolve))
  void (async () => {
    const res = await fetch(`${url}/api/v1/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    })
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buffer += decoder.decode(value, { stream: true })
      let cut: number
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut)
        buffer = buffer.slice(cut + 2)
        const data = /^data: (.*)$/m.exec(block)?.[1]
        if (!data) continue
        const event = JSON.parse(data) as { type: string; seq: number }
        if (event.type === 'hello') helloResolve(event.seq)
        if (event.type === 'changes') {
          latest = Math.max(latest, event.seq)
          for (const w of waiters.filter((w) => latest >= w.seq)) {
            waiters.splice(waiters.indexOf(w), 1)
            w.resolve(Date.now())
          }
        }
      }
    }
  })().catch(() => undefined)
  return {
    opened,
    waitFor: (seq) =>
      latest >= seq ? Promise.resolve(Date.now()) : new Promise((resolve) => waiters.push({ seq, resolve })),
    close: () => abort.abort(),
  }
}

describe.skipIf(!hasPostgres)('two servers on one PostgreSQL', () => {
  let db: TestDatabase
  let sim: Simulator
  let a: { child: ChildProcess; url: string } | undefined
  let b: RunningServer | undefined

  beforeAll(async () => {
    db = await freshDatabase()
    sim = await startSimulator({ port: 0, scenario: false })
  })
  afterAll(async () => {
    a?.child.kill('SIGKILL')
    await b?.close()
    await sim?.close()
    await db?.drop()
  })

  it('one leads, changes cross instances within a second, and a killed leader is replaced without loss or doubles', async () => {
    a = await spawnServer(db.databaseUrl!, sim.url, 'node-a')
    await eventually(async () => (await health(a!.url)).leader, 10_000)
    b = await startTestServer(db, {
      xApiBase: sim.url,
      acknowledge: true,
      pollIntervalMs: 100,
      leaseMs: LEASE_MS,
      instanceId: 'node-b',
      replyBackoffMs: 50,
    })
    expect(await health(b.url)).toMatchObject({ instanceId: 'node-b', leader: false })
    expect(await health(a.url)).toMatchObject({ instanceId: 'node-a', leader: true })

    // A change made through A reaches a desk connected to B within a second.
    const first = sim.injectTweet({
      author: 'ravi_k',
      text: '@HMOIndia My e-visa application is pending for 3 weeks, please help',
    })
    const supervisorOnB = await loggedIn(b, 'supervisor')
    const grievance = await eventually(async () => {
      const page: ChangesResponse = await supervisorOnB.changes(0, 100)
      const change = page.changes.find((c) => c.kind === 'upsert' && c.grievance.source.tweetId === first.id)
      return change?.kind === 'upsert' ? change.grievance : null
    }, 10_000)
    const stream = watchChanges(b.url, supervisorOnB.token!)
    await stream.opened
    const supervisorOnA = new ApiClient(a.url)
    await supervisorOnA.login('supervisor')
    const sentAt = Date.now()
    const [result] = await supervisorOnA.actBatch([
      {
        id: crypto.randomUUID(),
        grievanceId: grievance.id,
        baseVersion: grievance.version,
        at: new Date().toISOString(),
        body: { type: 'note', text: 'checked with FRRO' },
      },
    ])
    expect(result?.status).toBe('applied')
    const [row] = await b.db.query<{ seq: number }>('SELECT max(seq) AS seq FROM changes')
    const arrivedAt = await Promise.race([
      stream.waitFor(Number(row!.seq)),
      new Promise<number>((r) => setTimeout(() => r(-1), 3_000)),
    ])
    stream.close()
    expect(arrivedAt).toBeGreaterThan(0)
    const crossInstanceMs = arrivedAt - sentAt
    console.log(`[cluster] change via A reached an SSE desk on B after ${crossInstanceMs} ms`)
    expect(crossInstanceMs).toBeLessThan(1_000)

    // Tweets flowing; the leader is killed in the middle of them.
    const injected: Tweet[] = [first]
    let killedAt = 0
    for (let i = 0; i < 120; i++) {
      const text =
        i % 4 === 3
          ? `@HMOIndia thanks for the quick response ${i}`
          : i % 2 === 0
            ? `@HMOIndia My e-visa application EV${1_000_000 + i} is pending for ${i % 20} days, please help`
            : `@CyberDost I lost ${1000 + i} rupees in a UPI fraud yesterday, please help`
      injected.push(sim.injectTweet({ author: `citizen_${i}`, text }))
      if (i === 60) {
        a.child.kill('SIGKILL')
        killedAt = Date.now()
      }
      await new Promise((r) => setTimeout(r, 15))
    }
    await eventually(async () => (await health(b!.url)).leader, LEASE_MS * 3)
    const takeoverMs = Date.now() - killedAt
    console.log(`[cluster] B took over ${takeoverMs} ms after A was killed (lease ${LEASE_MS} ms)`)
    expect(takeoverMs).toBeLessThanOrEqual(LEASE_MS + 1_000)

    const compiled = compileOrg(ORG)
    const ownHandles = ORG.handles.map((h) => h.username)
    const actionable = injected.filter(
      (t) =>
        analyseTweet(
          compiled,
          {
            id: t.id,
            text: t.text,
            authorId: t.authorId,
            authorUsername: t.author,
            lang: t.lang,
            conversationId: t.conversationId,
          },
          { ownHandles },
        ).actionable,
    )
    expect(actionable.length).toBeGreaterThan(60)

    // Everything ingested once and acknowledged once (bounded wait).
    await eventually(async () => {
      const [counts] = await b!.db.query<{ grievances: number; pending: number }>(
        `SELECT (SELECT count(*)::int FROM grievances) AS grievances,
                (SELECT count(*)::int FROM reply_outbox WHERE state <> 'posted') AS pending`,
      )
      return counts!.grievances >= actionable.length && counts!.pending === 0
    }, 30_000)
    const rows = await b.db.query<{ source_tweet_id: string; ticket: string; band: string | null }>(
      `SELECT source_tweet_id, ticket, doc->'triage'->>'band' AS band FROM grievances`,
    )
    expect(rows.map((r) => r.source_tweet_id).sort()).toEqual(actionable.map((t) => t.id).sort())
    const acks = sim.tweetsBy('HMOIndia')
    for (const g of rows) {
      const mine = acks.filter((t) => t.inReplyToTweetId === g.source_tweet_id)
      // The review band waits for a person: no acknowledgement until an officer makes it a ticket.
      if (g.band === 'review') {
        expect(mine, `acks for ${g.ticket} (review band)`).toHaveLength(0)
        continue
      }
      expect(mine, `acks for ${g.ticket}`).toHaveLength(1)
      expect(mine[0]!.text).toContain(g.ticket)
    }
    expect(acks).toHaveLength(rows.filter((g) => g.band !== 'review').length)
    const [lease] = await b.db.query<{ holder: string; token: number }>('SELECT holder, token FROM leases')
    expect(lease).toMatchObject({ holder: 'node-b', token: 2 })
  })
})
