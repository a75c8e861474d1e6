// The SLA policy edited by an admin, on a real server: saving it through the configuration's
// section route makes an audited version, and the next grievance the server opens gets the
// new targets without a restart; a bad policy is a 400 naming the field (a malformed time
// used to throw); the default holiday list is for admins only.
import { describe, expect, it } from 'vitest'
import type { ConfigCurrent, ConfigSaved } from '../../src/shared/config'
import { PRIORITIES } from '../../src/shared/grievance'
import { SLA_PATHS, type SlaDefaultHolidays, type SlaPolicyInput } from '../../src/shared/sla'
import { ApiClient, loggedIn, useServerWithAdmin } from './helpers'
import { seedGrievance, TWEETS } from './seed'

const HOUR_MS = 3_600_000
const SECTION = '/api/v1/admin/config/sections/slaPolicy'

// Round the clock with different hours per priority, so the due time tells which target applied.
const HOURS = { critical: 3, high: 5, normal: 7, low: 11 } as const
const POLICY: SlaPolicyInput = {
  id: 'mha-edited',
  version: 2,
  calendar: { holidays: [] },
  targets: Object.fromEntries(
    PRIORITIES.map((p) => [p, { firstResponseHours: HOURS[p] / 2, resolutionHours: HOURS[p], clock: '24x7' }]),
  ),
}

describe('an SLA policy saved by an admin', () => {
  const app = useServerWithAdmin()

  const save = async (value: unknown) => {
    const base = (await app.admin.request('GET', '/api/v1/admin/config')).body as ConfigCurrent
    return app.admin.request('PUT', SECTION, { baseVersion: base.version, value, comment: 'SLA edited' })
  }

  it('changes the due time of the next grievance the server opens, without a restart, and is audited', async () => {
    const before = await seedGrievance(app.server, TWEETS.visa)
    // The demo org has no slaPolicy: its old hours apply.
    expect(before.sla?.policy).toBe('legacy-hours@1')

    const res = await save(POLICY)
    expect(res.status).toBe(200)
    const saved = res.body as ConfigSaved
    expect(saved.current.config.slaPolicy?.id).toBe('mha-edited')
    expect(app.server.config.current().version).toBe(saved.current.version)

    const after = await seedGrievance(app.server, TWEETS.visa.replace('3 weeks', '5 weeks'))
    expect(after.sla?.policy).toBe('mha-edited@2')
    const started = Date.parse(after.sla!.startedAt!)
    expect(Date.parse(after.sla!.resolutionDueAt) - started).toBe(HOURS[after.priority] * HOUR_MS)
    expect(Date.parse(after.sla!.firstResponseDueAt) - started).toBe((HOURS[after.priority] / 2) * HOUR_MS)
    // The one opened before keeps the targets it was given.
    const beforeDue = Date.parse(before.sla!.resolutionDueAt) - Date.parse(before.sla!.startedAt!)
    expect(beforeDue).not.toBe(HOURS[before.priority] * HOUR_MS)

    const audit = (await app.admin.request('GET', '/api/v1/admin/audit?limit=5')).body as {
      entries: { actor: string; action: string; details?: { changed?: Record<string, unknown> } }[]
    }
    const entry = audit.entries.find((e) => e.action === 'config.changed')
    expect(entry?.actor).toBe('admin')
    expect(Object.keys(entry?.details?.changed ?? {})).toContain('slaPolicy')
  })

  it('refuses a bad policy with a 400 naming the field, and keeps the version in force', async () => {
    const version = app.server.config.current().version
    const badTime = await save({ ...POLICY, calendar: { dayStart: '9am' } })
    expect(badTime.status).toBe(400)
    expect(JSON.stringify(badTime.body)).toContain('slaPolicy.calendar.dayStart')
    const order = await save({
      ...POLICY,
      targets: { high: { firstResponseHours: 30, resolutionHours: 20 } },
    })
    expect(order.status).toBe(400)
    expect(JSON.stringify(order.body)).toContain('slaPolicy.targets.high.firstResponseHours')
    const gone = await save({ ...POLICY, divisions: { 'no-such-division': { normal: { firstResponseHours: 1 } } } })
    expect(gone.status).toBe(400)
    expect(app.server.config.current().version).toBe(version)
  })

  it('serves the default holiday list to admins only', async () => {
    const path = SLA_PATHS.defaultHolidays
    expect((await new ApiClient(app.server.url).request('GET', path)).status).toBe(401)
    expect((await (await loggedIn(app.server, 'supervisor')).request('GET', path)).status).toBe(403)
    expect((await (await loggedIn(app.server, 'officer.cyber')).request('GET', path)).status).toBe(403)
    const res = await app.admin.request('GET', path)
    expect(res.status).toBe(200)
    const body = res.body as SlaDefaultHolidays
    expect(body.holidays).toContainEqual({ date: '2026-01-26', name: 'Republic Day' })
    expect(body.about).toMatch(/DoPT/)
  })
})
