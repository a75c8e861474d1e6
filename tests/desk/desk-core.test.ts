// The desk core against a mock sync server: pulling, the event stream, the outbox,
// settlement, rebase, corrupt files and restarts.
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DeskCore } from '../../src/main/desk/index'
import type { DeskEvent } from '../../src/shared/desk-api'
import { FAST_TIMING, startCore, tempDir, waitFor } from './helpers'
import { MOCK_PASSWORD, MockSyncServer, makeGrievance } from './mock-sync-server'

let server: MockSyncServer
let data: { dir: string; remove: () => Promise<void> }
const cores: DeskCore[] = []

beforeEach(async () => {
  server = await new MockSyncServer().start()
  data = await tempDir()
})

afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
  await server.close()
  await data.remove()
})

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

const readOutbox = async () =>
  JSON.parse(await readFile(join(data.dir, 'outbox.json'), 'utf-8')) as { entries: { action: { id: string } }[] }

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
      'GET /api/v1/changes?after=0',
      'GET /api/v1/changes?after=2',
      'GET /api/v1/changes?after=4',
    ])
    const cache = JSON.parse(await readFile(join(data.dir, 'grievances.json'), 'utf-8'))
    expect(cache.cursor).toBe(5)
    expect(Object.keys(cache.grievances)).toHaveLength(5)
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
    const settled = await core.handle('grievances.get', { id: 'g1' })
    expect(settled?.thread.at(-1)?.id).toBe(`srv-${actionId}`) // the server's copy replaced the optimistic one
    expect(settled?.version).toBe(2)
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

  it('treats a 5xx answer like an outage: the actions wait and go later', async () => {
    server.upsert(makeGrievance('g1'))
    const { core } = await signedIn()
    await waitFor(async () => (await listIds(core)).length === 1, 'first pull')
    server.failActionsWith = 503
    await core.handle('actions.submit', { grievanceId: 'g1', body: { type: 'note', text: 'n1' } })
    await waitFor(
      async () => (await core.handle('sync.state', {})).lastError?.includes('Database is restarting'),
      '503 reported',
    )
    expect((await core.handle('sync.state', {})).pending).toBe(1)
    server.failActionsWith = null
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'retried and drained', 10_000)
    expect(server.grievance('g1')?.thread.at(-1)?.text).toBe('n1')
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

    // Somebody else moved g2 on, and the desk has not heard yet: its claim is stale.
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
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'all settled')

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

describe('local files', () => {
  it('moves a corrupt grievance cache aside and pulls everything again', async () => {
    server.upsert(makeGrievance('g1'))
    server.upsert(makeGrievance('g2'))
    const first = await signedIn()
    await waitFor(async () => (await listIds(first.core)).length === 2, 'first pull')
    await first.core.close()
    await writeFile(join(data.dir, 'grievances.json'), '{"cursor": 2, "grievances": {"g1": tru')
    const { core, logs } = open()
    await waitFor(async () => (await listIds(core)).length === 2, 're-pull after corruption')
    const files = await readdir(data.dir)
    expect(files.some((f) => f.startsWith('grievances.json.corrupt-'))).toBe(true)
    expect(logs.some((l) => l.startsWith('error: Grievance cache') && l.includes('moved to'))).toBe(true)
    expect(server.requests).toContain('GET /api/v1/changes?after=0')
  })

  it('moves a corrupt outbox aside and says so in lastError', async () => {
    await writeFile(join(data.dir, 'outbox.json'), 'not json at all')
    const { core } = open()
    const state = await core.handle('sync.state', {})
    expect(state.lastError).toMatch(/outbox file was damaged.*moved aside/)
    const files = await readdir(data.dir)
    const moved = files.find((f) => f.startsWith('outbox.json.corrupt-'))
    expect(moved).toBeDefined()
    expect(await readFile(join(data.dir, moved!), 'utf-8')).toBe('not json at all')
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
