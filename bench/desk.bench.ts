// Desk cache bench (issue 13): the grievance cache at 1,000 / 10,000 / 100,000 cached
// grievances (2–4 KB each), today's whole-file JSON store (the baseline, in the same run)
// against the log-structured store and, when it is installed, better-sqlite3.
// Every configuration runs in its own child process (bench/desk/child.ts) so that its
// peak RSS is its own. The baseline's sync is O(N²): it runs up to 10,000 and its
// 100,000 figures are extrapolated (quadratic for the sync, linear for the rest) and
// marked "~". Sizes: DESK_BENCH_SIZES=1000,10000 (default 1000,10000,100000).
// better-sqlite3: DESK_BENCH_SQLITE_DIR=<folder where `npm install better-sqlite3@12` ran>.
// After the stores at each size, a whole DeskCore against the mock sync server
// (bench/desk/core-child.ts; DESK_BENCH_CORE=0 leaves it out).
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CANDIDATE_LABEL, loadSqlite, type CandidateKind } from './desk/candidates'
import type { ColdResult, SyncResult } from './desk/child'
import type { CoreColdResult, CoreSyncResult } from './desk/core-child'
import { heapGrowthSetting } from './desk/heap-setting'
import { describePeaks } from './desk/memory-meter'

const here = dirname(fileURLToPath(import.meta.url))
const SIZES = (process.env.DESK_BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)
const BASELINE_MAX = 10_000
const CHILD_TIMEOUT_MS = 20 * 60_000

interface Figures {
  sync: SyncResult
  coldAfterCrash: ColdResult
  coldAfterClose: ColdResult
  extrapolated: boolean
}

function runChild<T>(args: string[], script = 'child.ts'): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'desk', script), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: CHILD_TIMEOUT_MS,
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '))
      if (code !== 0 || !line) reject(new Error(`child ${args.join(' ')} exited ${code}: ${out.slice(-500)}`))
      else resolve(JSON.parse(line.slice('RESULT '.length)) as T)
    })
  })
}

async function measure(kind: CandidateKind, n: number): Promise<Figures> {
  const dir = await mkdtemp(join(process.env.DESK_BENCH_DIR ?? tmpdir(), `desk-bench-${kind}-${n}-`))
  try {
    const sync = await runChild<SyncResult>(['sync', kind, String(n), dir])
    const coldAfterCrash = await runChild<ColdResult>(['cold', kind, String(n), dir])
    const coldAfterClose = await runChild<ColdResult>(['cold', kind, String(n), dir])
    return { sync, coldAfterCrash, coldAfterClose, extrapolated: false }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The baseline at 100,000 from its 10,000 run: the sync rewrites the whole file per page (N²). */
function extrapolate(f: Figures, factor: number): Figures {
  const lin = (x: number): number => x * factor
  const sq = (x: number): number => x * factor * factor
  const s = f.sync
  const cold = (c: ColdResult): ColdResult => ({
    coldMs: lin(c.coldMs),
    coldCpuMs: lin(c.coldCpuMs),
    rows: lin(c.rows),
    rssBytes: lin(c.rssBytes),
    memory: {},
  })
  return {
    sync: {
      ...s,
      syncMs: sq(s.syncMs),
      syncBytes: sq(s.syncBytes),
      fileBytes: lin(s.fileBytes),
      syncFileBytes: lin(s.syncFileBytes),
      stallCpuMs: lin(s.stallCpuMs),
      stallWallMs: lin(s.stallWallMs),
      actionP95Ms: lin(s.actionP95Ms),
      actionP50Ms: lin(s.actionP50Ms),
      changesBytes: lin(s.changesBytes),
      changesMs: lin(s.changesMs),
      rssBytes: lin(s.rssBytes),
      rssAfterSyncBytes: lin(s.rssAfterSyncBytes),
      churnMs: sq(s.churnMs),
      churnBytes: sq(s.churnBytes),
      churnStallCpuMs: lin(s.churnStallCpuMs),
      memory: {},
    },
    coldAfterCrash: cold(f.coldAfterCrash),
    coldAfterClose: cold(f.coldAfterClose),
    extrapolated: true,
  }
}

const ms = (x: number): string => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`)
const mb = (x: number): string => (x >= 1e9 ? `${(x / 1e9).toFixed(1)} GB` : `${(x / 1e6).toFixed(1)} MB`)
const ratio = (x: number): string => `${x.toFixed(2)}×`

interface Metric {
  name: string
  target: string
  show(f: Figures): string
  /** For the "vs today" column: lower is better. */
  value(f: Figures): number
  meets?(f: Figures): boolean
}

const METRICS: Metric[] = [
  {
    name: 'initial sync',
    target: '≤ 60 s',
    show: (f) => ms(f.sync.syncMs),
    value: (f) => f.sync.syncMs,
    meets: (f) => f.sync.syncMs <= 60_000,
  },
  {
    name: 'bytes written by the sync',
    target: '≤ 3× cache',
    show: (f) => `${mb(f.sync.syncBytes)} (${ratio(f.sync.syncBytes / f.sync.syncFileBytes)} cache)`,
    value: (f) => f.sync.syncBytes,
    meets: (f) => f.sync.syncBytes <= 3 * f.sync.syncFileBytes,
  },
  {
    name: 'cache on disk (after sync / at the end)',
    target: '',
    show: (f) => `${mb(f.sync.syncFileBytes)} / ${mb(f.sync.fileBytes)}`,
    value: (f) => f.sync.syncFileBytes,
  },
  {
    name: 'action p95 (read + durable write)',
    target: '≤ 20 ms',
    show: (f) => `${ms(f.sync.actionP95Ms)} (p50 ${ms(f.sync.actionP50Ms)}, n=${f.sync.actions})`,
    value: (f) => f.sync.actionP95Ms,
    meets: (f) => f.sync.actionP95Ms <= 20,
  },
  {
    name: '100 new changes: bytes written',
    target: '≤ 10× own',
    show: (f) => `${mb(f.sync.changesBytes)} (${ratio(f.sync.changesBytes / f.sync.changesOwnBytes)} own)`,
    value: (f) => f.sync.changesBytes,
    meets: (f) => f.sync.changesBytes <= 10 * f.sync.changesOwnBytes,
  },
  { name: '100 new changes: time', target: '', show: (f) => ms(f.sync.changesMs), value: (f) => f.sync.changesMs },
  {
    name: 'cold start → queue (after kill)',
    target: '≤ 1.5 s',
    show: (f) => `${ms(f.coldAfterCrash.coldMs)} (CPU ${ms(f.coldAfterCrash.coldCpuMs)})`,
    value: (f) => f.coldAfterCrash.coldMs,
    meets: (f) => f.coldAfterCrash.coldMs <= 1_500,
  },
  {
    name: 'cold start → queue (after close)',
    target: '≤ 1.5 s',
    show: (f) => `${ms(f.coldAfterClose.coldMs)} (CPU ${ms(f.coldAfterClose.coldCpuMs)})`,
    value: (f) => f.coldAfterClose.coldMs,
    meets: (f) => f.coldAfterClose.coldMs <= 1_500,
  },
  {
    name: 'longest stall in sync (on CPU)',
    target: '≤ 50 ms',
    show: (f) => ms(f.sync.stallCpuMs),
    value: (f) => f.sync.stallCpuMs,
    meets: (f) => f.sync.stallCpuMs <= 50,
  },
  {
    name: 'longest stall in sync (wall, load incl.)',
    target: '',
    show: (f) => ms(f.sync.stallWallMs),
    value: (f) => f.sync.stallWallMs,
  },
  {
    name: '80% churn after sync: time',
    target: '',
    show: (f) => ms(f.sync.churnMs),
    value: (f) => f.sync.churnMs,
  },
  {
    name: '80% churn: bytes written (compaction incl.)',
    target: '',
    show: (f) => mb(f.sync.churnBytes),
    value: (f) => f.sync.churnBytes,
  },
  {
    name: '80% churn: longest stall (on CPU)',
    target: '≤ 50 ms',
    show: (f) => ms(f.sync.churnStallCpuMs),
    value: (f) => f.sync.churnStallCpuMs,
    meets: (f) => f.sync.churnStallCpuMs <= 50,
  },
  {
    name: 'peak RSS (sync / cold start)',
    target: '≤ 400 MB',
    show: (f) => `${mb(f.sync.rssAfterSyncBytes)} / ${mb(f.coldAfterCrash.rssBytes)}`,
    value: (f) => f.sync.rssAfterSyncBytes,
    meets: (f) => Math.max(f.sync.rssAfterSyncBytes, f.coldAfterCrash.rssBytes) <= 400e6,
  },
  {
    name: 'peak RSS (whole run, churn incl.)',
    target: '≤ 400 MB',
    show: (f) => mb(f.sync.rssBytes),
    value: (f) => f.sync.rssBytes,
    meets: (f) => f.sync.rssBytes <= 400e6,
  },
]

function printTable(n: number, results: Map<CandidateKind, Figures>): void {
  const kinds = [...results.keys()]
  const header = ['', 'target', ...kinds.map((k) => CANDIDATE_LABEL[k] + (results.get(k)!.extrapolated ? ' ~' : ''))]
  const baseline = results.get('json')
  const rows: string[][] = [header]
  for (const m of METRICS) {
    const row = [m.name, m.target]
    for (const k of kinds) {
      const f = results.get(k)!
      let cell = (f.extrapolated ? '~' : '') + m.show(f)
      if (m.meets && k !== 'json') cell += m.meets(f) ? ' ✓' : ' ✗'
      if (baseline && k !== 'json' && m.value(baseline) > 0) {
        cell += ` [${ratio(m.value(f) / m.value(baseline))} today]`
      }
      row.push(cell)
    }
    rows.push(row)
  }
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  console.log(`\n${n.toLocaleString('en-IN')} cached grievances`)
  for (const r of rows) console.log('  ' + r.map((c, i) => c.padEnd(widths[i]!)).join('  '))
  for (const [kind, f] of results) {
    if (f.extrapolated) continue
    console.log(`  memory peaks, ${CANDIDATE_LABEL[kind]}: ${describePeaks(f.sync.memory)}`)
    console.log(`    cold start after kill: ${describePeaks(f.coldAfterCrash.memory)}`)
  }
}

/**
 * The whole desk core on the store (item 3): sign-in to all n listed through the mock sync
 * server (its own process), notes submitted online and offline, and the start after a kill
 * and after a close to the first queue answer (offline: the server is gone by then).
 */
async function measureCore(n: number): Promise<void> {
  const dir = await mkdtemp(join(process.env.DESK_BENCH_DIR ?? tmpdir(), `desk-bench-core-${n}-`))
  const started = performance.now()
  try {
    const sync = await runChild<CoreSyncResult>(['sync', String(n), dir], 'core-child.ts')
    const crash = await runChild<CoreColdResult>(['cold', String(n), dir], 'core-child.ts')
    const closed = await runChild<CoreColdResult>(['cold', String(n), dir], 'core-child.ts')
    const mark = (ok: boolean) => (ok ? ' ✓' : ' ✗')
    console.log(
      `\n${n.toLocaleString('en-IN')} grievances, whole desk core (DeskCore + mock sync server in its own process)`,
    )
    console.log(
      `  sign-in to all listed ${ms(sync.syncMs)} (main thread CPU ${ms(sync.syncCpuMs)})${mark(sync.syncMs <= 60_000)}; ` +
        `written ${mb(sync.syncBytes)}; longest stall on CPU ${ms(sync.stallCpuMs)}${mark(sync.stallCpuMs <= 50)} (wall ${ms(sync.stallWallMs)})`,
    )
    console.log(
      `  note submitted, p95 of ${sync.actions}: online ${ms(sync.onlineP95Ms)}${mark(sync.onlineP95Ms <= 20)}, ` +
        `offline ${ms(sync.offlineP95Ms)}${mark(sync.offlineP95Ms <= 20)}; peak RSS ${mb(sync.rssBytes)}${mark(sync.rssBytes <= 400e6)}`,
    )
    console.log(
      `  cold start to the queue's ${crash.rows} ids: after kill ${ms(crash.coldMs)} (CPU ${ms(crash.coldCpuMs)})${mark(crash.coldMs <= 1_500)}, ` +
        `after close ${ms(closed.coldMs)} (CPU ${ms(closed.coldCpuMs)})${mark(closed.coldMs <= 1_500)}; RSS ${mb(crash.rssBytes)}`,
    )
    console.log(`  memory peaks: ${describePeaks(sync.memory)}`)
  } catch (error) {
    console.log(`  whole desk core at ${n}: failed: ${String(error)}`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  console.log(`  (whole desk core at ${n}: ${ms(performance.now() - started)} of bench time)`)
}

export default async function deskBench(): Promise<void> {
  const kinds: CandidateKind[] = ['json', 'log']
  if (loadSqlite()) kinds.push('sqlite')
  else console.log('better-sqlite3 not installed: measuring the JSON stores only (see DESK_BENCH_SQLITE_DIR)')
  console.log(
    `Each figure is one run in its own process; the machine is shared (load ${(await import('node:os')).loadavg()[0]!.toFixed(1)}), so ` +
      'wall-clock times are noisy. "~" = extrapolated from 10,000, not measured. [×today] = this store ÷ the whole-file store.',
  )
  console.log(`Every child runs with ${heapGrowthSetting()} (DESK_BENCH_HEAP_GROWTH=default for V8's own).`)
  let baseline10k: Figures | null = null
  for (const n of SIZES) {
    const results = new Map<CandidateKind, Figures>()
    for (const kind of kinds) {
      if (kind === 'json' && n > BASELINE_MAX) {
        if (baseline10k) results.set(kind, extrapolate(baseline10k, n / BASELINE_MAX))
        continue
      }
      const started = performance.now()
      try {
        const figures = await measure(kind, n)
        results.set(kind, figures)
        if (kind === 'json' && n === BASELINE_MAX) baseline10k = figures
      } catch (error) {
        console.log(`  ${CANDIDATE_LABEL[kind]} at ${n}: failed: ${String(error)}`)
      }
      console.log(`  (${CANDIDATE_LABEL[kind]} at ${n}: ${ms(performance.now() - started)} of bench time)`)
    }
    printTable(n, results)
    if (process.env.DESK_BENCH_CORE !== '0') await measureCore(n)
  }
}
