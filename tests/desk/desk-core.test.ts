// The desk core against a mock sync server: pulling, the event stream, the outbox,
// settlement, rebase, corrupt files and restarts.
import { existsSync } from 'node:fs'
import { chmod, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DeskCore } from '../../src/main/desk/index'
import type { DeskEvent } from '../../src/shared/desk-api'
import { LIMITS } from '../../src/shared/limits'
import { LogGrievanceStore } from '../../src/main/desk/grievance-store'
import { deskFiles, emptyCache } from '../../src/main/desk/desk-files'
import { openOutbox } from '../../src/main/desk/outbox-store'
import { FAST_TIMING, cores, data, server, startCore, useMockServerAndDataDir, waitFor } from './helpers'
import { MOCK_PASSWORD, makeGrievance } from './mock-sync-server'

useMockServerAndDataDir()

function open(extra: Parameters<typeof startCore>[0] | object = {}) {
  const started = startCore({ dataDir: data.dir, serverUrl: server.url, ...extra })
  cores.push(started.core)
  return started
}

async function signedIn(extra: object = {}) {
  const started = open(extra)
  await started.core.handle('session.login', { username: 'officer.cyber', password: MOCK_PASSWORD })
  return started
}

/** What is durably queued: outbox.json with the journal's lines after it, opened as the desk does. */
async function readOutbox() {
  const files = deskFiles(data.dir)
  if (!existsSync(files.outbox) && !existsSync(files.outboxJournal)) throw new Error('ENOENT: no outbox on disk')
  return (await openOutbox(files, () => new Date())).store.data
}

/** The grievance store as the closed desk left it on disk. */
async function readCache() {
  const { store } = await LogGrievanceStore.open({ dir: join(data.dir, 'grievances') })
  const ids = store.rows().map((row) => row.id)
  const meta = { ...store.meta }
  await store.close()
  return { ids, meta }
}

const listIds = async (core: DeskCore) => (await core.handle('grievances.list', {})).map((g) => g.id).sort()

describe('session', () => {
  it('signs in, reports the user and refuses a wrong password with a clear error', async () => {
    const { core } = open()
    await expect(core.handle('session.login', { username: 'officer.cyber', password: 'nope' })).rejects.toMatchObject({
      code: 'unauthorised',
      message: 'Wrong username or password',
    })
    const session = await core.handle('session.login', { username: 'officer.cyber', password: MOCK_PASSWORD })
    expect(session).toEqual({ user: expect.objectContaining({ username: 'officer.cyber' }), serverUrl: server.url })
    await waitFor(async () => (await core.handle('org.get', {}))?.id === 'mha', 'org summary')
  })

  it('rejects invalid input before doing anything', async () => {
    const { core } = open()
    await expect(core.handle('grievances.get', { id: 42 })).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(core.handle('session.get', { extra: true })).rejects.toMatchObject({ code: 'invalid-input' })
  })
})

describe('pulling', () => {
  it('pulls the changes feed in pages until hasMore is false and stores the cursor with the page', async () => {
    for (let i = 1; i <= 5; i++) server.upsert(makeGrievance(`g${i}`))
    server.pageLimit = 2
    const { core } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 5, 'five grievances')
    const pulls = server.requests.filter((r) => r.startsWith('GET /api/v1/changes'))
    expect(pulls.slice(0, 3)).toEqual([
      `GET /api/v1/changes?after=0&limit=${LIMITS.changesPage}`,
      `GET /api/v1/changes?after=2&limit=${LIMITS.changesPage}`,
      `GET /api/v1/changes?after=4&limit=${LIMITS.changesPage}`,
    ])
    await core.close()
    const cache = await readCache()
    expect(cache.meta.cursor).toBe(5)
    expect(cache.ids.sort()).toEqual(['g1', 'g2', 'g3', 'g4', 'g5'])
  })

  it('pulls when the event stream says there are changes, and applies tombstones', async () => {
    server.upsert(makeGrievance('g1'))
    const { core, events } = await signedIn()
    await waitFor(() => server.streamCount === 1, 'event stream connected')
    await waitFor(async () => (await listIds(core)).length === 1, 'first pull')
    server.upsert(makeGrievance('g2'))
    await waitFor(() => events.some((e) => e.type === 'grievances-changed' && e.ids.includes('g2')), 'g2 change event')
    expect(await listIds(core)).toEqual(['g1', 'g2'])
    server.remove('g1')
    await waitFor(async () => (await listIds(core)).join() === 'g2', 'g1 removed')
    const sync = await core.handle('sync.state', {})
    expect(sync).toMatchObject({ status: 'online', pending: 0, lastError: null })
    expect(sync.lastSyncedAt).not.toBeNull()
  })

  it('reconnects the event stream after an outage and catches up on what it missed', async () => {
    server.upsert(makeGrievance('g1'))
    const { core, events } = await signedIn()
    await waitFor(() => server.streamCount === 1, 'event stream connected')
    server.setDown(true)
    await waitFor(async () => (await core.handle('sync.state', {})).status === 'offline', 'offline')
    // Changed while the desk could not hear: no event will ever mention it.
    server.upsert(makeGrievance('g2'), { notify: false })
    server.setDown(false)
    await waitFor(() => server.streamCount === 1, 'event stream reconnected')
    await waitFor(async () => (await listIds(core)).includes('g2'), 'missed change pulled on reconnect')
    expect(events.filter((e) => e.type === 'sync').map((e) => e.type === 'sync' && e.state.status)).toEqual(
      expect.arrayContaining(['connecting', 'online', 'offline']),
    )
    expect((await core.handle('sync.state', {})).status).toBe('online')
  })

  it('pulls periodically even when the event stream stays silent', async () => {
    const { core } = await signedIn({ timing: { ...FAST_TIMING, safetyPullMs: 100 } })
    await waitFor(() => server.streamCount === 1, 'event stream connected')
    server.upsert(makeGrievance('g9'), { notify: false })
    await waitFor(async () => (await listIds(core)).includes('g9'), 'safety pull')
  })
})

describe('reading the cache in slices (the renderer at scale, issue 13)', () => {
  it('answers the ids, then the grievances asked for, with pending actions applied and unknown ids left out', async () => {
    server.upsert(makeGrievance('g1'))
    server.upsert(makeGrievance('g2'))
    const { core } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 2, 'first pull')
    expect((await core.handle('grievances.ids', {})).sort()).toEqual(['g1', 'g2'])
    server.holdActions()
    await core.handle('actions.submit', { grievanceId: 'g2', body: { type: 'note', text: 'called the office' } })
    const got = await core.handle('grievances.get-many', { ids: ['g2', 'nope', 'g1'] })
    expect(got.map((g) => g.id)).toEqual(['g2', 'g1'])
    expect(got[0]!.thread.at(-1)).toMatchObject({ kind: 'note', text: 'called the office' })
  })

  it('refuses more ids than one read may hold, and answers nothing when signed out', async () => {
    const { core } = open()
    expect(await core.handle('grievances.ids', {})).toEqual([])
    expect(await core.handle('grievances.get-many', { ids: ['g1'] })).toEqual([])
    const ids = Array.from({ length: LIMITS.deskGrievancesPerRead + 1 }, (_, i) => `g${i}`)
    await expect(core.handle('grievances.get-many', { ids })).rejects.toMatchObject({ code: 'invalid-input' })
  })
})

describe('actions and the outbox', () => {
  it('applies an action at once and has it on disk before the server answers', async () => {
    server.upsert(makeGrievance('g1'))
    const { core, events } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 1, 'first pull')
    const release = server.holdActions()
    const { actionId, grievance } = await core.handle('actions.submit', {
      grievanceId: 'g1',
      body: { type: 'reply', text: 'We are on it' },
    })
    // Optimistic: the reply shows as pending, before any server verdict.
    expect(grievance.thread.at(-1)).toMatchObject({
      kind: 'reply',
      text: 'We are on it',
      post: { state: 'pending' },
      by: 'officer.cyber',
    })
    expect((await readOutbox()).entries.map((e) => e.action.id)).toEqual([actionId])
    expect(events.some((e) => e.type === 'grievances-changed' && e.ids.includes('g1'))).toBe(true)
    expect((await core.handle('sync.state', {})).pending).toBe(1)
    release()
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'outbox drained')
    expect((await readOutbox()).entries).toEqual([])
    // The server's copy replaces the optimistic one when the pull after the verdict lands,
    // which may be a moment after the outbox drained (a loaded machine shows that moment).
    const serverCopy = async () => (await core.handle('grievances.get', { id: 'g1' }))?.thread.at(-1)?.id
    await waitFor(async () => (await serverCopy()) === `srv-${actionId}`, "the server's copy")
    expect((await core.handle('grievances.get', { id: 'g1' }))?.version).toBe(2)
  })

  it('refuses an illegal status change with a clear error and queues nothing', async () => {
    server.upsert(makeGrievance('g1', { status: 'closed' }))
    const { core } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 1, 'first pull')
    await expect(core.handle('actions.submit', { grievanceId: 'g1', body: { type: 'start' } })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('closed cannot become in_progress'),
    })
    await expect(core.handle('actions.submit', { grievanceId: 'nope', body: { type: 'claim' } })).rejects.toMatchObject(
      { code: 'not-found' },
    )
    expect((await core.handle('sync.state', {})).pending).toBe(0)
  })

  it('sends a supervisor’s named assignment with its bulk mark, and refuses one from an officer', async () => {
    server.upsert(makeGrievance('g1'))
    const officer = await signedIn()
    await waitFor(async () => (await listIds(officer.core)).length === 1, 'first pull')
    await expect(
      officer.core.handle('actions.submit', { grievanceId: 'g1', body: { type: 'assign', assignee: 'officer.cyber' } }),
    ).rejects.toMatchObject({ code: 'unauthorised' })
    expect((await officer.core.handle('sync.state', {})).pending).toBe(0)
    await officer.core.handle('session.logout', {})

    server.users.push({
      username: 'supervisor.cyber',
      displayName: 'Cyber Supervisor',
      role: 'supervisor',
      divisions: ['cyber'],
      languages: ['en'],
    })
    await officer.core.handle('session.login', { username: 'supervisor.cyber', password: MOCK_PASSWORD })
    await waitFor(async () => (await listIds(officer.core)).length === 1, 'supervisor pull')
    const bulk = { id: 'bulk-0001-aaaa', count: 2 }
    const { grievance } = await officer.core.handle('actions.submit', {
      grievanceId: 'g1',
      body: { type: 'assign', assignee: 'officer.cyber' },
      bulk,
    })
    expect(grievance).toMatchObject({ assignee: 'officer.cyber', status: 'assigned' })
    await waitFor(async () => server.receivedActions.length > 0, 'action sent')
    expect(server.receivedActions[0]).toMatchObject({ body: { type: 'assign', assignee: 'officer.cyber' }, bulk })
  })

  it('keeps actions while the server is down and sends each exactly once when it is back', async () => {
    server.upsert(makeGrievance('g1'))
    server.upsert(makeGrievance('g2'))
    const { core } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 2, 'first pull')
    server.setDown(true)
    const a = await core.handle('actions.submit', { grievanceId: 'g1', body: { type: 'claim' } })
    const b = await core.handle('actions.submit', { grievanceId: 'g1', body: { type: 'start' } })
    const c = await core.handle('actions.submit', {
      grievanceId: 'g2',
      body: { type: 'note', text: 'called the citizen' },
    })
    await waitFor(async () => (await core.handle('sync.state', {})).status === 'offline', 'offline status')
    expect((await readOutbox()).entries).toHaveLength(3)
    // Offline, the officer still sees the outcome of both queued actions.
    expect(await core.handle('grievances.get', { id: 'g1' })).toMatchObject({
      status: 'in_progress',
      assignee: 'officer.cyber',
    })
    server.setDown(false)
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'outbox drained', 10_000)
    const counts = [a, b, c].map(({ actionId }) => server.receivedActions.filter((x) => x.id === actionId).length)
    expect(counts).toEqual([1, 1, 1])
    // claim then start on the same grievance: the start was rebased, not a conflict.
    expect(await core.handle('conflicts.list', {})).toEqual([])
    expect(server.grievance('g1')).toMatchObject({ status: 'in_progress', version: 3 })
    expect((await core.handle('sync.state', {})).status).toBe('online')
  })

  it('tells a 5xx answer apart from being offline: the actions wait and go later', async () => {
    server.upsert(makeGrievance('g1'))
    const { core } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 1, 'first pull')
    server.failActionsWith = 503
    await core.handle('actions.submit', { grievanceId: 'g1', body: { type: 'note', text: 'n1' } })
    const failing = await waitFor(async () => {
      const state = await core.handle('sync.state', {})
      return state.lastError?.includes('Database is restarting') ? state : null
    }, '503 reported')
    // The server is up and failing: the officer's network is fine, and the bar says so.
    expect(failing.status).toBe('server-error')
    expect(failing.pending).toBe(1)
    server.failActionsWith = null
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'retried and drained', 10_000)
    expect(server.grievance('g1')?.thread.at(-1)?.text).toBe('n1')
    server.setDown(true)
    await waitFor(async () => (await core.handle('sync.state', {})).status === 'offline', 'a network error is offline')
  })

  it("keeps one user's queued actions for that user only", async () => {
    server.upsert(makeGrievance('g1'))
    const { core } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 1, 'first pull')
    server.setDown(true)
    const { actionId } = await core.handle('actions.submit', {
      grievanceId: 'g1',
      body: { type: 'note', text: 'by cyber' },
    })
    await core.handle('session.logout', {})
    server.setDown(false)
    await core.handle('session.login', { username: 'officer.passport', password: MOCK_PASSWORD })
    await waitFor(async () => (await listIds(core)).length === 1, 'pull as the second user')
    expect((await core.handle('sync.state', {})).pending).toBe(0)
    expect((await core.handle('grievances.get', { id: 'g1' }))?.thread.some((e) => e.text === 'by cyber')).toBe(false)
    await core.handle('sync.now', {})
    expect(server.receivedActions.some((a) => a.id === actionId)).toBe(false)
    await core.handle('session.login', { username: 'officer.cyber', password: MOCK_PASSWORD })
    await waitFor(
      async () => server.grievance('g1')?.thread.some((e) => e.text === 'by cyber'),
      'sent after the first user returns',
    )
  })

  it("keeps an applied action's effect, then pulls the server's copy to replace it", async () => {
    server.upsert(makeGrievance('g1'))
    const { core } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 1, 'first pull')
    // The answer carries no grievance and no event comes: the desk must pull by itself.
    server.notifyOnActions = false
    const { actionId } = await core.handle('actions.submit', {
      grievanceId: 'g1',
      body: { type: 'note', text: 'called the bank' },
    })
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'settled')
    const settled = await core.handle('grievances.get', { id: 'g1' })
    expect(settled?.thread.filter((e) => e.text === 'called the bank')).toHaveLength(1)
    await waitFor(
      async () => (await core.handle('grievances.get', { id: 'g1' }))?.thread.some((e) => e.id === `srv-${actionId}`),
      "the server's copy pulled",
    )
    const pulled = await core.handle('grievances.get', { id: 'g1' })
    expect(pulled?.thread.filter((e) => e.text === 'called the bank')).toHaveLength(1)
    expect(pulled?.version).toBe(server.grievance('g1')?.version)
  })

  it('settles duplicate, conflict and rejected verdicts', async () => {
    server.upsert(makeGrievance('g1'))
    server.upsert(makeGrievance('g2'))
    server.upsert(makeGrievance('g3'))
    const { core, events } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 3, 'first pull')

    // Somebody else moves g2 on while the desk cannot hear (it is offline, so no pull of
    // its own can bring the change in before the claim is made): its claim is stale.
    server.setDown(true)
    await waitFor(async () => (await core.handle('sync.state', {})).status === 'offline', 'offline', 15_000)
    server.upsert({ ...server.grievance('g2')!, status: 'assigned', assignee: 'someone.else' }, { notify: false })
    server.verdictFor = (a) =>
      a.grievanceId === 'g1'
        ? { status: 'duplicate' }
        : a.grievanceId === 'g3'
          ? { status: 'rejected', reason: 'not your division' }
          : null
    const pullsBefore = server.requests.filter((r) => r.startsWith('GET /api/v1/changes')).length

    const dup = await core.handle('actions.submit', { grievanceId: 'g1', body: { type: 'note', text: 'n' } })
    const stale = await core.handle('actions.submit', { grievanceId: 'g2', body: { type: 'claim' } })
    const refused = await core.handle('actions.submit', { grievanceId: 'g3', body: { type: 'claim' } })
    server.setDown(false)
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'all settled', 15_000)

    const conflicts = await core.handle('conflicts.list', {})
    expect(conflicts.map((c) => [c.action.id, c.kind])).toEqual([
      [stale.actionId, 'conflict'],
      [refused.actionId, 'rejected'],
    ])
    expect(conflicts[1]?.reason).toBe('not your division')
    expect(events.filter((e) => e.type === 'conflict')).toHaveLength(2)
    // The conflict's server copy replaced the cache; the rejected claim no longer shows.
    expect(await core.handle('grievances.get', { id: 'g2' })).toMatchObject({ assignee: 'someone.else', version: 2 })
    expect(await core.handle('grievances.get', { id: 'g3' })).toMatchObject({ status: 'new', assignee: null })
    expect(server.receivedActions.filter((a) => a.id === dup.actionId)).toHaveLength(1)
    // A rejection triggers a re-pull of the state.
    await waitFor(
      () => server.requests.filter((r) => r.startsWith('GET /api/v1/changes')).length > pullsBefore,
      're-pull',
    )

    expect(await core.handle('conflicts.dismiss', { actionId: stale.actionId })).toHaveLength(1)
    expect(await core.handle('conflicts.list', {})).toHaveLength(1)
  })

  it('keeps pending actions on top of incoming server changes (rebase)', async () => {
    server.upsert(makeGrievance('g1'))
    const { core } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 1, 'first pull')
    const release = server.holdActions()
    await core.handle('actions.submit', { grievanceId: 'g1', body: { type: 'reply', text: 'On it' } })
    await core.handle('actions.submit', { grievanceId: 'g1', body: { type: 'set-priority', priority: 'low' } })
    // Meanwhile the server changes the grievance and tells the desk.
    server.upsert({ ...server.grievance('g1')!, division: 'passport', priority: 'high' })
    await waitFor(
      async () => (await core.handle('grievances.get', { id: 'g1' }))?.division === 'passport',
      'server change pulled',
    )
    const view = await core.handle('grievances.get', { id: 'g1' })
    expect(view?.thread.at(-1)).toMatchObject({ kind: 'reply', text: 'On it', post: { state: 'pending' } })
    expect(view?.priority).toBe('low') // our pending change still wins in the view
    release()
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'settled')
    // The set-priority was based on version 1, the server is at 2 (+ the reply): a real conflict.
    const conflicts = await core.handle('conflicts.list', {})
    expect(conflicts.map((c) => c.action.body.type)).toEqual(['set-priority'])
    expect(await core.handle('grievances.get', { id: 'g1' })).toMatchObject({ priority: 'high', division: 'passport' })
  })
})

describe('an action the server will not take', () => {
  const LONG = 'x'.repeat(900 * 1024)

  it('is refused at submit with a clear error and never queued', async () => {
    server.upsert(makeGrievance('g1'))
    const { core } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 1, 'first pull')
    for (const body of [
      { type: 'note', text: 'call \u0000 back' },
      { type: 'note', text: LONG },
      { type: 'reply', text: 'r'.repeat(LIMITS.replyChars + 1) },
      { type: 'note', text: 'half a pair \ud83d' },
      { type: 'forward', toDivision: 'passport', note: LONG },
    ] as const) {
      await expect(core.handle('actions.submit', { grievanceId: 'g1', body })).rejects.toMatchObject({
        code: 'invalid-input',
      })
    }
    expect((await core.handle('sync.state', {})).pending).toBe(0)
    // Nothing was ever written to the outbox.
    await expect(readOutbox()).rejects.toThrow(/ENOENT/)
    await core.handle('actions.submit', { grievanceId: 'g1', body: { type: 'note', text: 'a fine note' } })
    await waitFor(() => server.grievance('g1')?.thread.at(-1)?.text === 'a fine note', 'the next action goes')
  })

  it.each([400, 413, 422] as const)(
    'refused whole (%i), its batch is split at once: it is rejected and the actions behind it go without a retry',
    async (status) => {
      server.upsert(makeGrievance('g1'))
      server.upsert(makeGrievance('g2'))
      // Retries wait 30–60 s: anything that needs one misses the 10 s deadline below.
      const { core, events } = await signedIn({
        timing: { ...FAST_TIMING, backoffMinMs: 60_000, backoffMaxMs: 60_000 },
      })
      await waitFor(async () => (await listIds(core)).length === 2, 'first pull')
      server.refuseBatch = {
        status,
        when: (a) => a.body.type === 'note' && a.body.text === 'poison',
        message: 'body/actions/1: bad',
      }
      const release = server.holdActions()
      const texts = ['before', 'poison', 'after 1', 'after 2', 'after 3', 'after 4']
      const ids: string[] = []
      for (const [i, text] of texts.entries()) {
        const grievanceId = i % 2 === 0 ? 'g1' : 'g2'
        ids.push((await core.handle('actions.submit', { grievanceId, body: { type: 'note', text } })).actionId)
      }
      release()
      await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'outbox drained', 10_000)
      const onServer = [...server.grievance('g1')!.thread, ...server.grievance('g2')!.thread].map((e) => e.text)
      expect(onServer).toEqual(expect.arrayContaining(['before', 'after 1', 'after 2', 'after 3', 'after 4']))
      expect(onServer).not.toContain('poison')
      const conflicts = await core.handle('conflicts.list', {})
      expect(conflicts).toEqual([
        expect.objectContaining({
          kind: 'rejected',
          action: expect.objectContaining({ id: ids[1] }),
          reason: expect.stringContaining(`(${status}): body/actions/1: bad`),
        }),
      ])
      expect(events.some((e) => e.type === 'conflict' && e.conflict.action.id === ids[1])).toBe(true)
      expect((await core.handle('sync.state', {})).status).toBe('online')
      // Every good action reached the server exactly once.
      for (const id of [ids[0], ...ids.slice(2)]) {
        expect(server.receivedActions.filter((a) => a.id === id).length, id).toBe(1)
      }
    },
  )

  it('keeps every batch well under the server body limit, by bytes as well as by count', async () => {
    server.upsert(makeGrievance('g1'))
    server.bodyLimitBytes = LIMITS.actionsBodyBytes
    const timing = { ...FAST_TIMING, pushBatchSize: LIMITS.actionsPerBatch }
    const first = await signedIn({ timing })
    await waitFor(async () => (await listIds(first.core)).length === 1, 'first pull')
    await first.core.close()
    // Queued offline: more than a body limit of notes, each the most a note may be
    // (4000 characters, 3 bytes each in UTF-8), all free to go in one batch by count.
    const text = 'ह'.repeat(LIMITS.noteChars)
    const count = Math.ceil(LIMITS.actionsBodyBytes / Buffer.byteLength(text)) + 5
    const owner = { serverUrl: server.url, username: 'officer.cyber' }
    const entries = Array.from({ length: count }, (_, i) => ({
      owner,
      action: {
        id: `queued-note-${i}`,
        grievanceId: 'g1',
        baseVersion: 1,
        at: '2026-01-10T12:00:00.000Z',
        body: { type: 'note', text: `${i}${text.slice(String(i).length)}` },
      },
    }))
    await writeFile(join(data.dir, 'outbox.json'), JSON.stringify({ entries, conflicts: [] }))
    const { core } = open({ timing })
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'outbox drained', 40_000)
    expect(server.grievance('g1')!.thread.filter((e) => e.kind === 'note')).toHaveLength(count)
    expect(server.actionPosts.every((p) => p.status === 200)).toBe(true)
    expect(server.actionPosts.length).toBeGreaterThan(1)
    expect(Math.max(...server.actionPosts.map((p) => p.bytes))).toBeLessThanOrEqual(LIMITS.actionsBodyBytes / 2)
  })
})

describe('local files', () => {
  it('starts an unreadable grievance store empty and pulls everything again', async () => {
    server.upsert(makeGrievance('g1'))
    server.upsert(makeGrievance('g2'))
    const first = await signedIn()
    await waitFor(async () => (await listIds(first.core)).length === 2, 'first pull')
    await first.core.close()
    const dir = join(data.dir, 'grievances')
    for (const name of await readdir(dir))
      if (name.startsWith('index-')) await writeFile(join(dir, name), '{"format": 2, tru')
    server.requests.length = 0
    const { core, logs } = open()
    await waitFor(async () => (await listIds(core)).length === 2, 're-pull after corruption')
    expect(logs.some((l) => l.startsWith('error: grievance cache') && l.includes('unreadable'))).toBe(true)
    expect(server.requests).toContain(`GET /api/v1/changes?after=0&limit=${LIMITS.changesPage}`)
  })

  it('drops a torn last write of the grievance store and pulls from the last durable cursor', async () => {
    for (let i = 1; i <= 3; i++) server.upsert(makeGrievance(`g${i}`))
    const first = await signedIn()
    await waitFor(async () => (await listIds(first.core)).length === 3, 'first pull')
    await first.core.close()
    const dir = join(data.dir, 'grievances')
    const log = (await readdir(dir))
      .filter((name) => name.startsWith('log-'))
      .sort()
      .at(-1)!
    // What a power cut mid-append leaves: half a document, no commit line.
    await writeFile(join(dir, log), '{"id":"g9","version":1,"tick', { flag: 'a' })
    server.upsert(makeGrievance('g4'))
    server.requests.length = 0
    const { core, logs } = open()
    await waitFor(async () => (await listIds(core)).length === 4, 'pull after the torn write')
    expect(logs.some((l) => l.includes('dropped') && l.includes(log))).toBe(true)
    expect(server.requests).toContain(`GET /api/v1/changes?after=3&limit=${LIMITS.changesPage}`)
  })

  it("imports an older desk's grievances.json once and keeps its cursor", async () => {
    const old = emptyCache({ serverUrl: server.url, username: 'officer.cyber' })
    old.grievances = { g1: makeGrievance('g1'), g2: makeGrievance('g2') }
    old.cursor = 2
    await writeFile(join(data.dir, 'grievances.json'), JSON.stringify(old))
    server.upsert(makeGrievance('g1'))
    server.upsert(makeGrievance('g2'))
    server.upsert(makeGrievance('g3'))
    const { core, logs } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 3, 'the import and the pull after it')
    expect(logs).toContain(`info: Grievance cache: imported 2 grievance(s) from ${join(data.dir, 'grievances.json')}`)
    const pulls = server.requests.filter((r) => r.startsWith('GET /api/v1/changes'))
    expect(pulls[0]).toBe(`GET /api/v1/changes?after=2&limit=${LIMITS.changesPage}`)
    expect(await readdir(data.dir)).toContain('grievances.json.imported')
  })

  it('with a working set of 30 days, drops finished grievances unchanged for longer after a pull', async () => {
    server.upsert(makeGrievance('g1', { status: 'closed', updatedAt: '2026-01-10T10:00:00.000Z' }))
    server.upsert(makeGrievance('g2', { status: 'closed', updatedAt: '2026-02-20T10:00:00.000Z' }))
    server.upsert(makeGrievance('g3', { status: 'new', updatedAt: '2026-01-10T10:00:00.000Z' }))
    const { core, events, logs } = await signedIn({ finishedDays: 30, clock: () => new Date('2026-03-01T00:00:00Z') })
    await waitFor(
      () => events.some((e) => e.type === 'grievances-changed' && e.ids.length === 1 && e.ids[0] === 'g1'),
      'the trim',
    )
    expect(await listIds(core)).toEqual(['g2', 'g3'])
    expect(logs).toContain('info: Grievance cache: 1 grievance(s) finished over 30 days ago left the cache')
    await core.close()
    expect((await readCache()).ids.sort()).toEqual(['g2', 'g3'])
  })

  it('moves an unreadable grievances.json aside and pulls everything again', async () => {
    await writeFile(join(data.dir, 'grievances.json'), '{"cursor": 2, "grievances": {"g1": tru')
    server.upsert(makeGrievance('g1'))
    const { core, logs } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 1, 'pull after the unreadable old cache')
    expect(await readdir(data.dir)).toContain('grievances.json.unreadable')
    // The log says where the file went wrong, for support.
    const line = logs.find((l) => l.startsWith('error: Grievance cache') && l.includes('unreadable'))
    expect(line).toMatch(/could not be read \(.+\); moved to/)
    expect(server.requests).toContain(`GET /api/v1/changes?after=0&limit=${LIMITS.changesPage}`)
  })

  it('moves a corrupt outbox aside and says so in the sync warning', async () => {
    await writeFile(join(data.dir, 'outbox.json'), 'not json at all')
    const { core } = open()
    const state = await core.handle('sync.state', {})
    expect(state.warning).toMatch(/outbox file was damaged.*moved aside/)
    const files = await readdir(data.dir)
    const moved = files.find((f) => f.startsWith('outbox.json.corrupt-'))
    expect(moved).toBeDefined()
    expect(await readFile(join(data.dir, moved!), 'utf-8')).toBe('not json at all')
  })

  it('recovers every fully written action of a truncated outbox, and the warning outlives going offline', async () => {
    server.upsert(makeGrievance('g1'))
    const first = await signedIn()
    await waitFor(async () => (await listIds(first.core)).length === 1, 'first pull')
    server.setDown(true)
    const texts = ['one', 'two', 'three', 'four', 'five']
    for (const text of texts) {
      await first.core.handle('actions.submit', { grievanceId: 'g1', body: { type: 'note', text } })
    }
    await first.core.close()
    const outboxFile = join(data.dir, 'outbox.json')
    const full = await readFile(outboxFile, 'utf-8')
    const { entries } = JSON.parse(full) as { entries: unknown[] }
    // Where each queued action's JSON ends in the file.
    const ends = entries.map((e) => {
      const element = JSON.stringify(e, null, 2).split('\n').join('\n    ')
      return full.indexOf(element) + element.length
    })
    expect(ends.every((end) => end > 0)).toBe(true)
    const offsets = [ends[0]! - 3, ends[1]! + 1, ends[2]! + 40, ends[3]!, ends[4]! + 2, full.length - 5]
    for (const offset of offsets) {
      await writeFile(outboxFile, full.slice(0, offset))
      const { core } = open()
      const whole = ends.filter((end) => end <= offset).length
      const state = await core.handle('sync.state', {})
      expect(state.pending, `cut at ${offset} of ${full.length}`).toBe(whole)
      expect(state.warning).toMatch(new RegExp(`outbox file was damaged.*${whole} queued action\\(s\\) were recovered`))
      const view = await core.handle('grievances.get', { id: 'g1' })
      expect(view?.thread.filter((e) => e.kind === 'note').map((e) => e.text)).toEqual(texts.slice(0, whole))
      // Offline: the network error comes and goes, the warning stays.
      await waitFor(async () => (await core.handle('sync.state', {})).status === 'offline', 'offline')
      const offline = await core.handle('sync.state', {})
      expect(offline.lastError).toMatch(/Cannot reach the server/)
      expect(offline.warning).toBe(state.warning)
      await core.close()
    }
    // The recovered outbox is whole again on disk, and drains when the server is back.
    const { core } = open()
    expect((await core.handle('sync.state', {})).warning).toBeNull()
    server.setDown(false)
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'drained', 10_000)
    expect(
      server
        .grievance('g1')
        ?.thread.filter((e) => e.kind === 'note')
        .map((e) => e.text),
    ).toEqual(texts)
    expect((await readdir(data.dir)).filter((f) => f.startsWith('outbox.json.corrupt-'))).toHaveLength(offsets.length)
  })

  it('refuses, on restart, a queued action an older desk let in, and sends the ones behind it', async () => {
    server.upsert(makeGrievance('g1'))
    const first = await signedIn()
    await waitFor(async () => (await listIds(first.core)).length === 1, 'first pull')
    await first.core.close()
    const owner = { serverUrl: server.url, username: 'officer.cyber' }
    const note = (id: string, text: string) => ({
      owner,
      action: { id, grievanceId: 'g1', baseVersion: 1, at: '2026-01-10T12:00:00.000Z', body: { type: 'note', text } },
    })
    const queued = [note('legacy-nul-1', 'call \u0000 back'), note('legacy-ok-2', 'after the bad one')]
    await writeFile(join(data.dir, 'outbox.json'), JSON.stringify({ entries: queued, conflicts: [] }, null, 2))
    const { core } = open()
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'settled', 10_000)
    expect(server.grievance('g1')?.thread.at(-1)?.text).toBe('after the bad one')
    expect(server.receivedActions.map((a) => a.id)).toEqual(['legacy-ok-2'])
    expect(await core.handle('conflicts.list', {})).toEqual([
      expect.objectContaining({
        kind: 'rejected',
        action: expect.objectContaining({ id: 'legacy-nul-1' }),
        reason: expect.stringMatching(/NUL/),
      }),
    ])
  })

  it.runIf(process.platform !== 'win32')('keeps its files 0600 in a 0700 folder, tightening old ones', async () => {
    server.upsert(makeGrievance('g1'))
    // What an older desk left: a world-readable folder and files.
    await chmod(data.dir, 0o755)
    await writeFile(join(data.dir, 'settings.json'), JSON.stringify({ serverUrl: null, user: null }), { mode: 0o644 })
    await writeFile(join(data.dir, 'session-token.enc'), 'sealed', { mode: 0o644 })
    const { core } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 1, 'first pull')
    await core.handle('actions.submit', { grievanceId: 'g1', body: { type: 'note', text: 'private' } })
    await core.close()
    expect((await stat(data.dir)).mode & 0o777).toBe(0o700)
    const files = await readdir(data.dir)
    expect(files).toEqual(expect.arrayContaining(['grievances', 'outbox.json', 'settings.json', 'session-token']))
    expect(((await stat(join(data.dir, 'grievances'))).mode & 0o777).toString(8)).toBe('700')
    const cacheFiles = (await readdir(join(data.dir, 'grievances'))).map((name) => join('grievances', name))
    for (const file of [...files.filter((name) => name !== 'grievances'), ...cacheFiles]) {
      expect({ file, mode: ((await stat(join(data.dir, file))).mode & 0o777).toString(8) }).toEqual({
        file,
        mode: '600',
      })
    }
  })

  it('keeps the session and the outbox across a restart, then drains', async () => {
    server.upsert(makeGrievance('g1'))
    const first = await signedIn()
    await waitFor(async () => (await listIds(first.core)).length === 1, 'first pull')
    server.setDown(true)
    const { actionId } = await first.core.handle('actions.submit', { grievanceId: 'g1', body: { type: 'claim' } })
    await first.core.close()

    const { core, events } = open()
    const session = await core.handle('session.get', {})
    expect(session.user?.username).toBe('officer.cyber')
    expect((await core.handle('sync.state', {})).pending).toBe(1)
    expect(await core.handle('grievances.get', { id: 'g1' })).toMatchObject({ status: 'assigned' })
    server.setDown(false)
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'drained after restart', 10_000)
    expect(server.receivedActions.filter((a) => a.id === actionId).length).toBeGreaterThanOrEqual(1)
    expect(server.grievance('g1')).toMatchObject({ status: 'assigned', assignee: 'officer.cyber' })
    expect(events.some((e: DeskEvent) => e.type === 'sync' && e.state.status === 'online')).toBe(true)
  })

  it('signs out when the server no longer accepts the token, keeping the outbox', async () => {
    server.upsert(makeGrievance('g1'))
    const first = await signedIn()
    await waitFor(async () => (await listIds(first.core)).length === 1, 'first pull')
    await first.core.close()
    // A new server process: the old token is unknown there.
    await writeFile(join(data.dir, 'session-token'), 'tok-revoked')
    const { core } = open({ timing: FAST_TIMING })
    await waitFor(async () => (await core.handle('sync.state', {})).status === 'logged-out', 'logged out')
    expect((await core.handle('sync.state', {})).lastError).toMatch(/sign in again/i)
    expect((await core.handle('session.get', {})).user).toBeNull()
    expect(await core.handle('grievances.list', {})).toEqual([])
  })
})
