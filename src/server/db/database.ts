// One small database interface with two adapters (embedded PGlite, real PostgreSQL),
// so every query in the server is written once, in PostgreSQL dialect, and runs on both.
import { mkdirSync } from 'node:fs'
import pg from 'pg'
import { PgliteWorker } from './pglite-worker'

export type SqlScalar = string | number | boolean | null | Date
/** Arrays feed multi-row statements (`INSERT … SELECT * FROM unnest($1::text[], …)`), on both adapters. */
export type SqlParam = SqlScalar | readonly SqlScalar[]
export type Row = Record<string, unknown>

/** Column-major arrays of row-major values: the parameters of an `unnest($1::t[], …)`. */
export function transpose(rows: readonly (readonly SqlScalar[])[], width: number): SqlScalar[][] {
  const out: SqlScalar[][] = Array.from({ length: width }, () => [])
  for (const row of rows) for (let i = 0; i < width; i++) out[i]!.push(row[i] ?? null)
  return out
}

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs fn in one transaction: committed when fn resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** Resolves when the database answers within timeoutMs (health checks); cheap. */
  ping?(timeoutMs: number): Promise<void>
  close(): Promise<void>
}

/** A tiny FIFO mutex: PGlite has one connection, so we never let two callers interleave on it. */
class Mutex {
  private tail: Promise<void> = Promise.resolve()
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail
    let release!: () => void
    this.tail = new Promise<void>((resolve) => (release = resolve))
    await previous
    try {
      return await fn()
    } finally {
      release()
    }
  }
}

export interface DatabaseTimeouts {
  /** Longest a statement may take before its caller gets an error (default 15 s on PGlite, 30 s on PostgreSQL). */
  statementTimeoutMs?: number
}

/** Statements normally take milliseconds; one this slow means the database is in trouble. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000

/**
 * Embedded PostgreSQL (WASM) in a worker thread (pglite-worker.ts), so a hung engine
 * cannot freeze the server. dataDir undefined = in memory.
 */
export async function openPglite(dataDir?: string, timeouts: DatabaseTimeouts = {}): Promise<Database> {
  // PGlite creates only the last path segment; `.data/server` on a fresh checkout needs its parent.
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const statementMs = timeouts.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS
  const where = dataDir ? ` (data in ${dataDir})` : ''
  const worker = new PgliteWorker(
    dataDir,
    (message) =>
      new DatabaseUnavailableError(
        `Database unavailable: ${message}${where}. Is the disk full? Writes are refused until it answers again.`,
      ),
  )
  try {
    // Creating a database from scratch takes a while on a busy machine.
    await worker.open(Math.max(statementMs, 120_000))
  } catch (error) {
    await worker.close(1_000)
    throw error
  }
  const mutex = new Mutex()
  // A transaction whose ROLLBACK could not be sent (the engine was not answering).
  let rollbackOwed = false
  const run = <T extends Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> =>
    worker.query<T>(sql, params, statementMs)
  const settleOwedRollback = async (): Promise<void> => {
    if (!rollbackOwed) return
    await worker.exec('ROLLBACK', statementMs)
    rollbackOwed = false
  }
  return {
    kind: 'pglite',
    query: (sql, params) =>
      mutex.run(async () => {
        await settleOwedRollback()
        return run(sql, params)
      }),
    transaction: (fn) =>
      mutex.run(async () => {
        await settleOwedRollback()
        await worker.exec('BEGIN', statementMs)
        try {
          const value = await fn({ query: run })
          await worker.exec('COMMIT', statementMs)
          return value
        } catch (error) {
          await worker.exec('ROLLBACK', statementMs).catch(() => {
            rollbackOwed = true
          })
          throw error
        }
      }),
    ping: (timeoutMs) => worker.ping(timeoutMs),
    // Work in flight gets a moment to finish; a hung engine does not hold the exit.
    close: async () => {
      await Promise.race([
        mutex.run(() => Promise.resolve()),
        new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
      ])
      await worker.close(5_000)
    },
  }
}

// BIGINT (int8) as a JS number: our sequence numbers stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value))

export async function openPostgres(connectionString: string, timeouts: DatabaseTimeouts = {}): Promise<Database> {
  // A backstop (PostgreSQL itself answers a full disk with an error): room for heavy reads.
  const statementMs = timeouts.statementTimeoutMs ?? 2 * DEFAULT_STATEMENT_TIMEOUT_MS
  // A statement the server cannot finish (a full disk, a lock held forever) fails with
  // 57014 instead of holding its caller; a server that cannot be reached fails to connect.
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    statement_timeout: statementMs,
    query_timeout: statementMs + 5_000,
    connectionTimeoutMillis: 10_000,
  })
  // An idle client losing its connection must not crash the server.
  pool.on('error', (error) => console.error('[db] idle client error:', error.message))
  const client = await pool.connect()
  client.release()
  return {
    kind: 'postgres',
    query: async <T extends Row>(sql: string, params?: readonly SqlParam[]) =>
      (await pool.query<T>(sql, params ? [...params] : [])).rows,
    transaction: async (fn) => {
      const conn = await pool.connect()
      try {
        await conn.query('BEGIN')
        const value = await fn({
          query: async <T extends Row>(sql: string, params?: readonly SqlParam[]) =>
            (await conn.query<T>(sql, params ? [...params] : [])).rows,
        })
        await conn.query('COMMIT')
        return value
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        conn.release()
      }
    },
    ping: async (timeoutMs) => {
      await withTimeout(pool.query('SELECT 1'), timeoutMs, 'the database did not answer')
    },
    close: () => pool.end(),
  }
}

export async function openDatabase(
  opts: { databaseUrl?: string; dataDir?: string } & DatabaseTimeouts,
): Promise<Database> {
  const timeouts = opts.statementTimeoutMs !== undefined ? { statementTimeoutMs: opts.statementTimeoutMs } : {}
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, timeouts) : openPglite(opts.dataDir, timeouts)
}

/** The promise, or DatabaseUnavailableError once timeoutMs have passed without an answer. */
export function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError(`${what} within ${timeoutMs} ms`)), timeoutMs)
  })
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}

/** Every transaction that records a change takes this lock first, so change sequence
 * numbers commit in the order they were drawn and a reader never skips one. */
export const CHANGES_LOCK_KEY = 7_305_001
export const MIGRATIONS_LOCK_KEY = 7_305_000
/** NOTIFY channel announcing the newest change seq to every server instance. */
export const CHANGES_CHANNEL = 'seva_changes'

/**
 * Thrown when the database does not answer in time (a full disk, a hung embedded engine,
 * a lost connection): the caller gets a clear error at once instead of waiting forever.
 */
export class DatabaseUnavailableError extends Error {
  readonly code = 'SEVA_DB_UNAVAILABLE'
  constructor(message: string) {
    super(message)
    this.name = 'DatabaseUnavailableError'
  }
}

// SQLSTATE classes that say nothing about the data: the same statement may well succeed
// a moment later. 08 connection, 40 serialization failure and deadlock, 53 insufficient
// resources (disk full, out of memory, too many connections), 55P03 lock not available,
// 57 operator intervention (statement timeout, shutdown), 58 system error (I/O).
const TRANSIENT_SQLSTATE = /^(08|40|53|57|58)|^55P03$/
const TRANSIENT_NODE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOSPC'])
const TRANSIENT_MESSAGE =
  /connection terminated|connection (?:was )?closed|timeout exceeded when trying to connect|query read timeout|client has encountered a connection error|PGlite is closed|no space left on device/i

/**
 * Whether a database error is about the database's state rather than the data: worth
 * retrying, and never a reason to give up on what was being written.
 */
export function isTransientDbError(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NODE_CODES.has(code))) return true
  return TRANSIENT_MESSAGE.test(error.message)
}

export function writeTransaction<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGES_LOCK_KEY])
    return fn(tx)
  })
}
