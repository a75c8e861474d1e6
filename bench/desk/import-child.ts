// One import of an old desk's grievances.json in its own process, so its peak RSS is its
// own: `import-child.ts <whole|stream> <legacy file> <store dir>`. The file is copied
// first (an import renames it). Prints one line `RESULT {json}`.
import { copyFile } from 'node:fs/promises'
import { importWholeFileCache, LogGrievanceStore } from '../../src/main/desk/grievance-store'
import { importWholeFileAtOnce } from './import-whole-file'
import { MemoryMeter } from './memory-meter'
import { StallMeter } from './stall-meter'

export interface ImportResult {
  count: number
  ms: number
  rssBytes: number
  heapUsedBytes: number
  stallCpuMs: number
  stallWallMs: number
}

const [kind, source, dir] = process.argv.slice(2) as ['whole' | 'stream', string, string]
const legacy = `${dir}.json`
await copyFile(source, legacy)
const { store } = await LogGrievanceStore.open({ dir })
const memory = new MemoryMeter()
const stalls = new StallMeter()
memory.phase('import')
stalls.start()
const started = performance.now()
const count = kind === 'whole' ? await importWholeFileAtOnce(store, legacy) : await importWholeFileCache(store, legacy)
const ms = performance.now() - started
stalls.stop()
memory.stop()
await store.close()
const peak = memory.phases.import!
const result: ImportResult = {
  count: count ?? -1,
  ms,
  rssBytes: peak.rss,
  heapUsedBytes: peak.heapUsed,
  stallCpuMs: stalls.maxCpuMs,
  stallWallMs: stalls.maxWallMs,
}
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`)
