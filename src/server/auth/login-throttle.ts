// Failed sign-ins slow the next ones down: per account and per client address, after a
// free allowance each further attempt waits 1 s, 2 s, 4 s … up to a cap (temporary
// lockout with exponential backoff). The counters live in the database, so every
// instance on one PostgreSQL enforces the same lockout, and the check runs before the
// password hash, so a flood costs a couple of indexed statements per request, not scrypt.
//
// An attempt is admitted (counted) atomically before its password is checked, under a
// row lock: a burst of parallel guesses gets exactly the allowance through, not however
// many arrived before the first failure was written. A success takes its own count
// back, so only failures remain counted.
import type { Database, Queryable } from '../db/database'

export interface LoginThrottlePolicy {
  /** Failures of one account allowed before lockouts start. */
  accountFailures: number
  /** Failures from one client address (any accounts) allowed before lockouts start. Higher
   * than accountFailures, so one flooded account does not lock out colleagues behind the
   * same address (an office NAT), while spraying many accounts from one address is caught. */
  addressFailures: number
  /** Lockout after the allowance is used up; doubles with each further failure. */
  firstLockMs: number
  maxLockMs: number
  /** A counter with no attempt (and no lockout) for this long starts again from zero. */
  forgetAfterMs: number
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  accountFailures: 5,
  addressFailures: 50,
  firstLockMs: 1_000,
  maxLockMs: 15 * 60_000,
  forgetAfterMs: 15 * 60_000,
}

export type Admission =
  | { admitted: true; accountFailures: number; lockedForMs: number }
  | { admitted: false; retryAfterMs: number; lockedBy: 'account' | 'address' }

interface ThrottleRow {
  [key: string]: unknown
  failures: number
  locked_until: Date | string | null
  last_attempt_at: Date | string
  now: Date | string
}

export function accountKey(username: string): string {
  return `account:${username}`
}

/**
 * The key of a client address: IPv4 as is, IPv6 by its /64 (one subscriber's allocation,
 * which an attacker can rotate through freely); IPv4-mapped IPv6 is IPv4.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) return `address:${mapped[1]}`
  if (!ip.includes(':')) return `address:${ip}`
  const [head = '', tail = ''] = ip.split('%')[0]!.toLowerCase().split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = ip.includes('::') && tail ? tail.split(':') : []
  const groups = ip.includes('::')
    ? [...headGroups, ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups]
    : headGroups
  return `address:${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

function lockMs(policy: LoginThrottlePolicy, failures: number, allowance: number): number {
  if (failures < allowance) return 0
  const doublings = Math.min(failures - allowance, 30)
  return Math.min(policy.maxLockMs, policy.firstLockMs * 2 ** doublings)
}

interface Counter {
  key: string
  allowance: number
  /** Milliseconds until the current lockout ends; 0 when not locked. */
  lockedForMs: number
  /** Failures counted so far (0 when forgotten). */
  failures: number
}

/** Reads (and row-locks until commit) one counter. */
async function readCounter(
  tx: Queryable,
  key: string,
  allowance: number,
  policy: LoginThrottlePolicy,
): Promise<Counter> {
  await tx.query('INSERT INTO login_throttle (key, failures) VALUES ($1, 0) ON CONFLICT (key) DO NOTHING', [key])
  const [row] = await tx.query<ThrottleRow>(
    // The clock, not now(): a transaction that waited for the row lock must not read the time it started.
    'SELECT failures, locked_until, last_attempt_at, clock_timestamp() AS now FROM login_throttle WHERE key = $1 FOR UPDATE',
    [key],
  )
  const now = new Date(row!.now).getTime()
  const lockedUntil = row!.locked_until === null ? 0 : new Date(row!.locked_until).getTime()
  const quietSince = Math.max(new Date(row!.last_attempt_at).getTime(), lockedUntil)
  return {
    key,
    allowance,
    lockedForMs: Math.max(0, lockedUntil - now),
    failures: now - quietSince > policy.forgetAfterMs ? 0 : Number(row!.failures),
  }
}

/** Counts one more attempt; returns the lockout it starts (0: none yet). */
async function bump(tx: Queryable, counter: Counter, policy: LoginThrottlePolicy): Promise<number> {
  const failures = counter.failures + 1
  const lockedForMs = lockMs(policy, failures, counter.allowance)
  await tx.query(
    `UPDATE login_throttle SET failures = $2, last_attempt_at = clock_timestamp(),
       locked_until = CASE WHEN $3::float8 > 0 THEN clock_timestamp() + make_interval(secs => $3::float8 / 1000) END
     WHERE key = $1`,
    [counter.key, failures, lockedForMs],
  )
  return lockedForMs
}

/** How long this instance trusts a lockout it heard from the database without asking again. */
const REMEMBER_LOCKOUT_MS = 1_000

/**
 * This instance's memory of lockouts the database has answered with, so the rest of a
 * flood is refused without a query: it only ever refuses (the database alone admits), and
 * an entry lasts at most a second, so a lockout lifted elsewhere (a success on another
 * instance, an administrator) holds here no longer than that.
 */
export class KnownLockouts {
  private readonly until = new Map<string, number>()

  constructor(private readonly now: () => number = Date.now) {}

  remainingMs(key: string): number {
    const until = this.until.get(key)
    if (until === undefined) return 0
    const left = until - this.now()
    if (left <= 0) this.until.delete(key)
    return Math.max(0, left)
  }

  remember(key: string, forMs: number): void {
    // Bounded by what the database locked, which takes real failures; still, never grow without end.
    if (this.until.size >= 10_000) for (const k of [...this.until.keys()]) this.remainingMs(k)
    this.until.set(key, this.now() + Math.min(forMs, REMEMBER_LOCKOUT_MS))
  }

  forget(key: string): void {
    this.until.delete(key)
  }
}

/** Counts the attempt against the account and the address, unless either is locked out now. */
export async function admitAttempt(
  db: Database,
  username: string,
  ip: string,
  policy: LoginThrottlePolicy,
  known: KnownLockouts = new KnownLockouts(),
): Promise<Admission> {
  const keys = { account: accountKey(username), address: addressKey(ip) }
  for (const lockedBy of ['account', 'address'] as const) {
    const retryAfterMs = known.remainingMs(keys[lockedBy])
    if (retryAfterMs > 0) return { admitted: false, retryAfterMs, lockedBy }
  }
  const admission = await db.transaction(async (tx): Promise<Admission> => {
    const account = await readCounter(tx, keys.account, policy.accountFailures, policy)
    if (account.lockedForMs > 0) return { admitted: false, retryAfterMs: account.lockedForMs, lockedBy: 'account' }
    const address = await readCounter(tx, keys.address, policy.addressFailures, policy)
    if (address.lockedForMs > 0) return { admitted: false, retryAfterMs: address.lockedForMs, lockedBy: 'address' }
    const lockedForMs = Math.max(await bump(tx, account, policy), await bump(tx, address, policy))
    return { admitted: true, accountFailures: account.failures + 1, lockedForMs }
  })
  if (!admission.admitted) known.remember(keys[admission.lockedBy], admission.retryAfterMs)
  return admission
}

/** A successful sign-in: the account starts afresh; the address gets this attempt's count back. */
export async function recordSuccess(
  db: Database,
  username: string,
  ip: string,
  policy: LoginThrottlePolicy,
  known?: KnownLockouts,
): Promise<void> {
  known?.forget(accountKey(username))
  known?.forget(addressKey(ip))
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM login_throttle WHERE key = $1', [accountKey(username)])
    await tx.query(
      `UPDATE login_throttle SET failures = greatest(failures - 1, 0),
         locked_until = CASE WHEN failures - 1 >= $2 THEN locked_until END
       WHERE key = $1`,
      [addressKey(ip), policy.addressFailures],
    )
  })
}

/** Forgets counters that have been quiet (and unlocked) for forgetAfterMs; returns how many. */
export async function pruneLoginThrottle(db: Queryable, policy: LoginThrottlePolicy): Promise<number> {
  const rows = await db.query(
    `DELETE FROM login_throttle
     WHERE greatest(last_attempt_at, coalesce(locked_until, last_attempt_at)) < now() - make_interval(secs => $1::float8 / 1000)
     RETURNING key`,
    [policy.forgetAfterMs],
  )
  return rows.length
}
