// Writing straight into the e2e stack's server database: the server is stopped for it
// (PGlite has one writer) and started again after. For what no screen or route makes:
// a second officer of a division, thousands of seeded grievances.
import { ensureUser, type NewUser } from '../../src/server/auth'
import { openDatabase, type Database } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrations'
import type { Stack } from './stack'

export async function withServerDatabase<T>(stack: Stack, work: (db: Database) => Promise<T>): Promise<T> {
  await stack.stopServer()
  const db = await openDatabase({ dataDir: stack.serverDataDir })
  try {
    await migrate(db)
    return await work(db)
  } finally {
    await db.close()
    await stack.startServer()
  }
}

/** Adds staff members (officers of a division beside the demo ones, say). */
export function addStaff(stack: Stack, ...users: NewUser[]): Promise<void> {
  return withServerDatabase(stack, async (db) => {
    for (const user of users) await ensureUser(db, user)
  })
}
