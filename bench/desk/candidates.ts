// The stores the desk bench compares, behind the few operations the desk does with its
// cache: apply a changes page, read one grievance, write one server copy, answer the queue.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { JSONFile } from 'lowdb/node'
import type { Grievance } from '../../src/shared/grievance'
import type { Change } from '../../src/shared/protocol'
import { GrievanceCache, emptyCache } from '../../src/main/desk/desk-files'
import { LogGrievanceStore } from '../../src/main/desk/grievance-store'
import { queueRow } from '../../src/main/desk/grievance-store/queue-row'
import { JsonStore } from '../../src/main/desk/json-store'
import { applyChangesPage, upsertNewer } from '../../src/main/desk/sync-engine'

export type CandidateKind = 'json' | 'log' | 'sqlite'

export interface Candidate {
  applyPage(changes: Change[], last: number, at: string): Promise<void>
  get(id: string): Promise<Grievance | null>
  /** One server copy, durable when it resolves (what settling an action writes). */
  put(grievance: Grievance): Promise<void>
  /** The first queue answer: every cached grievance's row. Returns how many. */
  listAll(): Promise<number>
  /** Background work (checkpoints, compaction) finished. */
  idle(): Promise<void>
  close(): Promise<void>
}

export const CANDIDATE_LABEL: Record<CandidateKind, string> = {
  json: 'whole-file JSON (today)',
  log: 'log-structured JSONL',
  sqlite: 'better-sqlite3 (WAL)',
}

export async function openCandidate(kind: CandidateKind, dir: string): Promise<Candidate> {
  if (kind === 'json') return openJson(dir)
  if (kind === 'log') return openLog(dir)
  return openSqlite(dir)
}

async function openJson(dir: string): Promise<Candidate> {
  const file = join(dir, 'grievances.json')
  const { store } = await JsonStore.open({
    file,
    adapter: new JSONFile<GrievanceCache>(file),
    schema: GrievanceCache,
    defaultData: () => emptyCache(),
    clock: () => new Date(),
  })
  return {
    applyPage: async (changes, last, at) => {
      await store.update((current) => applyChangesPage(current, changes, last, at))
    },
    get: (id) => Promise.resolve(store.data.grievances[id] ?? null),
    put: async (g) => {
      await store.update((current) => ({ ...current, grievances: upsertNewer(current.grievances, [g]) }))
    },
    listAll: () => Promise.resolve(Object.values(store.data.grievances).length),
    idle: () => store.flush(),
    close: () => store.flush(),
  }
}

async function openLog(dir: string): Promise<Candidate> {
  const { store } = await LogGrievanceStore.open({ dir: join(dir, 'grievances') })
  return {
    applyPage: async (changes, last, at) => {
      await store.applyChangesPage(changes, last, at)
    },
    get: (id) => store.get(id),
    put: async (g) => {
      await store.upsertNewer([g])
    },
    listAll: () => Promise.resolve(store.rows().length),
    idle: () => store.idle(),
    close: () => store.close(),
  }
}

interface SqliteStatement {
  run(...params: unknown[]): unknown
  get(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
}
interface SqliteDatabase {
  pragma(source: string): unknown
  exec(source: string): unknown
  prepare(source: string): SqliteStatement
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void
  close(): void
}

/**
 * better-sqlite3 is not a dependency (a native module that Electron needs rebuilt for
 * its ABI): the bench loads it from DESK_BENCH_SQLITE_DIR (a folder where
 * `npm install better-sqlite3@12` was run) or from the project if someone installed it.
 */
export function loadSqlite(): ((file: string) => SqliteDatabase) | null {
  const from = process.env.DESK_BENCH_SQLITE_DIR
  const base = from ? join(from, 'package.json') : join(process.cwd(), 'package.json')
  if (from && !existsSync(join(from, 'node_modules', 'better-sqlite3'))) return null
  try {
    return createRequire(base)('better-sqlite3') as (file: string) => SqliteDatabase
  } catch {
    return null
  }
}

async function openSqlite(dir: string): Promise<Candidate> {
  const Database = loadSqlite()
  if (!Database) throw new Error('better-sqlite3 is not installed (set DESK_BENCH_SQLITE_DIR)')
  const db = Database(join(dir, 'grievances.sqlite'))
  db.pragma('journal_mode = WAL')
  // FULL: every commit fsyncs the WAL, the same promise the log store makes per batch.
  db.pragma('synchronous = FULL')
  db.exec(
    'CREATE TABLE IF NOT EXISTS g (id TEXT PRIMARY KEY, version INTEGER NOT NULL, row TEXT NOT NULL, doc TEXT NOT NULL);' +
      'CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);',
  )
  const upsert = db.prepare(
    'INSERT INTO g (id, version, row, doc) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET ' +
      'version = excluded.version, row = excluded.row, doc = excluded.doc WHERE excluded.version >= g.version',
  )
  const remove = db.prepare('DELETE FROM g WHERE id = ?')
  const setMeta = db.prepare('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v')
  const getDoc = db.prepare('SELECT doc FROM g WHERE id = ?')
  const allRows = db.prepare('SELECT row FROM g')
  const writeUpsert = (g: Grievance): void => {
    upsert.run(g.id, g.version, JSON.stringify(queueRow(g)), JSON.stringify(g))
  }
  const page = db.transaction((changes: Change[], last: number, at: string) => {
    for (const c of changes) {
      if (c.kind === 'upsert') writeUpsert(c.grievance)
      else remove.run(c.id)
    }
    setMeta.run('cursor', String(last))
    setMeta.run('lastSyncedAt', at)
  })
  const one = db.transaction((g: Grievance) => writeUpsert(g))
  return {
    applyPage: (changes, last, at) => Promise.resolve(page(changes, last, at)),
    get: (id) => {
      const hit = getDoc.get(id) as { doc: string } | undefined
      return Promise.resolve(hit ? (JSON.parse(hit.doc) as Grievance) : null)
    },
    put: (g) => Promise.resolve(one(g)),
    listAll: () =>
      Promise.resolve((allRows.all() as { row: string }[]).map((r) => JSON.parse(r.row) as unknown).length),
    idle: () => Promise.resolve(),
    close: () => Promise.resolve(db.close()),
  }
}
