// Embedded PostgreSQL (PGlite, WASM) in a worker thread. PGlite runs each statement
// synchronously: on a full disk it was seen spinning at 97% CPU inside one, and on the
// main thread that froze everything — /healthz, timers, even SIGTERM. In a worker the
// server stays responsive: every request has a deadline, a database that stops answering
// is reported at once (DatabaseUnavailableError) instead of queueing work forever, and
// close() terminates the thread if it will not stop.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Row, SqlParam } from './database'

/** Why the embedded database is not answering, for every error it causes. */
export type PgliteFailure = (message: string) => Error

interface Pending {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout | null
}

/**
 * The test suites start a few hundred databases, and creating one (PostgreSQL's initdb, in
 * WASM) is most of a server's start-up. They set SEVA_PGLITE_TEMPLATE to a tarball of a
 * cluster made once per run (PGlite's dumpDataDir, tests/pglite-template.ts: already migrated,
 * so migrate() at start finds nothing left to apply), and a new database starts as a copy of
 * it; seeding runs as always. Unset, as everywhere outside the tests, a new database is
 * created from scratch.
 */
const TEMPLATE_ENV = 'SEVA_PGLITE_TEMPLATE'

// Plain CommonJS, evaluated in the worker: no TypeScript loader is needed there.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')
const { PGlite } = require(workerData.pglitePath)
let db = null
parentPort.on('message', async ({ id, op, sql, params }) => {
  try {
    let value = null
    if (op === 'open') {
      const { dataDir, template } = workerData
      // Only a database that does not exist yet starts from the template.
      const fresh = !dataDir || !existsSync(join(dataDir, 'PG_VERSION'))
      const options = template && fresh ? { loadDataDir: new Blob([readFileSync(template)]) } : {}
      db = dataDir ? new PGlite(dataDir, options) : new PGlite(options)
      await db.waitReady
    } else if (op === 'query') value = (await db.query(sql, params)).rows
    else if (op === 'exec') await db.exec(sql)
    else if (op === 'close') await db.close()
    parentPort.postMessage({ id, value })
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error))
    parentPort.postMessage({ id, error: { message: e.message, name: e.name, code: e.code, detail: e.detail } })
  }
})
`

export class PgliteWorker {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private dead: Error | null = null
  /** Since when a request has gone unanswered past its deadline (0: answering). */
  private stuckSince = 0

  constructor(
    dataDir: string | undefined,
    private readonly failure: PgliteFailure,
  ) {
    const pglitePath = createRequire(import.meta.url).resolve('@electric-sql/pglite')
    const template = process.env[TEMPLATE_ENV] || undefined
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { pglitePath, dataDir, template } })
    // Requests in flight keep the process alive (their deadline timers); an idle database does not.
    this.worker.unref()
    this.worker.on('message', (message: { id: number; value?: unknown; error?: Record<string, unknown> }) =>
      this.settle(message),
    )
    this.worker.on('error', (error) => this.fail(failure(`the embedded database crashed: ${error.message}`)))
    this.worker.on('exit', (code) => this.fail(failure(`the embedded database stopped (exit code ${code})`)))
  }

  /** True while a request is overdue: new work fails at once instead of queueing behind it. */
  get stuck(): boolean {
    return this.stuckSince > 0
  }

  open(timeoutMs: number): Promise<void> {
    return this.request<void>('open', undefined, undefined, timeoutMs)
  }

  query<T extends Row>(sql: string, params: readonly SqlParam[] | undefined, timeoutMs: number): Promise<T[]> {
    return this.request<T[]>('query', sql, params ? [...params] : [], timeoutMs)
  }

  exec(sql: string, timeoutMs: number): Promise<void> {
    return this.request<void>('exec', sql, undefined, timeoutMs)
  }

  /** Answers when the worker is free to (it is blocked while PGlite runs a statement). */
  ping(timeoutMs: number): Promise<void> {
    return this.request<void>('ping', undefined, undefined, timeoutMs, true)
  }

  /** Closes PGlite; a worker that does not answer in time is terminated. */
  async close(timeoutMs: number): Promise<void> {
    if (!this.dead && !this.stuck) await this.request('close', undefined, undefined, timeoutMs).catch(() => undefined)
    this.dead ??= this.failure('the embedded database is closed')
    await this.worker.terminate()
  }

  private request<T>(
    op: string,
    sql: string | undefined,
    params: SqlParam[] | undefined,
    timeoutMs: number,
    probe = false,
  ): Promise<T> {
    if (this.dead) return Promise.reject(this.dead)
    if (this.stuck && !probe) {
      const seconds = Math.round((Date.now() - this.stuckSince) / 1000)
      return Promise.reject(this.failure(`the embedded database has not answered for ${seconds} s`))
    }
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      const timer =
        timeoutMs > 0
          ? setTimeout(() => {
              const entry = this.pending.get(id)
              if (!entry) return
              entry.timer = null
              // Still pending: its late answer (if any) clears the stuck state.
              if (!probe) this.stuckSince ||= Date.now()
              else this.pending.delete(id)
              reject(this.failure(`the embedded database did not answer within ${timeoutMs} ms`))
            }, timeoutMs)
          : null
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer })
      this.worker.postMessage({ id, op, sql, params })
    })
  }

  private settle(message: { id: number; value?: unknown; error?: Record<string, unknown> }): void {
    const entry = this.pending.get(message.id)
    if (!entry) return
    this.pending.delete(message.id)
    const late = entry.timer === null
    if (entry.timer) clearTimeout(entry.timer)
    if (late) {
      // An overdue request finally answered: the database is back (its caller has gone).
      if (![...this.pending.values()].some((p) => p.timer === null)) this.stuckSince = 0
      return
    }
    if (message.error) {
      const { message: text, ...fields } = message.error
      entry.reject(Object.assign(new Error(String(text)), fields))
    } else entry.resolve(message.value)
  }

  private fail(error: Error): void {
    this.dead ??= error
    for (const entry of this.pending.values()) {
      if (entry.timer) clearTimeout(entry.timer)
      entry.reject(error)
    }
    this.pending.clear()
  }
}
