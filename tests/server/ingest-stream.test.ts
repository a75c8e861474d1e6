// The filtered stream against the simulator: rules kept in step with the keyword rules,
// tweets delivered as grievances, and nothing lost across dropped connections, a stopped
// stream or a server restart (reconnect, then recent-search backfill since the newest
// stream tweet stored in the database).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import type { RunningServer, StartServerOptions } from '../../src/server/index'
import { buildStreamRules } from '../../src/server/ingest'
import { eventually, freshDatabase, startTestServer, type TestDatabase } from './helpers'
import { grievanceOf, grievances, orgWith } from './ingest-helpers'
import { ORG } from './seed'

let sim: Simulator
let db: TestDatabase
let dataDir: string | undefined
let server: RunningServer

// Only the stream (and its backfill) can find keyword tweets here: search is off.
const org = orgWith({ sources: { mentions: true, search: false, followUps: false, stream: true } })

function options(): StartServerOptions {
  return {
    xApiBase: sim.url,
    org,
    ingestion: {
      backoff: { baseMs: 50, capMs: 500 },
      tuning: { stream: { keepAliveTimeoutMs: 5_000, reorderWindowMs: 2_000 } },
    },
    ...(dataDir ? { dataDir } : {}),
  }
}

async function rulesOnX(): Promise<{ id: string; value: string; tag?: string }[]> {
  const res = await fetch(`${sim.url}/2/tweets/search/stream/rules`, { headers: { authorization: 'Bearer sim-app' } })
  return ((await res.json()) as { data?: { id: string; value: string; tag?: string }[] }).data ?? []
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, scenario: false, keepAliveMs: 1_000 })
  db = await freshDatabase()
  dataDir = db.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'seva-stream-test-'))
  // A stale rule from an older configuration, and one current rule already in place.
  const desired = buildStreamRules(
    ORG.rules,
    ORG.handles.map((h) => h.username),
  )
  await fetch(`${sim.url}/2/tweets/search/stream/rules`, {
    method: 'POST',
    headers: { authorization: 'Bearer sim-app', 'content-type': 'application/json' },
    body: JSON.stringify({ add: [{ value: 'old rule -is:retweet', tag: 'retired' }, desired[0]] }),
  })
  server = await startTestServer(db, options())
})
afterAll(async () => {
  await server?.close()
  await sim?.close()
  await db?.drop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const tweetTexts = [
  'My e-visa application is pending for 3 weeks, please help',
  'I lost 30000 in a UPI fraud yesterday, please help',
  'We are stranded in flood water near the bridge, please send rescue',
  'My police verification for passport is pending since two months, please help',
]

describe('filtered stream', () => {
  it('syncs the stream rules with the keyword rules and turns stream tweets into grievances', async () => {
    await server.ingestion!.start()
    const desired = buildStreamRules(
      ORG.rules,
      ORG.handles.map((h) => h.username),
    )
    await eventually(async () => server.ingestion!.stream.health().connected, 10_000)
    const rules = await rulesOnX()
    expect(rules.map((r) => ({ value: r.value, tag: r.tag })).sort((a, b) => a.value.localeCompare(b.value))).toEqual(
      [...desired].sort((a, b) => a.value.localeCompare(b.value)),
    )
    expect(new Set(rules.map((r) => r.tag))).toEqual(new Set(ORG.rules.filter((r) => r.enabled).map((r) => r.id)))

    const tweet = sim.injectTweet({ author: 'meera_k', text: tweetTexts[0]! })
    const g = await eventually(() => grievanceOf(server, tweet.id), 10_000)
    expect(g).toMatchObject({ division: 'foreigners', source: { via: { kind: 'stream', rule: 'visa' } } })
    const status = await server.ingestion!.status()
    expect(status.sources.find((s) => s.name === 'stream')).toMatchObject({
      enabled: true,
      paused: false,
      cursor: tweet.id,
    })
    expect(status.budget.bySource.stream).toBeGreaterThanOrEqual(1)
  })

  it('loses nothing when the stream keeps dropping, repeating and reordering events', async () => {
    Object.assign(sim.context.faults, { dropStreamEvery: 2, duplicateRate: 0.5, outOfOrder: 1 })
    const sent: { id: string }[] = []
    for (let i = 0; i < 12; i++) {
      sent.push(sim.injectTweet({ author: `citizen_${i}`, text: `${tweetTexts[i % tweetTexts.length]!} (case ${i})` }))
      await new Promise((r) => setTimeout(r, 40))
    }
    await eventually(async () => {
      for (const t of sent) if (!(await grievanceOf(server, t.id))) return false
      return true
    }, 20_000)
    Object.assign(sim.context.faults, { dropStreamEvery: 0, duplicateRate: 0, outOfOrder: 0 })
    const all = await grievances(server)
    for (const t of sent) expect(all.filter((g) => g.source.tweetId === t.id)).toHaveLength(1)
    expect(sim.context.stats.streamDrops).toBeGreaterThan(0)
  })

  it('backfills what was posted while the stream was stopped, and across a server restart', async () => {
    await server.ingestion!.stop()
    expect(server.ingestion!.stream.running).toBe(false)
    const whileStopped = sim.injectTweet({ author: 'ravi_n', text: tweetTexts[2]! })
    await server.ingestion!.start()
    await eventually(() => grievanceOf(server, whileStopped.id), 10_000)

    await server.close()
    const whileDown = sim.injectTweet({ author: 'sara_j', text: tweetTexts[3]! })
    server = await startTestServer(db, options())
    await server.ingestion!.start()
    const g = await eventually(() => grievanceOf(server, whileDown.id), 10_000)
    expect(g.source.via).toMatchObject({ kind: 'stream', rule: 'police-verification' })
    expect((await grievances(server)).filter((x) => x.source.tweetId === whileDown.id)).toHaveLength(1)
  })
})
