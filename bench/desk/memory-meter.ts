// Where the memory goes, by phase: peaks of process.memoryUsage() sampled every 20 ms
// (RSS alone cannot say whether it is the JS heap, Buffers outside it, or neither).
export interface MemoryPeak {
  rss: number
  heapTotal: number
  heapUsed: number
  /** Buffers and other memory outside the JS heap (arrayBuffers is part of it). */
  external: number
}

export class MemoryMeter {
  private timer: NodeJS.Timeout | null = null
  private current: MemoryPeak | null = null
  readonly phases: Record<string, MemoryPeak> = {}

  /** Ends the running phase (if any) and starts sampling `name`. */
  phase(name: string): void {
    this.sample()
    this.current = this.phases[name] = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0 }
    this.sample()
    this.timer ??= setInterval(() => this.sample(), 20)
  }

  stop(): void {
    this.sample()
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.current = null
  }

  private sample(): void {
    const peak = this.current
    if (!peak) return
    const m = process.memoryUsage()
    peak.rss = Math.max(peak.rss, m.rss)
    peak.heapTotal = Math.max(peak.heapTotal, m.heapTotal)
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed)
    peak.external = Math.max(peak.external, m.external)
  }
}

const mb = (x: number): string => `${Math.round(x / 1e6)}`

export function describePeaks(phases: Record<string, MemoryPeak>): string {
  return Object.entries(phases)
    .map(
      ([name, p]) =>
        `${name}: RSS ${mb(p.rss)} (heap ${mb(p.heapUsed)} used / ${mb(p.heapTotal)}, external ${mb(p.external)}) MB`,
    )
    .join('; ')
}
