// Legacy-import bench (issue 13): an old desk's grievances.json of 10,000 and 100,000
// grievances (bench corpus, 2–4 KB each, ~30 MB and ~300 MB) into the log-structured
// store, the whole-file import (the baseline, bench/desk/import-whole-file.ts) against the
// streaming one, each in its own child process: peak RSS, the longest event-loop stall on
// the CPU (and by the wall clock, machine load included), and the time.
// Sizes: DESK_IMPORT_SIZES=10000 (default 10000,100000).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { grievanceId, makeGrievance } from './desk/corpus'
import type { ImportResult } from './desk/import-child'

const here = dirname(fileURLToPath(import.meta.url))
const SIZES = (process.env.DESK_IMPORT_SIZES ?? '10000,100000').split(',').map(Number)
const AT = '2026-03-01T10:00:00.000Z'

/** Writes the file as an old desk did (JSON.stringify of the cache), one grievance at a time. */
async function writeLegacyFile(file: string, n: number): Promise<number> {
  const out = createWriteStream(file)
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write(
    `{"owner":${JSON.stringify({ serverUrl: 'http://seva.test', username: 'meena' })},"cursor":${n},"grievances":{`,
  )
  for (let i = 0; i < n; i++)
    await write(`${i ? ',' : ''}${JSON.stringify(grievanceId(i))}:${JSON.stringify(makeGrievance(i))}`)
  await write(`},"org":null,"lastSyncedAt":${JSON.stringify(AT)}}`)
  out.end()
  await once(out, 'finish')
  return (await stat(file)).size
}

function runChild(kind: 'whole' | 'stream', legacy: string, dir: string): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, 'desk', 'import-child.ts'), kind, legacy, dir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '))
      if (code !== 0 || !line) reject(new Error(`import child ${kind} exited ${code}: ${out.slice(-500)}`))
      else resolve(JSON.parse(line.slice('RESULT '.length)) as ImportResult)
    })
  })
}

const mb = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`
const ratio = (base: number, now: number): string => `${(base / now).toFixed(1)}×`

export default async function bench(): Promise<void> {
  for (const n of SIZES) {
    const root = await mkdtemp(join(process.env.DESK_BENCH_DIR ?? tmpdir(), `desk-import-${n}-`))
    try {
      const legacy = join(root, 'grievances.json')
      const size = await writeLegacyFile(legacy, n)
      const whole = await runChild('whole', legacy, join(root, 'whole'))
      const stream = await runChild('stream', legacy, join(root, 'stream'))
      if (whole.count !== n || stream.count !== n) throw new Error(`imported ${whole.count} / ${stream.count} of ${n}`)
      console.log(`${n} grievances (${mb(size)} grievances.json):`)
      for (const [label, r] of [
        ['whole-file (baseline)', whole],
        ['streaming', stream],
      ] as const) {
        console.log(
          `  ${label.padEnd(22)} peak RSS ${mb(r.rssBytes)} (heap ${mb(r.heapUsedBytes)}), longest stall ${r.stallCpuMs.toFixed(0)} ms on CPU / ${r.stallWallMs.toFixed(0)} ms wall, ${(r.ms / 1000).toFixed(1)} s`,
        )
      }
      console.log(
        `  baseline/streaming: peak RSS ${ratio(whole.rssBytes, stream.rssBytes)}, longest CPU stall ${ratio(whole.stallCpuMs, stream.stallCpuMs)}, time ${ratio(whole.ms, stream.ms)}`,
      )
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  }
}
