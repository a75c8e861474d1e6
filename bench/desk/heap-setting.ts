// The bench's children run with the heap growth the desk hosts set at their start
// (src/main/desk/heap-growth.ts), for every store alike. DESK_BENCH_HEAP_GROWTH=default
// leaves V8's own (to see what it changes); a number sets that percentage instead.
import { HEAP_GROWING_PERCENT, moderateHeapGrowth } from '../../src/main/desk/heap-growth'

export function heapGrowthSetting(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DESK_BENCH_HEAP_GROWTH
  if (raw === 'default') return "V8's default heap growth"
  const percent = raw ? Number(raw) : HEAP_GROWING_PERCENT
  if (!Number.isFinite(percent) || percent <= 0) throw new Error(`DESK_BENCH_HEAP_GROWTH: not a percentage: ${raw}`)
  return `heap growing ${percent}% past live (as the desk hosts set it)`
}

/** Applies the setting in a child, before it allocates; returns its description. */
export function applyHeapGrowth(env: NodeJS.ProcessEnv = process.env): string {
  const setting = heapGrowthSetting(env)
  const raw = env.DESK_BENCH_HEAP_GROWTH
  if (raw !== 'default') moderateHeapGrowth(raw ? Number(raw) : HEAP_GROWING_PERCENT)
  return setting
}
