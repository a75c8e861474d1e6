// kill -9 of a whole desk core in the middle of a sync, on the log-structured grievance
// cache: the queued action is neither lost nor doubled, the cache opens, and the next
// start pulls on from its last durable cursor instead of from the beginning.
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { cores, data, server, startCore, useMockServerAndDataDir, waitFor } from './helpers'
import { MOCK_PASSWORD, makeGrievance } from './mock-sync-server'

const WRITER = join(import.meta.dirname, 'desk-core-crash-writer.ts')
const TOTAL = 3_000

useMockServerAndDataDir()

/** Runs the desk core in a child until it has applied `pages` change events, then SIGKILLs it. */
function runAndKill(pages: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, data.dir, server.url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let seen = 0
    let stderr = ''
    let killed = false
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk
        .toString()
        .split('\n')
        .filter((line) => line.startsWith('changed ')).length
      if (!killed && seen >= pages) {
        killed = true
        child.kill('SIGKILL')
      }
    })
    child.on('error', reject)
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the desk ended by itself: ${stderr.slice(-1000)}`))
      else resolve()
    })
  })
}

it(
  'a desk killed mid-sync keeps its outbox and its cache, and pulls on from where it was',
  { timeout: 60_000 },
  async () => {
    server.upsert(makeGrievance('g1'))
    const first = startCore({ dataDir: data.dir, serverUrl: server.url })
    cores.push(first.core)
    await first.core.handle('session.login', { username: 'officer.cyber', password: MOCK_PASSWORD })
    await waitFor(async () => (await first.core.handle('grievances.ids', {})).length === 1, 'first pull')
    server.setDown(true)
    const { actionId } = await first.core.handle('actions.submit', { grievanceId: 'g1', body: { type: 'claim' } })
    await first.core.close()

    for (let i = 2; i <= TOTAL; i++) server.upsert(makeGrievance(`g${i}`))
    server.setDown(false)
    server.pageLimit = 100
    server.requests.length = 0
    await runAndKill(8)

    const pulledBefore = server.requests.filter((r) => r.startsWith('GET /api/v1/changes')).length
    const outbox = JSON.parse(await readFile(join(data.dir, 'outbox.json'), 'utf-8')) as {
      entries: { action: { id: string } }[]
    }
    const sent = server.receivedActions.some((a) => a.id === actionId)
    const queued = outbox.entries.some((e) => e.action.id === actionId)
    // Sent, or still queued (a verdict lost with the kill is sent again and answered "duplicate").
    expect(sent || queued).toBe(true)

    server.requests.length = 0
    const { core } = startCore({ dataDir: data.dir, serverUrl: server.url })
    cores.push(core)
    await waitFor(
      async () => (await core.handle('grievances.ids', {})).length === TOTAL,
      'the rest of the sync',
      30_000,
    )
    const firstPull = server.requests.find((r) => r.startsWith('GET /api/v1/changes'))!
    const after = Number(/after=(\d+)/.exec(firstPull)![1])
    // The pages applied before the kill were durable: the restart does not start from zero.
    expect(pulledBefore).toBeGreaterThan(1)
    expect(after).toBeGreaterThan(0)
    await waitFor(() => server.receivedActions.some((a) => a.id === actionId), 'the action sent')
    await waitFor(async () => (await core.handle('sync.state', {})).pending === 0, 'the outbox drained')
    const g1 = await core.handle('grievances.get', { id: 'g1' })
    expect(g1?.assignee).toBe('officer.cyber')
  },
)
