// Migrations: applied once, in order, even when two servers start at the same time.
// On PGlite the database starts from the empty cluster, not the suites' migrated template.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../src/server/db/database'
import { MIGRATIONS, migrate } from '../../src/server/db/migrations'
import { withEmptyClusterTemplate } from '../pglite-template'
import { freshDatabase, type TestDatabase } from './helpers'

let test: TestDatabase
const opened: Database[] = []

beforeAll(async () => {
  test = await freshDatabase()
})
afterAll(async () => {
  for (const db of opened) await db.close()
  await test.drop()
})

it('applies each migration exactly once when two servers migrate concurrently', async () => {
  const open = async (): Promise<Database> => {
    const db = await withEmptyClusterTemplate(() =>
      openDatabase(test.databaseUrl ? { databaseUrl: test.databaseUrl } : {}),
    )
    opened.push(db)
    return db
  }
  // PostgreSQL: two pools racing on the advisory lock. PGlite: one embedded database,
  // two concurrent callers serialised by its connection mutex.
  const first = await open()
  const second = test.databaseUrl ? await open() : first
  const results = await Promise.all([migrate(first), migrate(second)])
  const all = MIGRATIONS.map((m) => m.version)
  expect(results.map((r) => r.length).sort()).toEqual([0, all.length])
  const rows = await first.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
  expect(rows.map((r) => r.version)).toEqual(all)
  const tables = await first.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
  )
  expect(tables.map((t) => t.name)).toEqual(
    expect.arrayContaining(['grievances', 'changes', 'reply_outbox', 'users', 'sessions', 'ignored_tweets']),
  )
})
