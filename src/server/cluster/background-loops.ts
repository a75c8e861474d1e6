// Repeating background passes (ingestion polls, reply posting) as setTimeout chains, so
// a slow pass never overlaps the next; stop() ends the chains and waits for the passes
// in flight, so a deposed leader's work has really ended when it resolves.
export class BackgroundLoops {
  private stopped = false
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly inFlight = new Set<Promise<unknown>>()

  constructor(private readonly log: (message: string) => void) {}

  every(everyMs: number, pass: () => Promise<unknown>): void {
    const tick = (): void => {
      if (this.stopped) return
      const run = pass().catch((error: unknown) => this.log(`[server] background pass failed: ${String(error)}`))
      this.inFlight.add(run)
      void run.finally(() => {
        this.inFlight.delete(run)
        if (this.stopped) return
        const timer = setTimeout(() => {
          this.timers.delete(timer)
          tick()
        }, everyMs)
        this.timers.add(timer)
      })
    }
    tick()
  }

  /** Also for work that is not a loop (e.g. a stream connection): awaited by stop(). */
  track(work: Promise<unknown>): void {
    this.inFlight.add(work)
    void work.finally(() => this.inFlight.delete(work))
  }

  get isStopped(): boolean {
    return this.stopped
  }

  async stop(): Promise<void> {
    this.stopped = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    await Promise.allSettled([...this.inFlight])
  }
}
