// Two instances on one PostgreSQL: a keyword rule an admin saves on instance A routes a
// new matching tweet on instance B without a restart — by NOTIFY at once, and by B's
// periodic version check when no notification comes.
import { describe, expect, it } from 'vitest'
import type { ConfigCurrent, ConfigSaved } from '../../src/shared/config'
import type { KeywordRule } from '../../src/shared/org'
import { eventually, hasPostgresFor, loggedIn, useInstancesOnOneDatabase } from './helpers'
import { seedTweet } from './seed'

const hasPostgres = hasPostgresFor('[config] two-instance test')

const rule = (id: string, term: string): KeywordRule => ({
  id,
  division: 'disaster',
  terms: [term],
  exclude: [],
  priorityBoost: 0,
  enabled: true,
})

describe.skipIf(!hasPostgres)('config on two instances', () => {
  // A and B learn of new versions by NOTIFY only; C also checks every 300 ms.
  const cluster = useInstancesOnOneDatabase([
    { model: null, configCheckMs: 0 },
    { model: null, configCheckMs: 0 },
    { model: null, configCheckMs: 300 },
  ])

  it('a rule saved on A routes a new matching tweet on B (NOTIFY)', async () => {
    const [a, b] = cluster.servers
    const tweet = '@HMOIndia my drone permit application is pending for 3 weeks, please help'
    expect((await seedTweet(b, tweet))?.division).not.toBe('disaster')
    const admin = await loggedIn(a, 'admin')
    const base = (await admin.request('GET', '/api/v1/admin/config')).body as ConfigCurrent
    const res = await admin.request('PUT', '/api/v1/admin/config/sections/rules', {
      baseVersion: base.version,
      value: [...base.config.rules, rule('drones', 'drone permit')],
      comment: 'drones',
    })
    expect(res.status).toBe(200)
    const version = (res.body as ConfigSaved).current.version
    await eventually(async () => b.config.current().version === version, 10_000)
    const routed = await seedTweet(b, tweet.replace('3 weeks', '4 weeks'))
    expect(routed?.division).toBe('disaster')
    expect(routed?.matchedRules).toContain('drones')
  })

  it('C finds a version no one announced by its periodic check (B, without one, does not)', async () => {
    const [a, b, c] = cluster.servers
    const [{ version }] = await a.db.query<{ version: number }>('SELECT max(version) AS version FROM config_versions')
    const latest = (
      await a.db.query<{ config: { rules: KeywordRule[] } }>('SELECT config FROM config_versions WHERE version = $1', [
        version,
      ])
    )[0]!.config
    // Written straight into the table: no pg_notify, as if the notification were lost.
    await a.db.query(
      `INSERT INTO config_versions (version, config, author, comment) VALUES ($1, $2::jsonb, 'test', 'silent')`,
      [version + 1, JSON.stringify({ ...latest, rules: [...latest.rules, rule('kites', 'kite festival permit')] })],
    )
    await eventually(async () => c.config.current().version === version + 1, 10_000)
    expect(b.config.current().version).toBe(version)
    const routed = await seedTweet(c, '@HMOIndia my kite festival permit is pending for 2 weeks, please help')
    expect(routed?.division).toBe('disaster')
  })
})
