// The organisation's configuration in the database: seeded from the org file, versioned,
// saved only on the current version (409 otherwise), validated with the path of each
// problem, audited with what changed, rolled back as a new version, applied to routing at
// once — and the keyword rules preview over captured tweets. Rules only (no model), so
// what a rule does is what the test says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import type { ConfigCurrent, ConfigSaved, ConfigVersions, RulesPreview } from '../../src/shared/config'
import type { AuditPage } from '../../src/shared/audit'
import type { KeywordRule, OrgConfig } from '../../src/shared/org'
import { ApiClient, freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'
import { writeTransaction } from '../../src/server/db/database'
import { ingestTweet } from '../../src/server/ingest/grievance-from-tweet'
import { seedContext, seedTweet, TWEETS } from './seed'

let db: TestDatabase
let server: RunningServer
let admin: ApiClient

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db, { model: null })
  admin = await loggedIn(server, 'admin')
})
afterAll(async () => {
  await server?.close()
  await db?.drop()
})

const current = async (): Promise<ConfigCurrent> => {
  const res = await admin.request('GET', '/api/v1/admin/config')
  expect(res.status).toBe(200)
  return res.body as ConfigCurrent
}

const lastAudit = async (action: string) => {
  const res = await admin.request('GET', `/api/v1/admin/audit?action=${action}&limit=1`)
  return (res.body as AuditPage).entries[0]
}

const DRONE_RULE: KeywordRule = {
  id: 'drone-permits',
  division: 'disaster',
  terms: ['drone permit', 'ड्रोन अनुमति', 'drone anumati'],
  exclude: [],
  priorityBoost: 0,
  enabled: true,
}
const DRONE_TWEET = '@HMOIndia my drone permit application is pending for 3 weeks, please help'

describe('versions', () => {
  it('seeds version 1 from the org file, by system', async () => {
    const seeded = await current()
    expect(seeded).toMatchObject({ version: 1, author: 'system', rolledBackFrom: null })
    expect(seeded.config.id).toBe('mha')
    expect(seeded.comment).toMatch(/seeded from .*mha\.json/)
    expect(server.config.current().version).toBe(1)
  })

  it('saves a new version on the current one, audits what changed, and routes with it at once', async () => {
    const before = await seedTweet(server, DRONE_TWEET)
    expect(before?.division).not.toBe('disaster')

    const base = await current()
    const config: OrgConfig = { ...base.config, rules: [...base.config.rules, DRONE_RULE] }
    const res = await admin.request('PUT', '/api/v1/admin/config', {
      baseVersion: base.version,
      config,
      comment: 'drones',
    })
    expect(res.status).toBe(200)
    const saved = res.body as ConfigSaved
    expect(saved.current).toMatchObject({ version: 2, author: 'admin', comment: 'drones' })
    expect(saved.summary).toEqual({ rules: { added: ['drone-permits'], removed: [], changed: [] } })
    expect(server.config.current().version).toBe(2)

    const entry = await lastAudit('config.changed')
    expect(entry).toMatchObject({ actor: 'admin', target: 'config v2' })
    expect(entry!.details).toMatchObject({ from: 1, version: 2, changed: { rules: { added: ['drone-permits'] } } })
    // A summary, never the document.
    expect(JSON.stringify(entry!.details)).not.toContain('drone permit')

    const after = await seedTweet(server, DRONE_TWEET.replace('3 weeks', '4 weeks'))
    expect(after?.division).toBe('disaster')
    expect(after?.matchedRules).toContain('drone-permits')
  })

  it('refuses a save on a stale version with 409', async () => {
    const latest = await current()
    const res = await admin.request('PUT', '/api/v1/admin/config', {
      baseVersion: latest.version - 1,
      config: latest.config,
      comment: '',
    })
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ error: 'stale_config' })
    expect((await current()).version).toBe(latest.version)
  })

  it('saves one section as one version, with changed ids', async () => {
    const base = await current()
    const templates = base.config.templates.map((t, i) => (i === 0 ? { ...t, label: `${t.label} (edited)` } : t))
    const res = await admin.request('PUT', '/api/v1/admin/config/sections/templates', {
      baseVersion: base.version,
      value: templates,
      comment: 'relabel',
    })
    expect(res.status).toBe(200)
    const saved = res.body as ConfigSaved
    expect(saved.current.version).toBe(base.version + 1)
    expect(saved.summary).toEqual({ templates: { added: [], removed: [], changed: [templates[0]!.id] } })
    expect(saved.current.config.rules).toEqual(base.config.rules)
    const unknown = await admin.request('PUT', '/api/v1/admin/config/sections/nonsense', {
      baseVersion: saved.current.version,
      value: 1,
    })
    expect(unknown.status).toBe(400)
    const id = await admin.request('PUT', '/api/v1/admin/config/sections/id', {
      baseVersion: saved.current.version,
      value: 'x',
    })
    expect(id.status).toBe(400)
  })

  it('rolls back as a new version equal to the old one, audited', async () => {
    const before = await current()
    const v1 = (await admin.request('GET', '/api/v1/admin/config/versions')).body as ConfigVersions
    expect(v1.versions.map((v) => v.version)).toEqual([
      before.version,
      ...Array.from({ length: before.version - 1 }, (_, i) => before.version - 1 - i),
    ])
    const res = await admin.request('POST', '/api/v1/admin/config/rollback', { version: 1 })
    expect(res.status).toBe(200)
    const saved = res.body as ConfigSaved
    expect(saved.current).toMatchObject({ version: before.version + 1, rolledBackFrom: 1 })
    expect(saved.current.config.rules.some((r) => r.id === 'drone-permits')).toBe(false)
    expect(saved.summary.rules?.removed).toEqual(['drone-permits'])
    expect(server.config.current().org.rules.some((r) => r.id === 'drone-permits')).toBe(false)
    const entry = await lastAudit('config.rolled-back')
    expect(entry!.details).toMatchObject({ restored: 1, version: before.version + 1 })
    expect((await admin.request('POST', '/api/v1/admin/config/rollback', { version: 999 })).status).toBe(404)
    const again = await seedTweet(server, DRONE_TWEET.replace('3 weeks', '5 weeks'))
    expect(again?.division).not.toBe('disaster')
  })

  it('exports the current config as a file (audited) and imports one as a new version', async () => {
    const base = await current()
    const res = await fetch(`${server.url}/api/v1/admin/config/export`, {
      headers: { authorization: `Bearer ${admin.token}` },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain(`mha-config-v${base.version}.json`)
    const file = (await res.json()) as OrgConfig
    expect(file).toEqual(base.config)
    expect((await lastAudit('config.exported'))!.details).toMatchObject({ version: base.version })

    const imported = await admin.request('POST', '/api/v1/admin/config/import', {
      ...file,
      divisions: file.divisions.map((d) => (d.id === 'general' ? { ...d, nameHi: 'सामान्य शिकायतें' } : d)),
    })
    expect(imported.status).toBe(200)
    const saved = imported.body as ConfigSaved
    expect(saved.current.version).toBe(base.version + 1)
    expect(saved.summary).toEqual({ divisions: { added: [], removed: [], changed: ['general'] } })
    expect((await lastAudit('config.imported'))!.target).toBe(`config v${base.version + 1}`)
    const bad = await admin.request('POST', '/api/v1/admin/config/import', { ...file, defaultDivision: 'nowhere' })
    expect(bad.status).toBe(400)
    expect((bad.body as { message: string }).message).toContain('defaultDivision')
  })
})

describe('validation', () => {
  const attempt = async (change: (org: OrgConfig) => unknown): Promise<{ status: number; message: string }> => {
    const base = await current()
    const res = await admin.request('PUT', '/api/v1/admin/config', {
      baseVersion: base.version,
      config: change(structuredClone(base.config)),
      comment: '',
    })
    expect((await current()).version).toBe(base.version)
    return { status: res.status, message: (res.body as { message: string }).message }
  }

  it('answers 400 with the path of the problem, and saves nothing', async () => {
    const cases: [string, (org: OrgConfig) => unknown, RegExp][] = [
      [
        'rule to an unknown division',
        (o) => ({ ...o, rules: [{ ...DRONE_RULE, division: 'nowhere' }] }),
        /rules\.0\.division/,
      ],
      ['rule with no terms', (o) => ({ ...o, rules: [{ ...DRONE_RULE, terms: [] }] }), /rules\.0\.terms/],
      ['two rules with one id', (o) => ({ ...o, rules: [DRONE_RULE, DRONE_RULE] }), /drone-permits.*used twice/],
      ['unknown default division', (o) => ({ ...o, defaultDivision: 'nowhere' }), /defaultDivision/],
      [
        'a template with an unknown placeholder',
        (o) => ({ ...o, templates: [{ id: 't', label: 'T', language: 'en', text: 'Dear {citizen}' }] }),
        /templates\.0\.text: unknown placeholder \{citizen\}/,
      ],
      [
        'an acknowledgement with a URL',
        (o) => ({ ...o, acknowledge: { ...o.acknowledge, en: 'Ticket {ticket}: see https://example.gov.in' } }),
        /acknowledge\.en: (must not contain a URL|an automatic text must not contain a link)/,
      ],
      [
        'an acknowledgement too long with a ticket number filled in',
        (o) => ({ ...o, acknowledge: { ...o.acknowledge, hi: `{ticket} ${'शिकायत '.repeat(60)}` } }),
        /acknowledge\.hi: \d+ characters as X counts them/,
      ],
      [
        'a NUL in a division name',
        (o) => ({ ...o, divisions: [...o.divisions, { id: 'x', name: 'a\u0000b' }] }),
        /divisions\.7\.name/,
      ],
    ]
    for (const [what, change, message] of cases) {
      const res = await attempt(change)
      expect(res.status, what).toBe(400)
      expect(res.message, what).toMatch(message)
    }
  })
})

describe('who may', () => {
  it('answers 401 without a session and 403 to officers and supervisors on every config route', async () => {
    const anonymous = new ApiClient(server.url)
    const officer = await loggedIn(server, 'officer.cyber')
    const supervisor = await loggedIn(server, 'supervisor')
    const routes: [string, string, unknown][] = [
      ['GET', '/api/v1/admin/config', undefined],
      ['PUT', '/api/v1/admin/config', { baseVersion: 1, config: {} }],
      ['PUT', '/api/v1/admin/config/sections/rules', { baseVersion: 1, value: [] }],
      ['GET', '/api/v1/admin/config/export', undefined],
      ['POST', '/api/v1/admin/config/import', {}],
      ['GET', '/api/v1/admin/config/versions', undefined],
      ['POST', '/api/v1/admin/config/rollback', { version: 1 }],
      ['POST', '/api/v1/admin/rules/preview', { rule: DRONE_RULE }],
    ]
    for (const [method, path, body] of routes) {
      expect((await anonymous.request(method, path, body)).status, `${method} ${path}`).toBe(401)
      expect((await officer.request(method, path, body)).status, `${method} ${path}`).toBe(403)
      expect((await supervisor.request(method, path, body)).status, `${method} ${path}`).toBe(403)
    }
  })
})

describe('keyword rules preview', () => {
  const preview = async (body: unknown): Promise<RulesPreview> => {
    const res = await admin.request('POST', '/api/v1/admin/rules/preview', body)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body as RulesPreview
  }

  // Not addressed to us and no first person: only a rule pulls it in.
  const unaddressed = 'Drone permit approvals are pending for months now'
  beforeAll(async () => {
    const found = { id: '1990000000000000001', text: unaddressed, authorId: 'u-drone', authorUsername: 'drone_pilot' }
    const outcome = await writeTransaction(server.db, (tx) =>
      ingestTweet(seedContext(server), tx, found, { via: { kind: 'search' }, source: 'search' }),
    )
    expect(outcome.kind).toBe('ignored')
    for (const text of [
      ...Object.values(TWEETS),
      '@HMOIndia my passport police verification is pending for 6 weeks, please help',
      '@CyberDost someone hacked my bank account and took 20000 rupees',
      '@HMOIndia good work by the disaster relief teams in the floods',
      '@HMOIndia OCI card application stuck for 2 months, please check',
      '@HMOIndia CAPF jawans salary delayed again this month',
      '@HMOIndia मेरी वीज़ा अवधि बढ़ाने का आवेदन लंबित है',
    ])
      await seedTweet(server, text)
  })

  it('counts and shows the captured tweets a new rule would pull in, and changes nothing', async () => {
    const version = server.config.current().version

    const result = await preview({ rule: DRONE_RULE, days: 7 })
    expect(result.sample).toBeGreaterThanOrEqual(5)
    expect(result.counts.pulledIn).toBeGreaterThanOrEqual(1)
    expect(result.examples.pulledIn.map((e) => e.text)).toContain(unaddressed)
    const example = result.examples.pulledIn.find((e) => e.text === unaddressed)!
    expect(example.before).toEqual({ band: 'ignore', division: null })
    expect(example.after).toEqual({ band: 'ticket', division: 'disaster' })
    const { pulledIn, dropped, moved, unchanged } = result.counts
    expect(pulledIn + dropped + moved + unchanged).toBe(result.sample)
    expect(result.rules.find((r) => r.id === 'drone-permits')!.matches).toBeGreaterThanOrEqual(1)
    expect(server.config.current().version).toBe(version)
  })

  it('shows tweets that would move to another division when a rule is re-routed', async () => {
    const rules = server.config.current().org.rules.map((r) => (r.id === 'visa' ? { ...r, division: 'police' } : r))
    const result = await preview({ rules })
    expect(result.days).toBe(14)
    expect(result.counts.moved).toBeGreaterThanOrEqual(1)
    const visa = result.examples.moved.find((e) => e.text === TWEETS.visa)!
    expect(visa.before.division).toBe('foreigners')
    expect(visa.after.division).toBe('police')
  })

  it('warns of a flood when a rule matches a large share of what comes in', async () => {
    const broad: KeywordRule = { ...DRONE_RULE, id: 'too-broad', terms: ['please', 'pending'] }
    const result = await preview({ rule: broad })
    expect(result.flood.floodingRules).toContain('too-broad')
    expect(result.flood.warning).toBe(true)
    expect(result.flood.candidateShare).toBeGreaterThan(result.flood.todayShare)
    // Only the rules being changed are judged: the rules in force are what today's share is.
    const modest = await preview({ rule: { ...DRONE_RULE, id: 'lighthouses', terms: ['lighthouse keeper'] } })
    expect(modest.flood).toMatchObject({ floodingRules: [], warning: false })
  })

  it('refuses bad candidates and days out of range with 400', async () => {
    for (const body of [
      { rule: DRONE_RULE, days: 0 },
      { rule: DRONE_RULE, days: 91 },
      { rule: { ...DRONE_RULE, division: 'nowhere' } },
      { rule: DRONE_RULE, rules: [DRONE_RULE] },
      {},
    ]) {
      const res = await admin.request('POST', '/api/v1/admin/rules/preview', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
  })
})

describe('with the triage model', () => {
  it('refuses a config whose divisions the deployed model no longer fits, naming the divisions', async () => {
    const modelDb = await freshDatabase()
    // The org file's own model (resources/models/mha.model.json), as deployments run.
    const withModel = await startTestServer(modelDb)
    try {
      const client = await loggedIn(withModel, 'admin')
      const base = (await client.request('GET', '/api/v1/admin/config')).body as ConfigCurrent
      const divisions = base.config.divisions.filter((d) => d.id !== 'capf')
      const rules = base.config.rules.filter((r) => r.division !== 'capf')
      const res = await client.request('PUT', '/api/v1/admin/config', {
        baseVersion: base.version,
        config: { ...base.config, divisions, rules },
        comment: '',
      })
      expect(res.status).toBe(400)
      expect((res.body as { message: string }).message).toMatch(/^divisions: .*capf/)
    } finally {
      await withModel.close()
      await modelDb.drop()
    }
  })
})
