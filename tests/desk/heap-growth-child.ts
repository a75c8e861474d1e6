// Run by heap-growth.test.ts with --expose-gc --trace-gc-verbose: sets the desk hosts'
// heap growth at run time (as they do, after V8 has started), then forces a full
// collection so that V8 prints the old generation's next limit and its factor (`without`
// as the argument skips the setting: V8's own factor, 4.0 on a machine with a large heap).
import { moderateHeapGrowth } from '../../src/main/desk/heap-growth'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with --expose-gc')
const live: { i: number; s: string }[] = []
for (let i = 0; i < 100_000; i++) live.push({ i, s: `row ${i}` })
if (process.argv[2] !== 'without') moderateHeapGrowth()
gc()
process.stdout.write(`${live.length}\n`)
