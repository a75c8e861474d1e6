// The database as the leader's background work sees it: every transaction first proves
// the lease of the term that started the work is still held (and pins it until commit),
// so a deposed leader can neither claim a reply to post nor commit an ingested tweet.
// Single statements outside transactions pass through: the workers only use them for
// reads and for handing a claimed reply back to `pending`, which is safe from anyone.
import type { Database } from '../db/database'
import type { LeaseKeeper } from './lease'

export function fencedDatabase(db: Database, lease: LeaseKeeper, token: number): Database {
  return {
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    transaction: (fn) =>
      db.transaction(async (tx) => {
        await lease.assertHeld(tx, token)
        return fn(tx)
      }),
    // The workers never own the connection pool: closing is the server's business.
    close: () => Promise.resolve(),
  }
}
