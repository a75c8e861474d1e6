// Two instances on one PostgreSQL: a model version an admin deploys on instance A is what
// instances B and C use without a restart (B learns of it by NOTIFY only, C also checks
// every 300 ms); a rollback travels the same way.
import { describe, expect, it } from 'vitest'
import { readModelFile } from '../../src/server/review'
import type { ModelUploaded } from '../../src/shared/models'
import { modelToFile } from '../../src/shared/triage-model'
import { eventually, hasPostgresFor, loggedIn, useInstancesOnOneDatabase } from './helpers'

const hasPostgres = hasPostgresFor('[models] two-instance test')

describe.skipIf(!hasPostgres)('model deployments on several instances', () => {
  // Each starts with the org's model file: registered once, deployed once.
  const cluster = useInstancesOnOneDatabase([{ configCheckMs: 0 }, { configCheckMs: 0 }, { configCheckMs: 300 }])

  it('a version deployed on A is used by B and C, and so is the rollback', async () => {
    const [a, b, c] = cluster.servers
    for (const s of [a, b, c]) expect(s.models.current().version).toBe(1)
    const [versions] = await a.db.query<{ n: number }>('SELECT count(*)::int AS n FROM triage_models')
    expect(Number(versions!.n)).toBe(1)

    const admin = await loggedIn(a, 'admin')
    const shipped = modelToFile(readModelFile('resources/models/mha.model.json'))
    const file = { ...shipped, createdFrom: `${shipped.createdFrom}+other`, calibration: { a: 1, b: -1 } }
    const up = await admin.request('POST', '/api/v1/admin/models', { model: file })
    expect(up.status).toBe(201)
    const version = (up.body as ModelUploaded).version
    expect((await admin.request('POST', `/api/v1/admin/models/${version}/deploy`)).status).toBe(200)
    expect(a.models.current().version).toBe(version)
    await eventually(async () => b.models.current().version === version, 10_000)
    await eventually(async () => c.models.current().version === version, 10_000)
    expect(b.models.model?.calibration).toEqual({ a: 1, b: -1 })

    expect((await admin.request('POST', '/api/v1/admin/models/1/deploy')).status).toBe(200)
    await eventually(async () => b.models.current().version === 1, 10_000)
    await eventually(async () => c.models.current().version === 1, 10_000)
    expect(b.models.model?.calibration).toEqual(shipped.calibration)
  })
})
