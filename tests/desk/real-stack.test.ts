// The desk core against the real central server and the real X simulator: a citizen
// tweets, the server ingests it, the desk pulls it, the officer replies, the reply is
// applied on the server and posted on X with the ticket.
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeskCore } from '../../src/main/desk/index'
import { startServer, type RunningServer } from '../../src/server/index'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import { FAST_TIMING, startCore, tempDir, waitFor } from './helpers'

let sim: Simulator
let server: RunningServer
let data: { dir: string; remove: () => Promise<void> }
let core: DeskCore

beforeAll(async () => {
  sim = await startSimulator({ port: 0, scenario: false })
  server = await startServer({ port: 0, demo: true, xApiBase: sim.url, pollIntervalMs: 0, log: () => undefined })
  data = await tempDir()
  core = startCore({ dataDir: data.dir, serverUrl: server.url, timing: FAST_TIMING }).core
})

afterAll(async () => {
  await core?.close()
  await server?.close()
  await sim?.close()
  await data?.remove()
})

describe('desk core with the real server and simulator', () => {
  it('pulls an ingested tweet and pushes a reply that the server applies', async () => {
    await expect(
      core.handle('session.login', { username: 'officer.cyber', password: 'wrong-password' }),
    ).rejects.toMatchObject({
      code: 'unauthorised',
    })
    const session = await core.handle('session.login', { username: 'officer.cyber', password: 'seva-demo' })
    expect(session.user).toMatchObject({ username: 'officer.cyber', role: 'officer' })
    await waitFor(async () => (await core.handle('sync.state', {})).status === 'online', 'online')
    await waitFor(async () => (await core.handle('org.get', {}))?.ticketPrefix === 'MHA', 'org summary')

    sim.injectTweet({
      author: 'asha_k',
      text: '@CyberDost I lost 20000 rupees to a UPI fraud call yesterday, my bank is not responding. Need help',
    })
    expect(await server.ingestNow(), 'the server made no grievance of the test tweet (triage?)').toBeGreaterThan(0)

    const grievance = await waitFor(
      async () => (await core.handle('grievances.list', {})).find((g) => g.source.authorUsername === 'asha_k'),
      'the ingested grievance on the desk',
      15_000,
    )
    expect(grievance.division).toBe('cyber')
    expect(grievance.ticket).toMatch(/^MHA-\d{2}-\d{6}$/)

    const { actionId, grievance: optimistic } = await core.handle('actions.submit', {
      grievanceId: grievance.id,
      body: {
        type: 'reply',
        text: `We have registered your complaint as ${grievance.ticket}. Please also report it on 1930.`,
      },
    })
    expect(optimistic.thread.at(-1)).toMatchObject({ kind: 'reply', post: { state: 'pending' } })
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'reply pushed', 15_000)
    expect(await core.handle('conflicts.list', {})).toEqual([])
    const settled = await core.handle('grievances.get', { id: grievance.id })
    expect(settled!.version).toBeGreaterThan(grievance.version)
    expect(
      settled!.thread.some((e) => e.kind === 'reply' && e.text.includes(grievance.ticket) && !e.id.endsWith(actionId)),
    ).toBe(true)

    // The server posts the reply to X; the desk hears of it through the feed.
    await server.postRepliesNow()
    await waitFor(
      () => sim.tweetsBy('HMOIndia').some((t) => t.text.includes(grievance.ticket) && t.text.includes('1930')),
      'the reply on X',
      15_000,
    )
    await waitFor(
      async () =>
        (await core.handle('grievances.get', { id: grievance.id }))?.thread.some(
          (e) => e.kind === 'reply' && e.text.includes('1930') && e.post?.state === 'posted',
        ),
      'posted state pulled by the desk',
      15_000,
    )
  })

  it('claims then starts work offline-style in one go without a conflict', async () => {
    // The supervisor's cache went with the sign-out: wait for the officer's pull.
    const grievance = await waitFor(
      async () => (await core.handle('grievances.list', {})).find((g) => g.source.authorUsername === 'asha_k'),
      "the officer's grievance",
      15_000,
    )
    // Both queued before either is pushed: the start must be rebased on the claim's result.
    await core.handle('actions.submit', { grievanceId: grievance!.id, body: { type: 'claim' } })
    await core.handle('actions.submit', { grievanceId: grievance!.id, body: { type: 'start' } })
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'pushed', 15_000)
    expect(await core.handle('conflicts.list', {})).toEqual([])
    expect(await core.handle('grievances.get', { id: grievance!.id })).toMatchObject({
      status: 'in_progress',
      assignee: 'officer.cyber',
    })
  })
  it('shows the X read budget to supervisors and nothing to officers', async () => {
    expect(await core.handle('ingestion.status', {})).toBeNull()
    await core.handle('session.logout', {})
    await core.handle('session.login', { username: 'supervisor', password: 'seva-demo' })
    const status = await core.handle('ingestion.status', {})
    expect(status).not.toBeNull()
    expect(status!.budget.cap).toBeGreaterThan(0)
    expect(status!.budget.remaining).toBeLessThanOrEqual(status!.budget.cap)
    expect(status!.sources.map((s) => s.name)).toContain('mentions')
  })

  it("refuses the audit's poisoned notes at submit, and a poisoned queue left by an older desk flows on", async () => {
    await core.handle('session.logout', {})
    await core.handle('session.login', { username: 'officer.cyber', password: 'seva-demo' })
    // The supervisor's cache went with the sign-out: wait for the officer's pull.
    const grievance = await waitFor(
      async () => (await core.handle('grievances.list', {})).find((g) => g.source.authorUsername === 'asha_k'),
      "the officer's grievance",
      15_000,
    )
    const id = grievance.id
    for (const text of ['call \u0000 back', 'x'.repeat(900 * 1024)]) {
      await expect(
        core.handle('actions.submit', { grievanceId: id, body: { type: 'note', text } }),
      ).rejects.toMatchObject({
        code: 'invalid-input',
      })
    }
    expect((await core.handle('sync.state', {})).pending).toBe(0)

    // An outbox written by an older desk, with the NUL note at its head.
    await core.close()
    const owner = { serverUrl: server.url, username: 'officer.cyber' }
    const note = (actionId: string, text: string) => ({
      owner,
      action: {
        id: actionId,
        grievanceId: id,
        baseVersion: grievance.version,
        at: new Date().toISOString(),
        body: { type: 'note', text },
      },
    })
    const queued = [note(randomUUID(), 'call \u0000 back'), note(randomUUID(), 'called the bank, complaint filed')]
    await writeFile(join(data.dir, 'outbox.json'), JSON.stringify({ entries: queued, conflicts: [] }, null, 2))
    core = startCore({ dataDir: data.dir, serverUrl: server.url, timing: FAST_TIMING }).core
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'the queue drained', 15_000)
    await waitFor(
      async () =>
        (await core.handle('grievances.get', { id }))?.thread.some(
          (e) => e.kind === 'note' && e.text === 'called the bank, complaint filed' && !e.id.startsWith('local-'),
        ),
      'the note behind the poisoned one applied by the server',
      15_000,
    )
    expect(await core.handle('conflicts.list', {})).toEqual([
      expect.objectContaining({ kind: 'rejected', action: expect.objectContaining({ id: queued[0]!.action.id }) }),
    ])
  })

  it('finds an ignored tweet through the desk and makes it a ticket, which then arrives in the cache', async () => {
    await core.handle('session.login', { username: 'officer.general', password: 'seva-demo' })
    await waitFor(async () => (await core.handle('sync.state', {})).status === 'online', 'online')
    const tweet = sim.injectTweet({ author: 'gopal_r', text: '@HMOIndia thanks for the quick response' })
    await server.ingestNow()
    const found = await core.handle('review.ignored', { q: 'quick response' })
    expect(found.tweets.map((t) => t.tweetId)).toContain(tweet.id)
    const made = await core.handle('review.ticket', { tweetId: tweet.id, division: 'general' })
    expect(made.ticket).toMatch(/^MHA-\d{2}-\d{6}$/)
    await waitFor(
      async () => (await core.handle('grievances.list', {})).find((g) => g.source.tweetId === tweet.id),
      'the new ticket on the desk',
      15_000,
    )
    await expect(core.handle('review.ticket', { tweetId: tweet.id })).rejects.toBeTruthy()
  })
})
