// The desk bench's whole-desk-core configuration (issue 13, item 3): a DeskCore
// (src/main/desk/desk-core.ts, on the grievance store) against the mock sync server in
// another process, driven through its desk API as the renderer drives it.
//   core-child.ts sync <n> <dir>   sign in, initial sync to all n listed, actions online
//                                  and offline; exits without closing (as a killed desk)
//   core-child.ts cold <n> <dir>   open (the session resumes, the server is gone) and
//                                  answer the queue's ids; then close cleanly
// Prints one line `RESULT {json}`.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createDeskCore, type DeskCore } from '../../src/main/desk/index'
import { MOCK_PASSWORD } from '../../tests/desk/mock-sync-server'
import { grievanceId } from './corpus'
import { MemoryMeter, type MemoryPeak } from './memory-meter'
import { applyHeapGrowth } from './heap-setting'
import { StallMeter, onCpuNs } from './stall-meter'

// As the desk hosts do at their start (src/main/desk/heap-growth.ts).
applyHeapGrowth()

export interface CoreSyncResult {
  syncMs: number
  syncCpuMs: number
  syncBytes: number
  stallCpuMs: number
  stallWallMs: number
  actions: number
  onlineP95Ms: number
  offlineP95Ms: number
  /** CPU of the whole process (every thread) per action, online / offline. */
  onlineCpuMs: number
  offlineCpuMs: number
  rssBytes: number
  memory: Record<string, MemoryPeak>
}

export interface CoreColdResult {
  coldMs: number
  coldCpuMs: number
  rows: number
  rssBytes: number
}

/** DESK_BENCH_LOG=1 shows the desk's log on stderr (a bench that hangs says why). */
const benchLog = (level: string, message: string): void => {
  if (process.env.DESK_BENCH_LOG === '1') process.stderr.write(`[desk] ${level}: ${message}\n`)
}

const here = dirname(fileURLToPath(import.meta.url))
/** An address nothing listens on once the sync's server is gone: the cold start is offline. */
const URL_FILE = 'bench-server-url'

function bytesWritten(): number {
  return Number(/^wchar:\s*(\d+)/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0)
}

const p95 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!
}

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function startServer(n: number): Promise<{ url: string; send: (line: string) => Promise<void>; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'server-child.ts'), String(n)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout })
  const waiting: ((line: string) => void)[] = []
  lines.on('line', (line) => waiting.shift()?.(line))
  const next = () => new Promise<string>((resolve) => waiting.push(resolve))
  return next().then((first) => ({
    url: first.replace(/^URL /, ''),
    send: async (line) => {
      const ack = next()
      child.stdin.write(`${line}\n`)
      await ack
    },
    stop: () => child.kill(),
  }))
}

async function submitNotes(core: DeskCore, n: number, count: number, from: number): Promise<number[]> {
  const latencies: number[] = []
  for (let k = 0; k < count; k++) {
    const grievanceId_ = grievanceId(((from + k) * 7_919) % n)
    const t = performance.now()
    await core.handle('actions.submit', {
      grievanceId: grievanceId_,
      body: { type: 'note', text: `Checked with the division (${from + k}).` },
    })
    latencies.push(performance.now() - t)
  }
  return latencies
}

async function sync(n: number, dir: string): Promise<CoreSyncResult> {
  const server = await startServer(n)
  const { writeFile } = await import('node:fs/promises')
  await writeFile(join(dir, URL_FILE), server.url)
  const memory = new MemoryMeter()
  const stalls = new StallMeter()
  memory.phase('sync')
  const w0 = bytesWritten()
  const cpu0 = onCpuNs() ?? 0
  const t0 = performance.now()
  stalls.start()
  // The working set off (null): the corpus's dates are early 2026, so a 30-day working set
  // would drop its finished grievances and the cache would never hold n.
  const core = createDeskCore({
    dataDir: join(dir, 'desk'),
    serverUrl: server.url,
    finishedDays: null,
    log: benchLog,
  })
  await core.handle('session.login', { username: 'officer.cyber', password: MOCK_PASSWORD })
  await until(async () => (await core.handle('grievances.ids', {})).length === n, `${n} grievances listed`)
  stalls.stop()
  const syncMs = performance.now() - t0
  const syncCpuMs = ((onCpuNs() ?? 0) - cpu0) / 1e6
  const syncBytes = bytesWritten() - w0
  memory.phase('actions')
  const actions = 50
  const cpuOnline = process.cpuUsage()
  const online = await submitNotes(core, n, actions, 0)
  const onlineCpuMs = cpuMs(process.cpuUsage(cpuOnline)) / actions
  await until(async () => (await core.handle('sync.state', {})).pending === 0, 'outbox drained')
  await server.send('down')
  await until(async () => (await core.handle('sync.state', {})).status !== 'online', 'offline')
  const cpuOffline = process.cpuUsage()
  const offline = await submitNotes(core, n, actions, actions)
  const offlineCpuMs = cpuMs(process.cpuUsage(cpuOffline)) / actions
  memory.stop()
  server.stop()
  return {
    syncMs,
    syncCpuMs,
    syncBytes,
    stallCpuMs: stalls.maxCpuMs,
    stallWallMs: stalls.maxWallMs,
    actions,
    onlineP95Ms: p95(online),
    offlineP95Ms: p95(offline),
    onlineCpuMs,
    offlineCpuMs,
    rssBytes: process.resourceUsage().maxRSS * 1024,
    memory: memory.phases,
  }
}

async function cold(n: number, dir: string): Promise<CoreColdResult> {
  const serverUrl = readFileSync(join(dir, URL_FILE), 'utf8')
  const t0 = performance.now()
  const cpu0 = onCpuNs() ?? 0
  const core = createDeskCore({ dataDir: join(dir, 'desk'), serverUrl, log: benchLog, finishedDays: null })
  // The first queue answer: the ids of every cached grievance, the session resumed.
  let rows = 0
  await until(async () => (rows = (await core.handle('grievances.ids', {})).length) >= n, 'the queue', 60_000)
  const coldMs = performance.now() - t0
  const coldCpuMs = ((onCpuNs() ?? 0) - cpu0) / 1e6
  const rssBytes = process.resourceUsage().maxRSS * 1024
  await core.close()
  return { coldMs, coldCpuMs, rows, rssBytes }
}

const [mode, n, dir] = process.argv.slice(2) as [string, string, string]
const result = mode === 'sync' ? await sync(Number(n), dir) : await cold(Number(n), dir)
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`)
process.exit(0)
