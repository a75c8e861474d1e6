// The working set (issue 13, item 4) against the mock sync server: finished grievances
// older than the working set leave the cache after a pull (30 days unless the deployment
// says otherwise), never the one open on screen or one the outbox still refers to; older
// grievances are searched for on the server and opened into the cache, and from then on
// read offline; offline, the server search answers in a sentence.
import { describe, expect, it } from 'vitest'
import { readDeployment } from '../../src/main/desk/deployment'
import { OPEN_NEEDS_CONNECTION, SEARCH_NEEDS_CONNECTION } from '../../src/main/desk/server-search'
import { cores, data, server, startCore, useMockServerAndDataDir, waitFor } from './helpers'
import { MOCK_PASSWORD, makeGrievance } from './mock-sync-server'

useMockServerAndDataDir()

const DAY = 24 * 60 * 60_000
const START = Date.parse('2026-03-01T00:00:00Z')

/** A desk whose clock the test moves: `at` is read on every call. */
async function signedIn(extra: object = {}) {
  const clock = { at: START }
  const started = startCore({ dataDir: data.dir, serverUrl: server.url, clock: () => new Date(clock.at), ...extra })
  cores.push(started.core)
  await started.core.handle('session.login', { username: 'officer.cyber', password: MOCK_PASSWORD })
  return { ...started, clock }
}

const daysBefore = (days: number) => new Date(START - days * DAY).toISOString()

type Core = Awaited<ReturnType<typeof signedIn>>['core']

async function cachedIds(core: Core) {
  return (await core.handle('grievances.ids', {})).sort()
}

/** Waits until the cache holds exactly `ids` (the pull brings them, the trim takes some away). */
async function cacheBecomes(core: Core, ids: string[]): Promise<void> {
  await waitFor(async () => JSON.stringify(await cachedIds(core)) === JSON.stringify(ids), `the cache to be ${ids}`)
}

describe('the working set', () => {
  it('is 30 days unless the deployment says otherwise', async () => {
    server.upsert(makeGrievance('g1', { status: 'resolved', updatedAt: daysBefore(31) }))
    server.upsert(makeGrievance('g2', { status: 'resolved', updatedAt: daysBefore(29) }))
    // finishedDays undefined: what a desk without a deployment setting runs with.
    const { core, logs } = await signedIn({ finishedDays: undefined })
    await cacheBecomes(core, ['g2'])
    expect(logs).toContain('info: Grievance cache: 1 grievance(s) finished over 30 days ago left the cache')
  })

  it('keeps the grievance open on screen and those the outbox refers to; drops them once neither holds', async () => {
    // Fresh at the first pull (nothing to trim), sixty days old at the next.
    for (const id of ['g1', 'g2', 'g3'])
      server.upsert(makeGrievance(id, { status: 'resolved', updatedAt: daysBefore(1) }))
    const { core, clock } = await signedIn({ finishedDays: 30 })
    await cacheBecomes(core, ['g1', 'g2', 'g3'])
    await core.handle('presence.set', { grievanceId: 'g1', state: 'viewing' })
    server.failActionsWith = 503
    await core.handle('actions.submit', { grievanceId: 'g2', body: { type: 'note', text: 'asked the bank again' } })
    clock.at = START + 60 * DAY
    server.upsert(makeGrievance('g4'))
    await cacheBecomes(core, ['g1', 'g2', 'g4'])

    // The officer moves on and the note reaches the server: the next trim takes both.
    await core.handle('presence.set', { grievanceId: 'g1', state: 'left' })
    server.failActionsWith = null
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'the note sent')
    clock.at += 2 * 60 * 60_000
    server.upsert(makeGrievance('g5'))
    await cacheBecomes(core, ['g4', 'g5'])
  })
})

describe('older grievances from the server', () => {
  it('finds a trimmed grievance by ticket and opens it into the cache, where it stays readable offline', async () => {
    server.upsert(makeGrievance('g7', { status: 'closed', updatedAt: daysBefore(90) }))
    server.upsert(makeGrievance('g8'))
    const { core, events } = await signedIn({ finishedDays: 30 })
    await cacheBecomes(core, ['g8'])
    expect(await core.handle('grievances.get', { id: 'g7' })).toBeNull()

    const found = await core.handle('grievances.search-server', { q: 'MHA-26-000007' })
    expect(found).toMatchObject({
      state: 'found',
      grievances: [{ id: 'g7', ticket: 'MHA-26-000007', status: 'closed' }],
    })

    const opened = await core.handle('grievances.open', { id: 'g7' })
    expect(opened).toEqual(server.grievance('g7'))
    expect(events.filter((e) => e.type === 'grievances-changed').at(-1)).toEqual({
      type: 'grievances-changed',
      ids: ['g7'],
    })
    expect(await cachedIds(core)).toEqual(['g7', 'g8'])

    server.setDown(true)
    expect(await core.handle('grievances.get', { id: 'g7' })).toEqual(opened)
    expect(await core.handle('grievances.open', { id: 'g7' })).toEqual(opened)
    // Acting on it offline works as on any cached grievance: queued for later.
    await core.handle('actions.submit', { grievanceId: 'g7', body: { type: 'note', text: 'citizen called again' } })
    expect((await core.handle('sync.state', {})).pending).toBe(1)
  })

  it('says in a sentence that the server search and opening an uncached grievance need a connection', async () => {
    server.upsert(makeGrievance('g9', { status: 'closed', updatedAt: daysBefore(90) }))
    const { core } = await signedIn({ finishedDays: 30 })
    await waitFor(async () => (await core.handle('sync.state', {})).lastSyncedAt !== null, 'the first pull')
    await cacheBecomes(core, [])
    server.setDown(true)
    expect(await core.handle('grievances.search-server', { q: 'MHA-26-000009' })).toEqual({
      state: 'offline',
      message: SEARCH_NEEDS_CONNECTION,
    })
    await expect(core.handle('grievances.open', { id: 'g9' })).rejects.toMatchObject({
      code: 'offline',
      message: OPEN_NEEDS_CONNECTION,
    })
  })

  it("passes the server's refusal on: a grievance outside the officer's scope is not opened", async () => {
    server.upsert(makeGrievance('g10', { division: 'passport' }))
    const { core } = await signedIn({ finishedDays: 30 })
    await expect(core.handle('grievances.open', { id: 'g10' })).rejects.toMatchObject({ code: 'server' })
    expect(await core.handle('grievances.get', { id: 'g10' })).toBeNull()
  })

  it('refuses to search when signed out and checks its input against the shared limits', async () => {
    const { core } = startCore({ dataDir: data.dir, serverUrl: server.url })
    cores.push(core)
    await expect(core.handle('grievances.search-server', { q: 'passport' })).rejects.toMatchObject({
      code: 'unauthorised',
    })
    await expect(core.handle('grievances.search-server', { q: 'x'.repeat(201) })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    // Only words shorter than the minimum prefix: the server would refuse it, so the desk does first.
    await expect(core.handle('grievances.search-server', { q: 'pa' })).rejects.toMatchObject({
      code: 'invalid-input',
    })
  })
})

describe('the deployment sets the working set', () => {
  const files = { '/pd/server.json': '{"serverUrl": "https://seva.example", "workingSetDays": 0}' }
  const read = (file: string) => {
    const text = files[file as keyof typeof files]
    if (text === undefined) throw new Error('ENOENT')
    return text
  }

  it('from the environment first, then the files; absent means the default', () => {
    const warnings: string[] = []
    const warn = (m: string) => warnings.push(m)
    expect(readDeployment({ env: {}, files: [], warn }).workingSetDays).toBeUndefined()
    expect(readDeployment({ env: {}, files: Object.keys(files), read, warn }).workingSetDays).toBe(0)
    const fromEnv = readDeployment({ env: { SEVA_WORKING_SET_DAYS: '45' }, files: Object.keys(files), read, warn })
    expect(fromEnv.workingSetDays).toBe(45)
    expect(warnings).toEqual([])
  })

  it('refuses what is not a number of days, with a warning, and keeps the default', () => {
    const warnings: string[] = []
    for (const value of ['thirty', '-1', '3651', '2.5']) {
      const d = readDeployment({ env: { SEVA_WORKING_SET_DAYS: value }, files: [], warn: (m) => warnings.push(m) })
      expect(d.workingSetDays).toBeUndefined()
    }
    expect(warnings).toHaveLength(4)
    expect(warnings[0]).toMatch(/working set "thirty" is not a number of days from 0 to 3650; using 30/)
  })
})
