// One configuration of the desk bench in its own process, so its peak RSS is its own.
//   child.ts sync <kind> <n> <dir>   initial sync, one action ×K, 100 new changes; exits
//                                    without closing (as a killed desk would)
//   child.ts cold <kind> <n> <dir>   open and answer the queue; then close cleanly
// Prints one line `RESULT {json}`.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Grievance } from '../../src/shared/grievance'
import type { Change } from '../../src/shared/protocol'
import { openCandidate, type CandidateKind } from './candidates'
import { grievanceId, initialSyncPages, makeGrievance } from './corpus'
import { MemoryMeter, type MemoryPeak } from './memory-meter'
import { applyHeapGrowth } from './heap-setting'
import { StallMeter, onCpuNs } from './stall-meter'

// As the desk hosts do at their start (src/main/desk/heap-growth.ts).
applyHeapGrowth()

export interface SyncResult {
  syncMs: number
  syncBytes: number
  /** The cache on disk right after the sync (the ratio's denominator), and at the end of the run. */
  syncFileBytes: number
  fileBytes: number
  /** Longest busy stretch of the event loop on the CPU, and as the wall clock saw it (machine load included). */
  stallCpuMs: number
  stallWallMs: number
  actions: number
  actionP95Ms: number
  actionP50Ms: number
  changesOwnBytes: number
  changesBytes: number
  changesMs: number
  /** Churn: 80% of the grievances get a new version, in pages; compaction runs in here. */
  churnMs: number
  churnBytes: number
  churnStallCpuMs: number
  /** Peak RSS by the end of the initial sync, and over the whole run (churn included). */
  rssAfterSyncBytes: number
  rssBytes: number
  /** Peaks of process.memoryUsage() per phase: which part of the process holds the RSS. */
  memory: Record<string, MemoryPeak>
}

export interface ColdResult {
  coldMs: number
  /** The main thread's own CPU time in that span: what the start costs without the machine's load. */
  coldCpuMs: number
  rows: number
  rssBytes: number
  memory: Record<string, MemoryPeak>
}

/** Bytes this process handed to write() (all files, every thread, native code too). */
function bytesWritten(): number {
  const io = readFileSync('/proc/self/io', 'utf8')
  return Number(/^wchar:\s*(\d+)/m.exec(io)?.[1] ?? 0)
}

function dirBytes(dir: string): number {
  let total = 0
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name)
    total += name.isDirectory() ? dirBytes(path) : statSync(path).size
  }
  return total
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!

async function sync(kind: CandidateKind, n: number, dir: string): Promise<SyncResult> {
  const stalls = new StallMeter()
  const memory = new MemoryMeter()
  memory.phase('sync')
  const w0 = bytesWritten()
  const t0 = performance.now()
  stalls.start()
  const store = await openCandidate(kind, dir)
  for (const page of initialSyncPages(n)) {
    // As off the network: the desk parses each page from JSON (flat strings, not the
    // corpus builder's concatenations, which the cached rows would otherwise keep alive).
    const changes = JSON.parse(JSON.stringify(page.changes)) as Change[]
    await store.applyPage(changes, page.last, new Date().toISOString())
    // The next page comes over the network: the loop gets a turn, as in the sync engine.
    await new Promise((resolve) => setImmediate(resolve))
  }
  await store.idle()
  // One more tick so that a stall at the very end is seen too.
  await new Promise((resolve) => setTimeout(resolve, 20))
  stalls.stop()
  const syncMs = performance.now() - t0
  const syncBytes = bytesWritten() - w0
  const rssAfterSyncBytes = process.resourceUsage().maxRSS * 1024
  const syncFileBytes = dirBytes(dir)

  memory.phase('actions')
  // An officer's action, online: read the grievance, write the server's new copy durably.
  const actions = kind === 'json' && n >= 10_000 ? 20 : 100
  const latencies: number[] = []
  for (let k = 0; k < actions; k++) {
    const id = grievanceId((k * 7_919) % n)
    const t = performance.now()
    const g = (await store.get(id)) as Grievance
    const next: Grievance = {
      ...g,
      version: g.version + 1,
      thread: [
        ...g.thread,
        { id: `${id}-bench-${k}`, kind: 'note', text: 'Checked with the division.', at: g.updatedAt },
      ],
    }
    await store.put(next)
    latencies.push(performance.now() - t)
  }
  await store.idle()
  latencies.sort((a, b) => a - b)

  // 100 new changes: new versions of existing grievances, as a pull after a busy minute.
  const changes: Change[] = []
  let own = 0
  for (let k = 0; k < 100; k++) {
    const grievance = makeGrievance((k * 104_729 + 13) % n, 5)
    own += Buffer.byteLength(JSON.stringify(grievance))
    changes.push({ seq: n + k + 1, kind: 'upsert', grievance })
  }
  const w1 = bytesWritten()
  const t1 = performance.now()
  await store.applyPage(changes, n + 100, new Date().toISOString())
  await store.idle()
  const changesMs = performance.now() - t1
  const changesBytes = bytesWritten() - w1

  memory.phase('churn')
  // Churn, so that compaction has garbage to collect: the stall it causes is measured too.
  const churn = new StallMeter()
  const w2 = bytesWritten()
  const t2 = performance.now()
  churn.start()
  const churned = Math.floor(n * 0.8)
  for (let start = 0; start < churned; start += 500) {
    const page: Change[] = []
    for (let k = start; k < Math.min(churned, start + 500); k++) {
      // Four in every five, spread over the whole cache: every segment becomes 80% garbage.
      const i = Math.floor(k / 4) * 5 + (k % 4)
      page.push({ seq: n + 200 + k, kind: 'upsert', grievance: makeGrievance(i, 6) })
    }
    await store.applyPage(
      JSON.parse(JSON.stringify(page)) as Change[],
      n + 200 + start + page.length,
      new Date().toISOString(),
    )
    await new Promise((resolve) => setImmediate(resolve))
  }
  await store.idle()
  await new Promise((resolve) => setTimeout(resolve, 20))
  churn.stop()
  const churnMs = performance.now() - t2
  const churnBytes = bytesWritten() - w2
  memory.stop()

  return {
    churnMs,
    churnBytes,
    churnStallCpuMs: churn.maxCpuMs,
    rssAfterSyncBytes,
    syncMs,
    syncBytes,
    syncFileBytes,
    fileBytes: dirBytes(dir),
    stallCpuMs: stalls.maxCpuMs,
    stallWallMs: stalls.maxWallMs,
    actions,
    actionP95Ms: percentile(latencies, 0.95),
    actionP50Ms: percentile(latencies, 0.5),
    changesOwnBytes: own,
    changesBytes,
    changesMs,
    rssBytes: process.resourceUsage().maxRSS * 1024,
    memory: memory.phases,
  }
}

async function cold(kind: CandidateKind, dir: string): Promise<ColdResult> {
  const memory = new MemoryMeter()
  memory.phase('open')
  const t0 = performance.now()
  const cpu0 = onCpuNs() ?? 0
  const store = await openCandidate(kind, dir)
  const rows = await store.listAll()
  const coldMs = performance.now() - t0
  const coldCpuMs = ((onCpuNs() ?? 0) - cpu0) / 1e6
  const rssBytes = process.resourceUsage().maxRSS * 1024
  memory.phase('maintenance and close')
  await store.idle()
  await store.close()
  memory.stop()
  return { coldMs, coldCpuMs, rows, rssBytes, memory: memory.phases }
}

const [mode, kind, n, dir] = process.argv.slice(2) as [string, CandidateKind, string, string]
const result = mode === 'sync' ? await sync(kind, Number(n), dir) : await cold(kind, dir)
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`)
// No close after a sync: the next start is a start after a crash (the worst case).
process.exit(0)
