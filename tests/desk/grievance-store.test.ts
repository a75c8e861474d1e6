import { spawn } from 'node:child_process'
import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { grievanceId, initialSyncPages, makeGrievance } from '../../bench/desk/corpus'
import {
  importWholeFileCache,
  LogGrievanceStore,
  QUEUE_ROW_VERSION,
  type LogStoreOptions,
  type StoreEvent,
} from '../../src/main/desk/grievance-store'
import type { OrgSummary } from '../../src/shared/protocol'
import { expectedAt, pageAt } from './grievance-store-workload'

const dirs: string[] = []
async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'seva-store-'))
  dirs.push(dir)
  return join(dir, 'grievances')
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

const open = async (dir: string, opts: Partial<LogStoreOptions> = {}) => LogGrievanceStore.open({ dir, ...opts })
const AT = '2026-03-01T10:00:00.000Z'
const ORG: OrgSummary = {
  id: 'mha',
  name: 'Ministry of Home Affairs',
  ticketPrefix: 'MHA',
  handles: ['HMOIndia'],
  divisions: [{ id: 'visa', name: 'Visa', nameHi: 'वीज़ा' }],
  templates: [{ id: 'ack', label: 'Acknowledge', language: 'en', text: 'Registered as {ticket}.' }],
}

async function syncPages(store: LogGrievanceStore, n: number, pageSize = 100): Promise<void> {
  for (const page of initialSyncPages(n, pageSize)) await store.applyChangesPage(page.changes, page.last, AT)
}

async function activeLog(dir: string): Promise<string> {
  const logs = (await readdir(dir)).filter((n) => n.startsWith('log-')).sort()
  return join(dir, logs[logs.length - 1]!)
}

describe('log-structured grievance store', () => {
  it('round trip: pages, server copies, removals, org and owner survive a reopen', async () => {
    const dir = await scratch()
    let { store } = await open(dir)
    await store.reset({ serverUrl: 'http://seva.test', username: 'asha' })
    await syncPages(store, 250)
    await store.upsertNewer([makeGrievance(7, 3), makeGrievance(8, 1)])
    await store.applyChangesPage(
      [
        { seq: 251, kind: 'remove', id: grievanceId(9) },
        { seq: 252, kind: 'upsert', grievance: makeGrievance(10, 2) },
      ],
      252,
      AT,
    )
    await store.setOrg(ORG)
    // An older copy never replaces a newer one.
    expect(await store.upsertNewer([makeGrievance(7, 2)])).toEqual([])
    await store.close()

    ;({ store } = await open(dir))
    expect(store.meta).toEqual({
      owner: { serverUrl: 'http://seva.test', username: 'asha' },
      cursor: 252,
      org: ORG,
      lastSyncedAt: AT,
    })
    expect(store.size).toBe(249)
    expect(store.has(grievanceId(9))).toBe(false)
    expect(await store.get(grievanceId(7))).toEqual(makeGrievance(7, 3))
    expect(await store.get(grievanceId(10))).toEqual(makeGrievance(10, 2))
    expect(await store.get(grievanceId(200))).toEqual(makeGrievance(200, 1))
    expect(store.row(grievanceId(7))).toMatchObject({
      id: grievanceId(7),
      version: 3,
      status: makeGrievance(7, 3).status,
    })
    const all = []
    for await (const g of store.all()) all.push(g.id)
    expect(all.sort()).toEqual(
      store
        .rows()
        .map((r) => r.id)
        .sort(),
    )
    await store.close()
  })

  it('one changed grievance costs its own size, not the whole cache', async () => {
    const dir = await scratch()
    const { store } = await open(dir)
    await syncPages(store, 600)
    await store.idle()
    const before = store.counters.bytesWritten
    const changed = makeGrievance(42, 2)
    await store.upsertNewer([changed])
    const written = store.counters.bytesWritten - before
    let onDisk = 0
    for (const name of await readdir(dir)) onDisk += (await stat(join(dir, name))).size
    const own = Buffer.byteLength(JSON.stringify(changed))
    expect(onDisk).toBeGreaterThan(1_000_000)
    expect(written).toBeLessThan(own + 200)
    expect(written * 100).toBeLessThan(onDisk)
    await store.close()
  })

  it('a torn last line is dropped on reopen, not fatal, and writing goes on after it', async () => {
    const dir = await scratch()
    let { store } = await open(dir, { checkpointOnClose: false })
    await syncPages(store, 120)
    await store.close()
    // A write cut short by a crash: half a document, no newline, no commit.
    const half = JSON.stringify(makeGrievance(500)).slice(0, 700)
    await appendFile(await activeLog(dir), half)

    let report
    ;({ store, report } = await open(dir, { checkpointOnClose: false }))
    expect(report.recovered).toMatch(/dropped 700 bytes/)
    expect(store.size).toBe(120)
    expect(store.meta.cursor).toBe(120)
    expect(store.has(grievanceId(500))).toBe(false)
    await store.upsertNewer([makeGrievance(501)])
    await store.close()
    ;({ store, report } = await open(dir))
    expect(report.recovered).toBeNull()
    expect(await store.get(grievanceId(501))).toEqual(makeGrievance(501))
    expect(store.size).toBe(121)
    await store.close()
  })

  it('documents without their commit line are dropped together with the cursor they would have moved', async () => {
    const dir = await scratch()
    let { store } = await open(dir, { checkpointOnClose: false })
    await syncPages(store, 50)
    await store.close()
    const lines = [makeGrievance(60), makeGrievance(61)].map((g) => JSON.stringify(g) + '\n').join('')
    await appendFile(await activeLog(dir), lines)
    ;({ store } = await open(dir))
    expect(store.meta.cursor).toBe(50)
    expect(store.has(grievanceId(60))).toBe(false)
    expect(store.size).toBe(50)
    await store.close()
  })

  it('an unreadable index starts the cache empty, to be pulled again, instead of failing', async () => {
    const dir = await scratch()
    let { store } = await open(dir)
    await syncPages(store, 50)
    await store.close()
    const index = (await readdir(dir)).find((n) => n.startsWith('index-'))!
    await writeFile(join(dir, index), '{"format":1,"garbage')
    const reopened = await open(dir)
    store = reopened.store
    expect(reopened.report.recovered).toMatch(/starting the grievance cache empty/)
    expect(store.meta.cursor).toBe(0)
    expect(store.size).toBe(0)
    await syncPages(store, 10)
    await store.close()
    ;({ store } = await open(dir))
    expect(store.size).toBe(10)
    await store.close()
  })

  it('reads the queue rows of an index written before rows were slimmed; an unknown row version is rebuilt from the documents', async () => {
    const dir = await scratch()
    let { store } = await open(dir)
    const docs = [1, 2, 3].map((i) => ({ ...makeGrievance(i), status: 'in_progress' as const }))
    await store.applyChangesPage(
      docs.map((grievance, i) => ({ seq: i + 1, kind: 'upsert' as const, grievance })),
      3,
      AT,
    )
    await store.close()
    // Rewrites every index and delta as another row version would have stored it. Version 1
    // held the full queue row, [ticket, status, priority, division, assignee, slaDueAt,
    // createdAt, updatedAt, author, name, language, text]; its status is set to 'closed' here,
    // unlike the documents', so the rows show where they were read from.
    const rewrite = async (rowVersion: number) => {
      for (const name of (await readdir(dir)).filter((n) => /^(index|delta)-/.test(n))) {
        const lines = (await readFile(join(dir, name), 'utf8')).trimEnd().split('\n')
        const out = lines.map((line, i) => {
          const rec = JSON.parse(line) as unknown
          if (i === 0) return JSON.stringify({ ...(rec as object), rowVersion })
          const r = rec as unknown[]
          if (r[0] === 'end' || r.length === 1) return line
          const [id, version, file, offset, length, , updatedAt] = r
          const old = ['T', 'closed', 'normal', null, null, updatedAt, updatedAt, updatedAt, 'a', null, 'en', 'x']
          return JSON.stringify([id, version, file, offset, length, ...old])
        })
        await writeFile(join(dir, name), out.join('\n') + '\n')
      }
    }
    await rewrite(1)
    ;({ store } = await open(dir))
    expect(store.rows().map((r) => [r.id, r.status, r.updatedAt])).toEqual(
      docs.map((g) => [g.id, 'closed', g.updatedAt]),
    )
    expect(await store.get(grievanceId(2))).toEqual(docs[1])
    // The next checkpoint (here the one on close) is a full index of the current version,
    // so later starts no longer read the old, larger rows.
    await store.upsertNewer([{ ...docs[0]!, version: docs[0]!.version + 1 }])
    await store.close()
    const indexes = (await readdir(dir)).filter((n) => /^(index|delta)-/.test(n)).sort()
    const newest = indexes[indexes.length - 1]!
    expect(newest).toMatch(/^index-/)
    const header = JSON.parse((await readFile(join(dir, newest), 'utf8')).split('\n')[0]!) as { rowVersion: number }
    expect(header.rowVersion).toBe(QUEUE_ROW_VERSION)
    await rewrite(99)
    ;({ store } = await open(dir))
    // Sorted: the rewrite of grievance 1 moved it to the end of the index.
    expect(
      store
        .rows()
        .map((r) => [r.id, r.status, r.updatedAt])
        .sort(),
    ).toEqual(docs.map((g) => [g.id, 'in_progress', g.updatedAt]))
    await store.close()
  })

  it('reset for another owner leaves nothing of the previous one, durably', async () => {
    const dir = await scratch()
    let { store } = await open(dir)
    await syncPages(store, 80)
    await store.reset({ serverUrl: 'http://seva.test', username: 'vikram' })
    expect(store.size).toBe(0)
    await store.upsertNewer([makeGrievance(3)])
    await store.close()
    ;({ store } = await open(dir))
    expect(store.meta.owner?.username).toBe('vikram')
    expect(store.meta.cursor).toBe(0)
    expect(store.rows().map((r) => r.id)).toEqual([grievanceId(3)])
    await store.close()
  })

  it('compaction keeps every live document and the disk bounded while writes go on', async () => {
    const dir = await scratch()
    const events: string[] = []
    let { store } = await open(dir, {
      segmentBytes: 64 * 1024,
      checkpointBytes: 96 * 1024,
      compactMinGarbageBytes: 48 * 1024,
      compactGarbageRatio: 0.1,
      onEvent: (e) => events.push(e.type),
    })
    for (let p = 1; p <= 60; p++) {
      const { changes, last } = pageAt(p)
      await store.applyChangesPage(changes, last, AT)
    }
    await store.idle()
    expect(events).toContain('compaction-done')
    const expected = expectedAt(1_200)
    expect(new Map(store.rows().map((r) => [r.id, r.version]))).toEqual(expected)
    await store.close()
    ;({ store } = await open(dir))
    expect(new Map(store.rows().map((r) => [r.id, r.version]))).toEqual(expected)
    for (const id of [...expected.keys()].slice(0, 50)) expect((await store.get(id))?.version).toBe(expected.get(id))
    await store.close()
  })

  it("imports today's whole-file cache once, cursor and all, and moves the old file aside", async () => {
    const dir = await scratch()
    const legacy = join(dir, '..', 'grievances.json')
    const grievances = Object.fromEntries(Array.from({ length: 1_200 }, (_, i) => [grievanceId(i), makeGrievance(i)]))
    const owner = { serverUrl: 'http://seva.test', username: 'meena' }
    await writeFile(legacy, JSON.stringify({ owner, cursor: 4_321, grievances, org: ORG, lastSyncedAt: AT }))
    let { store } = await open(dir)
    expect(await importWholeFileCache(store, legacy)).toBe(1_200)
    await store.close()
    ;({ store } = await open(dir))
    expect(store.meta).toEqual({ owner, cursor: 4_321, org: ORG, lastSyncedAt: AT })
    expect(store.size).toBe(1_200)
    expect(await store.get(grievanceId(1_199))).toEqual(makeGrievance(1_199))
    expect(await importWholeFileCache(store, legacy)).toBeNull()
    expect((await readdir(join(dir, '..'))).sort()).toEqual(['grievances', 'grievances.json.imported'])
    await store.close()
  })

  it.skipIf(process.platform === 'win32')('creates its folder 0700 and every file 0600', async () => {
    const dir = await scratch()
    const { store } = await open(dir, { segmentBytes: 64 * 1024, checkpointBytes: 64 * 1024 })
    await syncPages(store, 100)
    await store.close()
    expect((await stat(dir)).mode & 0o777).toBe(0o700)
    const names = await readdir(dir)
    expect(names.some((n) => n.startsWith('index-'))).toBe(true)
    expect(names.some((n) => n.startsWith('log-'))).toBe(true)
    for (const name of names) expect(((await stat(join(dir, name))).mode & 0o777).toString(8)).toBe('600')
  })
})

describe('incremental checkpoints', () => {
  const recorder = (events: string[]) => (e: StoreEvent) => events.push(`${e.type} ${'kind' in e ? e.kind : ''}`)
  const versions = (store: LogGrievanceStore) => new Map(store.rows().map((r) => [r.id, r.version]))

  it('a checkpoint writes what changed, and a start after a crash replays at most checkpointBytes of log', async () => {
    const dir = await scratch()
    const checkpointBytes = 256 * 1024
    const events: string[] = []
    // No checkpoint at close: the next start is the one after kill -9.
    const crashing = { checkpointBytes, chainMinSlack: 100, checkpointOnClose: false, onEvent: recorder(events) }
    const { store } = await open(dir, crashing)
    await syncPages(store, 2_000)
    await store.idle()
    // New grievances supersede nothing: the chain grows by deltas, no full index is rewritten.
    expect(events.filter((e) => e === 'checkpoint-done delta').length).toBeGreaterThan(3)
    expect(events).not.toContain('checkpoint-done full')
    const files = await readdir(dir)
    const sizes = async (prefix: string) =>
      Promise.all(files.filter((f) => f.startsWith(prefix)).map(async (f) => (await stat(join(dir, f))).size))
    const deltaSizes = await sizes('delta-')
    const logBytes = (await sizes('log-')).reduce((a, b) => a + b, 0)
    // A delta holds the rows of ~checkpointBytes of documents: a fraction of them.
    for (const size of deltaSizes) expect(size).toBeLessThan(checkpointBytes)
    expect(deltaSizes.reduce((a, b) => a + b, 0)).toBeLessThan(logBytes / 2)

    // Rewrites supersede records: once the chain holds too many, a full index replaces it.
    for (let version = 2; version <= 4; version++) {
      const copies = Array.from({ length: 2_000 }, (_, i) => makeGrievance(i, version))
      for (let k = 0; k < copies.length; k += 200) await store.upsertNewer(copies.slice(k, k + 200))
    }
    await store.idle()
    expect(events).toContain('checkpoint-done full')
    // One more small batch, then the "crash": it is in the log only.
    await store.upsertNewer([makeGrievance(1_234, 5)])
    const expected = versions(store)
    await store.close()

    const reopened = await open(dir, { checkpointBytes, chainMinSlack: 100 })
    expect(reopened.report.recovered).toBeNull()
    expect(reopened.report.replayedBytes).toBeGreaterThan(0)
    // At most one checkpoint's worth of log, plus the batch that crossed the line.
    expect(reopened.report.replayedBytes).toBeLessThanOrEqual(checkpointBytes + 200 * 4_096)
    expect(versions(reopened.store)).toEqual(expected)
    expect((await reopened.store.get(grievanceId(1_234)))?.version).toBe(5)
    expect((await reopened.store.get(grievanceId(1_235)))?.version).toBe(4)
    // A clean close checkpoints: the start after it replays nothing.
    await reopened.store.close()
    const again = await open(dir)
    expect(again.report.replayedBytes).toBe(0)
    expect(versions(again.store)).toEqual(expected)
    await again.store.close()
  })

  it('an unreadable delta ends the chain: the log after the last good one is replayed and the next checkpoint is full', async () => {
    const dir = await scratch()
    const events: string[] = []
    const opts = { checkpointBytes: 64 * 1024, chainMinSlack: 10_000, onEvent: recorder(events) }
    let { store } = await open(dir, { ...opts, checkpointOnClose: false })
    await syncPages(store, 600, 20)
    await store.idle()
    const deltas = (await readdir(dir)).filter((f) => f.startsWith('delta-')).sort()
    expect(deltas.length).toBeGreaterThan(2)
    const expected = versions(store)
    await store.close()
    await writeFile(join(dir, deltas[deltas.length - 2]!), '{"format":2')
    ;({ store } = await open(dir, opts))
    expect(versions(store)).toEqual(expected)
    expect((await store.get(grievanceId(599)))?.version).toBe(expected.get(grievanceId(599)))
    events.length = 0
    await store.close()
    expect(events).toContain('checkpoint-done full')
    ;({ store } = await open(dir, opts))
    expect(versions(store)).toEqual(expected)
    expect((await readdir(dir)).filter((f) => f.startsWith('delta-'))).toEqual([])
    await store.close()
  })
})

describe('working set', () => {
  it('forgets finished grievances older than the cut-off, keeps open, recent and kept ones, durably', async () => {
    const dir = await scratch()
    let { store } = await open(dir)
    const old = '2026-01-10T00:00:00.000Z'
    const recent = '2026-02-25T00:00:00.000Z'
    const docs = [
      { ...makeGrievance(1), status: 'closed' as const, updatedAt: old },
      { ...makeGrievance(2), status: 'resolved' as const, updatedAt: old },
      { ...makeGrievance(3), status: 'closed' as const, updatedAt: old },
      { ...makeGrievance(4), status: 'closed' as const, updatedAt: recent },
      { ...makeGrievance(5), status: 'in_progress' as const, updatedAt: old },
    ]
    await store.applyChangesPage(
      docs.map((grievance, i) => ({ seq: i + 1, kind: 'upsert' as const, grievance })),
      5,
      AT,
    )
    const before = store.counters.bytesWritten
    const evicted = await store.evictFinished('2026-01-30T00:00:00.000Z', new Set([grievanceId(3)]))
    expect(evicted.sort()).toEqual([grievanceId(1), grievanceId(2)].sort())
    // One small line per forgotten grievance, not a rewrite of the cache.
    expect(store.counters.bytesWritten - before).toBeLessThan(200)
    expect(await store.evictFinished('2026-01-30T00:00:00.000Z', new Set())).toEqual([grievanceId(3)])
    await store.close()
    ;({ store } = await open(dir))
    expect(
      store
        .rows()
        .map((r) => r.id)
        .sort(),
    ).toEqual([grievanceId(4), grievanceId(5)].sort())
    expect(store.meta.cursor).toBe(5)
    await store.close()
  })
})

// ---- kill -9 ----------------------------------------------------------------------------

const WRITER = join(import.meta.dirname, 'grievance-store-writer.ts')

/** Runs the writer until `killWhen` says so, SIGKILLs it, and returns the last acknowledged cursor. */
function runAndKill(dir: string, killWhen: (line: string) => boolean) {
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], { stdio: ['ignore', 'pipe', 'pipe'] })
    const seen = { durable: -1, events: 0 }
    let buffered = ''
    let stderr = ''
    let killed = false
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop()!
      for (const line of lines) {
        if (line.startsWith('durable ')) seen.durable = Number(line.slice(8))
        if (line.startsWith('event ')) seen.events++
        if (!killed && killWhen(line)) {
          killed = true
          child.kill('SIGKILL')
        }
      }
    })
    child.on('error', reject)
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the writer ended by itself: ${stderr.slice(-1000)}`))
      else resolve(seen.durable)
    })
  })
}

async function expectConsistent(dir: string, acknowledged: number): Promise<void> {
  const { store } = await open(dir)
  const cursor = store.meta.cursor
  // Every page the writer heard was durable is there; nothing half-applied beyond.
  expect(cursor).toBeGreaterThanOrEqual(acknowledged)
  expect(cursor % 20).toBe(0)
  const expected = expectedAt(cursor)
  expect(new Map(store.rows().map((r) => [r.id, r.version]))).toEqual(expected)
  // The documents themselves are readable (spot check across the range).
  const ids = [...expected.keys()]
  for (let k = 0; k < ids.length; k += Math.max(1, Math.floor(ids.length / 40))) {
    expect((await store.get(ids[k]!))?.version).toBe(expected.get(ids[k]!))
  }
  await store.close()
}

describe('log-structured grievance store after kill -9', () => {
  it('during a sync: opens, keeps every acknowledged page, and holds exactly the pages up to its cursor', async () => {
    const dir = await scratch()
    // Kill points: before the first page lands, after a few pages, after many (segments sealed, checkpoints taken).
    for (const pages of [0, 3, 17, 40]) {
      let count = 0
      const acknowledged = await runAndKill(dir, (line) =>
        pages === 0 ? line.startsWith('opened') : line.startsWith('durable') && ++count >= pages,
      )
      await expectConsistent(dir, acknowledged)
    }
  }, 240_000)

  it('during compaction and checkpoints: opens and holds exactly the pages up to its cursor', async () => {
    const dir = await scratch()
    for (const [event, nth] of [
      ['event compaction-start', 1],
      ['event checkpoint-start', 2],
      ['event compaction-start', 2],
      ['event compaction-done', 1],
      ['event segment-sealed', 3],
    ] as const) {
      let count = 0
      const acknowledged = await runAndKill(dir, (line) => line.startsWith(event) && ++count >= nth)
      await expectConsistent(dir, acknowledged)
    }
  }, 240_000)

  it('while incremental checkpoints are written and after them: opens and holds exactly the pages up to its cursor', async () => {
    const dir = await scratch()
    const kinds = new Set<string>()
    for (const [event, nth] of [
      ['event checkpoint-start delta', 1],
      ['event checkpoint-done delta', 2],
      ['event checkpoint-start delta', 3],
      ['event checkpoint-done full', 1],
      ['event checkpoint-start full', 1],
      ['event checkpoint-done delta', 4],
    ] as const) {
      let count = 0
      const acknowledged = await runAndKill(dir, (line) => {
        if (line.startsWith('event checkpoint-')) kinds.add(line)
        return line === event && ++count >= nth
      })
      await expectConsistent(dir, acknowledged)
    }
    // Both kinds ran, so each kill point above was reached by its own event.
    expect(kinds).toContain('event checkpoint-done delta')
    expect(kinds).toContain('event checkpoint-done full')
  }, 240_000)
})
