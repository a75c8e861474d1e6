// One PGlite cluster per test run, migrated to the current schema and kept as a tarball:
// every embedded database the suites create (test servers, the CLI's and the end-to-end
// stacks' server processes, which inherit the environment) starts as a copy of it instead
// of running PostgreSQL's initdb and every migration again — the bulk of a server's
// start-up. The server still runs migrate() at start, which finds nothing left to apply;
// seeding (configuration, demo users) runs as always, since it depends on each test's
// options. src/server/db/pglite-worker.ts reads SEVA_PGLITE_TEMPLATE; vitest's and
// Playwright's global setup call this.
//
// The empty cluster (initdb only, no schema) is kept too, under SEVA_PGLITE_EMPTY_TEMPLATE:
// a test of the migrations themselves starts from it (withEmptyClusterTemplate).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { Database, Queryable, Row, SqlParam } from '../src/server/db/database'
import { migrate } from '../src/server/db/migrations'

export const PGLITE_TEMPLATE_ENV = 'SEVA_PGLITE_TEMPLATE'
export const PGLITE_EMPTY_TEMPLATE_ENV = 'SEVA_PGLITE_EMPTY_TEMPLATE'

/** The server's Database interface over one in-process PGlite: enough for migrate(). */
function asDatabase(db: PGlite): Database {
  const queryable = (q: Pick<PGlite, 'query'>): Queryable => ({
    query: async <T extends Row>(sql: string, params?: readonly SqlParam[]) =>
      (await q.query<T>(sql, params ? [...params] : [])).rows,
  })
  return {
    kind: 'pglite',
    ...queryable(db),
    transaction: (fn) => db.transaction((tx) => fn(queryable(tx))),
    close: () => db.close(),
  }
}

async function writeDump(db: PGlite, file: string): Promise<void> {
  const tarball = await db.dumpDataDir('none')
  writeFileSync(file, new Uint8Array(await tarball.arrayBuffer()))
}

/** Makes both templates and points the variables at them; the function returned removes them. */
export async function providePgliteTemplate(): Promise<() => void> {
  // Already made by whoever started this run: theirs to remove.
  if (process.env[PGLITE_TEMPLATE_ENV]) return () => undefined
  const dir = mkdtempSync(join(tmpdir(), 'seva-pglite-template-'))
  const empty = join(dir, 'empty.tar')
  const migrated = join(dir, 'migrated.tar')
  const db = new PGlite()
  await db.waitReady
  await writeDump(db, empty)
  await migrate(asDatabase(db))
  await writeDump(db, migrated)
  await db.close()
  process.env[PGLITE_EMPTY_TEMPLATE_ENV] = empty
  process.env[PGLITE_TEMPLATE_ENV] = migrated
  return () => {
    delete process.env[PGLITE_TEMPLATE_ENV]
    delete process.env[PGLITE_EMPTY_TEMPLATE_ENV]
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Runs open() with new embedded databases starting from the empty cluster, for a test whose
 * subject is the migrations. The worker reads the variable when it starts, so only the
 * databases opened inside open() are affected.
 */
export async function withEmptyClusterTemplate<T>(open: () => Promise<T>): Promise<T> {
  const migrated = process.env[PGLITE_TEMPLATE_ENV]
  const empty = process.env[PGLITE_EMPTY_TEMPLATE_ENV]
  if (empty) process.env[PGLITE_TEMPLATE_ENV] = empty
  else delete process.env[PGLITE_TEMPLATE_ENV]
  try {
    return await open()
  } finally {
    if (migrated !== undefined) process.env[PGLITE_TEMPLATE_ENV] = migrated
  }
}

/** The global setup of vitest and Playwright: both take the function returned as the teardown. */
export default providePgliteTemplate
