// IngestionSupervisor: runs every enabled source in the organisation's priority order,
// asks the budget governor before each one reads, keeps each source's schedule (its
// interval, the backoff after 5xx and network errors, the wait after a 429), and reports
// it all for the admin endpoint. start()/stop() are the whole lifecycle, so a leadership
// lease can gate ingestion on one instance.
import type { TwitterApiReadOnly } from 'twitter-api-v2'
import { ingestionSettings, type IngestionConfig, type IngestSourceName } from '../../shared/org'
import type { IngestionStatus } from '../../shared/protocol'
import type { OrgSnapshot } from '../config/live-org'
import type { ServerContext } from '../context'
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from '../x/backoff'
import { describeXError } from '../x/errors'
import type { RateLimitPacer } from '../x/rate-limits'
import { fetchXUsage, USAGE_ENDPOINT } from '../x/usage'
import { BudgetGovernor } from './budget'
import { setAsideSummary } from './set-aside'
import { FollowUpsSource } from './sources/follow-ups'
import { MentionsSource } from './sources/mentions'
import { SearchSource } from './sources/search'
import {
  DEFAULT_TUNING,
  type IngestSource,
  type PollingSource,
  type SourceKit,
  type SourceTuning,
} from './sources/source'
import { StreamSource } from './sources/stream'
import { DEFAULT_CHUNK_SIZE, ingestBatch } from './tweet-batch'

export interface IngestionOptions {
  /** Background loop period; 0 or less = no loop (passes run only through ingestNow). */
  tickMs?: number
  mentionsIntervalMs?: number
  searchIntervalMs?: number
  followUpsIntervalMs?: number
  /** How often X's own usage figure is fetched. */
  usagePollIntervalMs?: number
  backoff?: BackoffPolicy
  tuning?: Partial<Omit<SourceTuning, 'stream'>> & { stream?: Partial<SourceTuning['stream']> }
  /** Tweets per write transaction (default: one X page, 100). 1 = the per-tweet path, for comparison. */
  batchSize?: number
}

interface SourceState {
  lastRunAt: Date | null
  lastError?: string
  failures: number
  /** Not before this (interval or backoff). */
  nextRunAt: number
  /** X said 429 (or our pacer did): not before this, even for a manual pass. */
  rateLimitedUntil: number
}

const CONFIG_KEY: Record<IngestSourceName, keyof IngestionConfig['sources']> = {
  mentions: 'mentions',
  search: 'search',
  stream: 'stream',
  'follow-ups': 'followUps',
}

export class IngestionSupervisor {
  settings: IngestionConfig
  readonly budget: BudgetGovernor
  readonly sources: ReadonlyMap<IngestSourceName, IngestSource>
  private readonly state = new Map<IngestSourceName, SourceState>()
  private readonly tuning: SourceTuning
  private readonly backoff: BackoffPolicy
  private readonly tickMs: number
  private readonly batchSize: number
  private readonly usagePollMs: number
  private budgetLoaded: Promise<void> | null = null
  private passes: Promise<number> = Promise.resolve(0)
  private timer: NodeJS.Timeout | null = null
  private started = false
  private lastUsagePoll = 0
  private usageError: string | undefined
  private unwatch: (() => void) | null = null
  /** Config changes applied in order, so an older version's rules never land after a newer one's. */
  private applying: Promise<void> = Promise.resolve()

  constructor(
    private readonly ctx: ServerContext,
    /** Read client (app token when there is one), with the pacer's plugin installed. */
    private readonly x: TwitterApiReadOnly,
    private readonly pacer: RateLimitPacer,
    opts: IngestionOptions = {},
  ) {
    // Sources, budget and search/stream queries as configured now; start() follows later
    // config versions (applyConfig). Routing of what they bring in is always live.
    const { org } = ctx.config.current()
    this.settings = ingestionSettings(org)
    this.budget = new BudgetGovernor(ctx.db, this.settings.budget)
    this.tuning = { ...DEFAULT_TUNING, ...opts.tuning, stream: { ...DEFAULT_TUNING.stream, ...opts.tuning?.stream } }
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF
    this.tickMs = opts.tickMs ?? 5_000
    this.batchSize = opts.batchSize ?? DEFAULT_CHUNK_SIZE
    this.usagePollMs = opts.usagePollIntervalMs ?? 15 * 60_000
    const poll = Math.max(1, this.tickMs)
    const own = org.handles.map((h) => h.username)
    const all: IngestSource[] = [
      new MentionsSource(opts.mentionsIntervalMs ?? poll),
      new FollowUpsSource(opts.followUpsIntervalMs ?? Math.max(poll, 60_000)),
      new StreamSource(org.rules, own, this.backoff),
      new SearchSource(org.rules, own, opts.searchIntervalMs ?? Math.max(poll, 15_000)),
    ]
    this.sources = new Map(all.map((s) => [s.name, s]))
    for (const s of all) this.state.set(s.name, { lastRunAt: null, failures: 0, nextRunAt: 0, rateLimitedUntil: 0 })
  }

  get stream(): StreamSource {
    return this.sources.get('stream') as StreamSource
  }

  enabled(name: IngestSourceName): boolean {
    return this.settings.sources[CONFIG_KEY[name]]
  }

  /** Starts the background loop and the stream. Idempotent. */
  async start(): Promise<void> {
    if (this.started) return
    this.started = true
    this.unwatch = this.ctx.config.watch((snapshot) => {
      this.applying = this.applying.then(() => this.applyConfig(snapshot))
    })
    await this.ensureBudget()
    await this.refreshUsage(false)
    this.reconcileStream()
    if (this.tickMs > 0) this.schedule()
  }

  /** Stops the loop and the stream and waits for work in flight. Idempotent. */
  async stop(): Promise<void> {
    this.started = false
    this.unwatch?.()
    this.unwatch = null
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.applying
    await this.stream.stop()
    await this.passes
  }

  /**
   * A new config version while running: re-derive the settings, the search queries and the
   * stream rules, and change only what differs (cursors stay; the stream keeps its
   * connection). Sources switched on or off and budget changes take effect at the next tick.
   */
  private async applyConfig({ org, version }: OrgSnapshot): Promise<void> {
    if (!this.started) return
    try {
      const next = ingestionSettings(org)
      if (JSON.stringify(next) !== JSON.stringify(this.settings)) {
        this.settings = next
        this.budget.settings = next.budget
        this.ctx.log(`[ingest] settings of config v${version} applied`)
      }
      const own = org.handles.map((h) => h.username)
      const search = this.sources.get('search') as SearchSource
      if (search.updateRules(org.rules, own)) this.ctx.log(`[ingest] search queries of config v${version} applied`)
      if (await this.stream.updateRules(this.kit('stream'), org.rules, own))
        this.ctx.log(`[ingest] stream rules of config v${version} applied`)
      this.reconcileStream()
    } catch (error) {
      this.ctx.log(`[ingest] could not apply config v${version}: ${describeXError(error).message}`)
    }
  }

  get isRunning(): boolean {
    return this.started
  }

  /** One pass of every polling source now (ignores intervals and error backoff, not 429s). */
  ingestNow(): Promise<number> {
    return this.enqueuePass(true)
  }

  /** One pass of the sources that are due, as the background loop runs it. */
  runDue(): Promise<number> {
    return this.enqueuePass(false)
  }

  /** Asks X for its usage figure (GET /2/usage/tweets). */
  async refreshUsage(force = true): Promise<void> {
    if (!force && Date.now() - this.lastUsagePoll < this.usagePollMs) return
    this.lastUsagePoll = Date.now()
    try {
      await this.pacer.acquire(USAGE_ENDPOINT, this.tuning.maxPacerWaitMs)
      const usage = await fetchXUsage(this.x)
      if (usage) this.budget.setXUsage(usage)
      this.usageError = undefined
    } catch (error) {
      this.usageError = describeXError(error).message
      this.ctx.log(`[ingest] could not read X usage: ${this.usageError}`)
    }
  }

  async status(): Promise<IngestionStatus> {
    // Another instance (the leader) may be the one reading: its counts are in the database.
    await this.budget.load()
    const now = Date.now()
    const sources: IngestionStatus['sources'] = []
    for (const name of this.settings.budget.priority) {
      const source = this.sources.get(name)!
      const state = this.state.get(name)!
      const enabled = this.enabled(name)
      let reason: string | undefined
      if (!enabled) reason = 'disabled in the organisation settings'
      else reason = this.budget.pauseReason(name) ?? undefined
      if (enabled && !reason && state.rateLimitedUntil > now)
        reason = `rate limited until ${new Date(state.rateLimitedUntil).toISOString()}`
      if (enabled && !reason && state.failures > 0 && state.nextRunAt > now) {
        reason = `backing off after ${state.failures} failure(s) until ${new Date(state.nextRunAt).toISOString()}`
      }
      let lastError = state.lastError
      let lastRunAt = state.lastRunAt?.toISOString() ?? null
      if (source.kind === 'streaming') {
        const health = source.health()
        lastError = health.lastError ?? lastError
        lastRunAt = health.lastEventAt ?? lastRunAt
        if (enabled && !reason && health.waitingUntil)
          reason = `reconnecting at ${new Date(health.waitingUntil).toISOString()}`
        if (enabled && !reason && !source.running) reason = 'not running on this instance'
      }
      const cursor = await source.cursor({ ctx: this.ctx }).catch(() => undefined)
      sources.push({
        name,
        enabled,
        paused: enabled && reason !== undefined,
        ...(reason ? { reason } : {}),
        lastRunAt,
        ...(lastError ? { lastError } : {}),
        ...(cursor ? { cursor } : {}),
      })
    }
    return { budget: this.budget.status(), sources, setAside: await setAsideSummary(this.ctx.db) }
  }

  private ensureBudget(): Promise<void> {
    this.budgetLoaded ??= this.budget.load()
    return this.budgetLoaded
  }

  private schedule(): void {
    if (!this.started || this.tickMs <= 0) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.refreshUsage(false)
        .then(() => this.reconcileStream())
        .then(() => this.runDue())
        .finally(() => this.schedule())
    }, this.tickMs)
  }

  /** The stream runs while started, enabled and within budget. */
  private reconcileStream(): void {
    const stream = this.stream
    const wanted = this.started && this.enabled('stream') && this.budget.pauseReason('stream') === null
    if (wanted && !stream.running) stream.start(this.kit('stream'))
    else if (!wanted && stream.running) void stream.stop()
  }

  private enqueuePass(force: boolean): Promise<number> {
    this.passes = this.passes.then(() =>
      this.pass(force).catch((error: unknown) => {
        this.ctx.log(`[ingest] pass failed: ${String(error)}`)
        return 0
      }),
    )
    return this.passes
  }

  private async pass(force: boolean): Promise<number> {
    await this.ensureBudget()
    await this.budget.load()
    await this.refreshUsage(false)
    let created = 0
    for (const name of this.settings.budget.priority) {
      const source = this.sources.get(name)!
      if (source.kind !== 'polling' || !this.enabled(name)) continue
      if (this.budget.pauseReason(name)) continue
      const state = this.state.get(name)!
      const now = Date.now()
      if (state.rateLimitedUntil > now) continue
      if (!force && state.nextRunAt > now) continue
      created += await this.runSource(source, state)
    }
    return created
  }

  private async runSource(source: PollingSource, state: SourceState): Promise<number> {
    state.lastRunAt = new Date()
    try {
      const result = await source.poll(this.kit(source.name))
      state.failures = 0
      state.lastError = undefined
      state.nextRunAt = Date.now() + source.intervalMs
      return result.created
    } catch (error) {
      const failure = describeXError(error)
      state.lastError = `${failure.status ?? 'network'}: ${failure.message}`
      if (failure.retryAt) {
        state.rateLimitedUntil = failure.retryAt
        state.nextRunAt = failure.retryAt
        this.ctx.log(`[ingest] ${source.name}: rate limited; pausing until ${new Date(failure.retryAt).toISOString()}`)
      } else {
        state.failures++
        const delay = backoffDelay(state.failures, this.backoff)
        state.nextRunAt = Date.now() + delay
        this.ctx.log(`[ingest] ${source.name} failed (${state.lastError}); retrying in ${delay} ms`)
      }
      return 0
    }
  }

  private kit(name: IngestSourceName): SourceKit {
    return {
      ctx: this.ctx,
      x: this.x,
      pacer: this.pacer,
      tuning: this.tuning,
      turn: (endpoint) => this.pacer.acquire(endpoint, this.tuning.maxPacerWaitMs),
      countRead: (posts) => this.budget.record(name, posts),
      ingest: (tweets, users, opts) => ingestBatch(this.ctx, name, tweets, users, opts, this.batchSize),
    }
  }
}
