// Leadership of the background work (ingestion + reply posting) among server instances
// sharing one PostgreSQL: a lease row with holder, fencing token and expiry, renewed
// every few seconds and taken over by another instance once it has expired.
//
// Why a lease row and not a session advisory lock: an advisory lock lives as long as its
// TCP connection, so a holder that hangs or is cut off by a network partition keeps it
// until TCP keep-alive gives up (minutes); a lease expires after `leaseMs` whatever
// happened to its holder, survives connection poolers in transaction mode, and its token
// can be checked inside any transaction (fencing) and read by an operator in a table.
// Time is always the database's now(), so the instances' clocks never need to agree.
import type { Database, Queryable } from '../db/database'

export const BACKGROUND_LEASE = 'background-work'

export class LeaseLostError extends Error {
  constructor(holder: string) {
    super(`instance ${holder} no longer holds the ${BACKGROUND_LEASE} lease`)
  }
}

export interface LeaseOptions {
  holder: string
  leaseMs: number
  name?: string
  log: (message: string) => void
  /** Called once per term, after the lease is won. */
  onAcquired: (token: number) => void
  /** Called once per term, as soon as the lease is known (or presumed) lost. */
  onLost: () => Promise<void>
}

export class LeaseKeeper {
  private readonly name: string
  private timer: NodeJS.Timeout | null = null
  private token: number | null = null
  /** Local deadline (epoch ms) of the current term: past it we stop, renewed or not. */
  private validUntil = 0
  private stopped = false
  private ticking: Promise<void> = Promise.resolve()

  constructor(
    private readonly db: Database,
    private readonly opts: LeaseOptions,
  ) {
    this.name = opts.name ?? BACKGROUND_LEASE
  }

  get isLeader(): boolean {
    return this.token !== null && Date.now() < this.validUntil
  }

  /** The fencing token of the current term, or null when not leader. */
  get currentToken(): number | null {
    return this.isLeader ? this.token : null
  }

  /** Renew at a third of the lease so two lost renewals still leave time for a third. */
  private get intervalMs(): number {
    return Math.max(50, Math.floor(this.opts.leaseMs / 3))
  }

  start(): Promise<void> {
    this.stopped = false
    return this.tick()
  }

  private tick(): Promise<void> {
    this.ticking = this.ticking.then(() => this.attempt())
    return this.ticking
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.tick()
    }, delayMs)
  }

  private async attempt(): Promise<void> {
    if (this.stopped) return
    // Measured before the request: the database's expiry is at least this late.
    const sentAt = Date.now()
    try {
      const [row] = await this.db.query<{ token: number }>(
        `INSERT INTO leases (name, holder, token, expires_at, acquired_at)
         VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond', now())
         ON CONFLICT (name) DO UPDATE SET
           holder = EXCLUDED.holder,
           token = CASE WHEN leases.holder = EXCLUDED.holder AND leases.expires_at > now()
                        THEN leases.token ELSE leases.token + 1 END,
           acquired_at = CASE WHEN leases.holder = EXCLUDED.holder AND leases.expires_at > now()
                        THEN leases.acquired_at ELSE now() END,
           expires_at = EXCLUDED.expires_at
         WHERE leases.holder = EXCLUDED.holder OR leases.expires_at <= now()
         RETURNING token`,
        [this.name, this.opts.holder, this.opts.leaseMs],
      )
      if (this.stopped) return
      if (row) {
        const token = Number(row.token)
        const wasLeader = this.isLeader && this.token === token
        this.validUntil = sentAt + this.opts.leaseMs
        if (!wasLeader) {
          if (this.token !== null) await this.lose('a new term began')
          this.token = token
          this.validUntil = sentAt + this.opts.leaseMs
          this.opts.log(`[cluster] ${this.opts.holder} is now the leader (lease token ${token})`)
          this.opts.onAcquired(token)
        }
      } else if (this.token !== null) {
        await this.lose('another instance holds the lease')
      }
    } catch (error) {
      this.opts.log(`[cluster] lease renewal failed: ${error instanceof Error ? error.message : String(error)}`)
      if (this.token !== null && Date.now() >= this.validUntil) await this.lose('renewal failed past the lease time')
    }
    // A leader also stops at its local deadline if renewals hang, without waiting for them.
    if (this.token !== null) this.armDeadline()
    this.schedule(this.token !== null ? this.intervalMs : Math.min(this.intervalMs, 500))
  }

  private deadline: NodeJS.Timeout | null = null
  private armDeadline(): void {
    if (this.deadline) clearTimeout(this.deadline)
    this.deadline = setTimeout(
      () => {
        this.deadline = null
        if (this.token !== null && Date.now() >= this.validUntil) void this.lose('lease time passed without renewal')
      },
      Math.max(0, this.validUntil - Date.now()) + 1,
    )
  }

  private async lose(why: string): Promise<void> {
    if (this.token === null) return
    this.opts.log(`[cluster] ${this.opts.holder} stops leading: ${why}`)
    this.token = null
    this.validUntil = 0
    if (this.deadline) clearTimeout(this.deadline)
    this.deadline = null
    await this.opts.onLost()
  }

  /**
   * Inside a transaction: proves this instance still holds the lease of the given term and
   * keeps it from being taken over until the transaction ends (FOR SHARE blocks the
   * takeover's UPDATE), so whatever commits here committed under a valid lease.
   */
  async assertHeld(tx: Queryable, token: number): Promise<void> {
    const rows = await tx.query(
      `SELECT 1 FROM leases WHERE name = $1 AND holder = $2 AND token = $3 AND expires_at > now() FOR SHARE`,
      [this.name, this.opts.holder, token],
    )
    if (rows.length === 0) {
      void this.lose('fencing check failed')
      throw new LeaseLostError(this.opts.holder)
    }
  }

  /** Graceful stop: background work ends first, then the lease is handed back at once. */
  async stop(release = true): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.ticking.catch(() => undefined)
    const held = this.token
    await this.lose('shutting down')
    if (release && held !== null) {
      await this.db
        .query(`UPDATE leases SET expires_at = now() WHERE name = $1 AND holder = $2 AND token = $3`, [
          this.name,
          this.opts.holder,
          held,
        ])
        .catch((error: unknown) => this.opts.log(`[cluster] releasing the lease failed: ${String(error)}`))
    }
  }

  /** Test hook: forget everything without releasing, as a dead process would. */
  abandon(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    if (this.deadline) clearTimeout(this.deadline)
    this.timer = null
    this.deadline = null
    this.token = null
    this.validUntil = 0
  }
}
