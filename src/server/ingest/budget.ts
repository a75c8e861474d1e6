// The monthly read budget. X bills by Posts read (every tweet a read returns, every
// tweet the stream delivers), against a monthly cap. We count each source's reads
// ourselves, take X's own figure (GET /2/usage/tweets) when it is higher, and as the
// budget runs low pause sources in the admin's order so mentions — citizens writing to
// us directly — are the last thing we stop reading.
import { INGEST_SOURCES, type IngestionConfig, type IngestSourceName } from '../../shared/org'
import type { IngestionStatus } from '../../shared/protocol'
import type { Database } from '../db/database'
import { countBilled, type XUsage } from '../x/usage'

type BudgetSettings = IngestionConfig['budget']

/** 'YYYY-MM' of the UTC month: our counting period. */
export function budgetPeriod(at: Date): string {
  return at.toISOString().slice(0, 7)
}

function nextPeriodStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1))
}

export class BudgetGovernor {
  private period = ''
  private readonly bySource = new Map<IngestSourceName, number>()
  private xUsage: XUsage | undefined

  constructor(
    private readonly db: Database,
    /** Replaced when a new config version changes the budget (the supervisor follows the live org). */
    public settings: BudgetSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Reads this period's counts from the database (after a restart, or a new month). */
  async load(): Promise<void> {
    const period = budgetPeriod(this.now())
    const rows = await this.db.query<{ source: string; posts: number }>(
      'SELECT source, posts FROM ingest_usage WHERE period = $1',
      [period],
    )
    this.period = period
    this.bySource.clear()
    for (const row of rows) {
      if ((INGEST_SOURCES as readonly string[]).includes(row.source))
        this.bySource.set(row.source as IngestSourceName, Number(row.posts))
    }
  }

  /** Counts posts a source read; persisted at once so a restart does not forget them. */
  async record(source: IngestSourceName, posts: number): Promise<void> {
    if (posts <= 0) return
    if (this.period !== budgetPeriod(this.now())) await this.load()
    this.bySource.set(source, (this.bySource.get(source) ?? 0) + posts)
    await this.db.query(
      `INSERT INTO ingest_usage (period, source, posts) VALUES ($1, $2, $3)
       ON CONFLICT (period, source) DO UPDATE SET posts = ingest_usage.posts + EXCLUDED.posts`,
      [this.period, source, posts],
    )
    // By day as well, for the spend's recent rate (src/shared/budget.ts projectMonthEnd).
    await countBilled(this.db, 'read', posts, this.now())
  }

  setXUsage(usage: XUsage): void {
    this.xUsage = usage
  }

  get cap(): number {
    const xCap = this.xUsage?.projectCap
    return xCap !== undefined && xCap > 0
      ? Math.min(this.settings.monthlyPostsCap, xCap)
      : this.settings.monthlyPostsCap
  }

  get used(): number {
    let ours = 0
    for (const n of this.bySource.values()) ours += n
    return Math.max(ours, this.xUsage?.projectUsage ?? 0)
  }

  /** Share of the budget left, 0–1. */
  get remainingFraction(): number {
    const cap = this.cap
    return cap <= 0 ? 0 : Math.max(0, cap - this.used) / cap
  }

  /** Why this source must not read now, or null when it may. */
  pauseReason(source: IngestSourceName): string | null {
    const position = this.settings.priority.indexOf(source)
    const threshold = this.settings.pauseBelow[position] ?? 0
    const left = this.remainingFraction
    if (threshold > 0 && left < threshold) {
      return `read budget low: ${(left * 100).toFixed(1)}% left, ${source} pauses below ${Math.round(threshold * 100)}%`
    }
    return null
  }

  status(): IngestionStatus['budget'] {
    const now = this.now()
    const cap = this.cap
    const used = this.used
    const bySource: Record<string, number> = {}
    for (const name of INGEST_SOURCES)
      bySource[name] = this.period === budgetPeriod(now) ? (this.bySource.get(name) ?? 0) : 0
    return {
      cap,
      used,
      remaining: Math.max(0, cap - used),
      resetsAt: nextPeriodStart(now).toISOString(),
      bySource,
      ...(this.xUsage ? { xReported: { ...this.xUsage } } : {}),
    }
  }
}
