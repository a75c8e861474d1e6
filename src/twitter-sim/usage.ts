// Project usage as GET /2/usage/tweets reports it: Posts read (returned by reads and
// delivered on the stream), per UTC day, against a monthly project cap.

const DAY_MS = 24 * 60 * 60 * 1000

export const PROJECT_ID = '1700000000000000001'
export const CLIENT_APP_ID = '28000001'

export class UsageMeter {
  private readonly perDay = new Map<number, number>()
  private total = 0

  constructor(
    private readonly now: () => number,
    readonly projectCap: number,
    readonly capResetDay: number,
  ) {}

  get used(): number {
    return this.total
  }

  get capExceeded(): boolean {
    return this.total >= this.projectCap
  }

  count(posts: number): void {
    if (posts <= 0) return
    const day = Math.floor(this.now() / DAY_MS)
    this.perDay.set(day, (this.perDay.get(day) ?? 0) + posts)
    this.total += posts
  }

  /** The last `days` UTC days, oldest first, zeros included. */
  daily(days: number): Array<{ date: string; usage: string }> {
    const today = Math.floor(this.now() / DAY_MS)
    const out: Array<{ date: string; usage: string }> = []
    for (let d = today - days + 1; d <= today; d++) {
      out.push({ date: new Date(d * DAY_MS).toISOString(), usage: String(this.perDay.get(d) ?? 0) })
    }
    return out
  }

  reset(): void {
    this.perDay.clear()
    this.total = 0
  }
}
