// The longest event-loop stall, measured two ways. Wall clock (monitorEventLoopDelay's
// kind) counts the time this process waited for a CPU as a stall; on this 2-core machine
// shared with other jobs that is often 100 ms+ with nothing of ours running. So we also
// read the main thread's own on-CPU time (Linux /proc/<pid>/task/<tid>/schedstat, in ns)
// between two timer ticks: the longest busy stretch of the loop, GC included, without
// the time it spent runnable but waiting for a core.
import { readFileSync } from 'node:fs'

const SCHEDSTAT = `/proc/${process.pid}/task/${process.pid}/schedstat`

/** The main thread's on-CPU time so far, in ns (null where /proc is not there). */
export function onCpuNs(): number | null {
  try {
    return Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0])
  } catch {
    return null
  }
}

export class StallMeter {
  private timer: NodeJS.Timeout | null = null
  private lastWall = 0
  private lastCpu: number | null = null
  maxWallMs = 0
  maxCpuMs = 0

  start(): void {
    this.lastWall = performance.now()
    this.lastCpu = onCpuNs()
    this.timer = setInterval(() => {
      const wall = performance.now()
      const cpu = onCpuNs()
      this.maxWallMs = Math.max(this.maxWallMs, wall - this.lastWall)
      if (cpu !== null && this.lastCpu !== null) this.maxCpuMs = Math.max(this.maxCpuMs, (cpu - this.lastCpu) / 1e6)
      this.lastWall = wall
      this.lastCpu = cpu
    }, 5)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
  }
}
