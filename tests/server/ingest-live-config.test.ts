// Configuration changes reach the running ingestion without a restart: a keyword rule the
// admin enables is added to X's filtered-stream rules and the recent-search queries (the
// stream keeps its connection and cursor), and a budget change applies at once.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import type { RunningServer } from '../../src/server/index'
import type { SearchSource } from '../../src/server/ingest/sources/search'
import type { ConfigCurrent } from '../../src/shared/config'
import type { KeywordRule, OrgConfig } from '../../src/shared/org'
import { ApiClient, eventually, freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'
import { grievanceOf, orgWith } from './ingest-helpers'

let sim: Simulator
let db: TestDatabase
let dataDir: string | undefined
let server: RunningServer
let admin: ApiClient

const org = orgWith({ sources: { mentions: true, search: true, followUps: false, stream: true } })

const DRONE_RULE: KeywordRule = {
  id: 'drone-permits',
  division: 'disaster',
  terms: ['dronepermit'],
  exclude: [],
  priorityBoost: 0,
  enabled: true,
}

async function rulesOnX(): Promise<{ id: string; value: string; tag?: string }[]> {
  const res = await fetch(`${sim.url}/2/tweets/search/stream/rules`, { headers: { authorization: 'Bearer sim-app' } })
  return ((await res.json()) as { data?: { id: string; value: string; tag?: string }[] }).data ?? []
}

async function saveConfig(change: (config: OrgConfig) => OrgConfig): Promise<void> {
  const base = (await admin.request('GET', '/api/v1/admin/config')).body as ConfigCurrent
  const res = await admin.request('PUT', '/api/v1/admin/config', {
    baseVersion: base.version,
    config: change(base.config),
    comment: 'live ingest test',
  })
  expect(res.status).toBe(200)
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, scenario: false, keepAliveMs: 1_000 })
  db = await freshDatabase()
  dataDir = db.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'seva-live-ingest-'))
  server = await startTestServer(db, {
    xApiBase: sim.url,
    org,
    model: null,
    ingestion: { backoff: { baseMs: 50, capMs: 500 }, tuning: { stream: { keepAliveTimeoutMs: 5_000 } } },
    ...(dataDir ? { dataDir } : {}),
  })
  admin = await loggedIn(server, 'admin')
})
afterAll(async () => {
  await server?.close()
  await sim?.close()
  await db?.drop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('live configuration in ingestion', () => {
  it('streams and searches a newly enabled keyword rule without a restart', async () => {
    const ingestion = server.ingestion!
    await ingestion.start()
    await eventually(async () => ingestion.stream.health().connected, 10_000)
    const search = ingestion.sources.get('search') as SearchSource
    const queriesBefore = search.queries.map((q) => q.value)
    expect(queriesBefore.join(' ')).not.toContain('dronepermit')
    expect((await rulesOnX()).some((r) => r.tag === DRONE_RULE.id)).toBe(false)

    await saveConfig((config) => ({ ...config, rules: [...config.rules, DRONE_RULE] }))

    // X's stream rules gain the new rule, tagged with its id, on the same connection.
    const added = await eventually(async () => (await rulesOnX()).find((r) => r.tag === DRONE_RULE.id), 10_000)
    expect(added.value).toContain('dronepermit')
    expect(ingestion.stream.health().connected).toBe(true)
    // The search queries include the new term.
    expect(search.queries.some((q) => q.value.includes('dronepermit') && q.ruleIds.includes(DRONE_RULE.id))).toBe(true)
    // Terms are packed, so the new term joins (at most) one query; the others keep their
    // value, hence their since_id cursor (keyed by the query).
    const after = new Set(search.queries.map((q) => q.value))
    expect(queriesBefore.filter((v) => after.has(v)).length).toBeGreaterThanOrEqual(queriesBefore.length - 1)

    // Only the new keyword, no handle mentioned: found through the new rule and routed by it.
    const tweet = sim.injectTweet({ author: 'meera_k', text: 'Still waiting on my dronepermit after a month' })
    const g = await eventually(() => grievanceOf(server, tweet.id), 10_000)
    expect(g).toMatchObject({ division: 'disaster', source: { via: { kind: 'stream', rule: DRONE_RULE.id } } })
  })

  it('turns the stream off and searches a newer rule, on the same running supervisor', async () => {
    const ingestion = server.ingestion!
    const permitFees: KeywordRule = {
      ...DRONE_RULE,
      id: 'permit-fees',
      division: 'foreigners',
      terms: ['permitfeeslate'],
    }
    await saveConfig((config) => ({
      ...config,
      rules: [...config.rules, permitFees],
      ingestion: { ...config.ingestion!, sources: { ...config.ingestion!.sources, stream: false } },
    }))
    await eventually(async () => !ingestion.stream.running, 5_000)
    expect(ingestion.enabled('search')).toBe(true)

    const tweet = sim.injectTweet({ author: 'meera_k', text: 'permitfeeslate again, nobody answers' })
    await ingestion.ingestNow()
    const g = await eventually(() => grievanceOf(server, tweet.id), 5_000)
    expect(g).toMatchObject({ division: 'foreigners', source: { via: { kind: 'search' } } })
  })

  it('applies a budget change at once', async () => {
    const ingestion = server.ingestion!
    expect((await ingestion.status()).budget.cap).not.toBe(1234)
    await saveConfig((config) => ({
      ...config,
      ingestion: { ...config.ingestion!, budget: { ...config.ingestion!.budget, monthlyPostsCap: 1234 } },
    }))
    const budget = await eventually(async () => {
      const status = await ingestion.status()
      return status.budget.cap === 1234 ? status.budget : null
    }, 5_000)
    expect(budget.cap).toBe(1234)
    expect(ingestion.settings.budget.monthlyPostsCap).toBe(1234)
  })
})
