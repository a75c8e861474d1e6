// The leadership lease and the change bus on PostgreSQL: one holder at a time, takeover
// after expiry with a new fencing token, a deposed holder's transactions refused, a
// graceful stop handing the lease over at once, and a change listener that reconnects.
// On PGlite the instance always leads (checked through /healthz).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, writeTransaction, type Database } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrations'
import { ChangeNotifier } from '../../src/server/context'
import { fencedDatabase, LeaseKeeper, LeaseLostError, PgChangeListener } from '../../src/server/cluster'
import { eventually, freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'

const hasPostgres = Boolean(process.env.DATABASE_URL)
if (!hasPostgres) console.log('[cluster] lease tests on PostgreSQL not run: needs DATABASE_URL (PostgreSQL)')

describe('on PGlite', () => {
  it('an instance is always the leader and says so in /healthz', async () => {
    const server = await startTestServer(
      { databaseUrl: undefined, drop: async () => undefined },
      { instanceId: 'solo' },
    )
    try {
      // The details are for supervisors and admins only.
      const supervisor = await loggedIn(server, 'supervisor')
      const health = (await supervisor.request('GET', '/healthz')).body as Record<string, unknown>
      expect(health).toMatchObject({ instanceId: 'solo', leader: true, db: 'pglite' })
      expect(server.isLeader()).toBe(true)
    } finally {
      await server.close()
    }
  })
})

describe.skipIf(!hasPostgres)('on PostgreSQL', () => {
  let test: TestDatabase
  let db: Database
  const keepers: LeaseKeeper[] = []

  beforeAll(async () => {
    test = await freshDatabase()
    db = await openDatabase({ databaseUrl: test.databaseUrl! })
    await migrate(db)
  })
  afterAll(async () => {
    for (const k of keepers) await k.stop(false)
    await db?.close()
    await test?.drop()
  })

  function keeper(holder: string, leaseMs: number, events: string[]): LeaseKeeper {
    const k = new LeaseKeeper(db, {
      holder,
      leaseMs,
      log: () => undefined,
      onAcquired: (token) => events.push(`${holder} acquired ${token}`),
      onLost: async () => {
        events.push(`${holder} lost`)
      },
    })
    keepers.push(k)
    return k
  }

  it('one holder at a time; an abandoned lease is taken over with a new token and the old term is fenced off', async () => {
    const events: string[] = []
    const a = keeper('a', 600, events)
    const b = keeper('b', 600, events)
    await a.start()
    await b.start()
    expect(a.isLeader).toBe(true)
    expect(b.isLeader).toBe(false)
    const oldToken = a.currentToken!
    const fencedA = fencedDatabase(db, a, oldToken)
    expect(await fencedA.transaction(async (tx) => (await tx.query('SELECT 1 AS one'))[0])).toEqual({ one: 1 })

    const abandonedAt = Date.now()
    a.abandon()
    await eventually(async () => b.isLeader, 3_000)
    expect(Date.now() - abandonedAt).toBeLessThan(600 + 600)
    expect(b.currentToken).toBe(oldToken + 1)
    // The deposed term can commit nothing any more.
    await expect(fencedA.transaction(async (tx) => tx.query('SELECT 1'))).rejects.toBeInstanceOf(LeaseLostError)
    await expect(
      writeTransaction(fencedDatabase(db, b, b.currentToken!), async (tx) => tx.query('SELECT 1')),
    ).resolves.toHaveLength(1)
    expect(events).toEqual(['a acquired 1', 'b acquired 2'])
  })

  it('a graceful stop hands the lease over at once, and a holder whose lease was taken notices', async () => {
    const events: string[] = []
    for (const k of keepers.splice(0)) await k.stop(true)
    const c = keeper('c', 5_000, events)
    const d = keeper('d', 5_000, events)
    await c.start()
    expect(c.isLeader).toBe(true)
    await d.start()
    expect(d.isLeader).toBe(false)
    await c.stop(true)
    expect(events).toContain('c lost')
    // d's next attempt (at most 500 ms away while following) wins without waiting 5 s.
    await eventually(async () => d.isLeader, 1_500)

    // Someone else's takeover (an expired lease moved under d's feet) ends d's term.
    await db.query(`UPDATE leases SET holder = 'intruder', token = token + 1, expires_at = now() + interval '1 minute'`)
    await expect(fencedDatabase(db, d, d.currentToken!).transaction(async () => 1)).rejects.toBeInstanceOf(
      LeaseLostError,
    )
    await eventually(async () => events.includes('d lost'), 3_000)
    expect(d.isLeader).toBe(false)
  })

  it('delivers committed changes through LISTEN/NOTIFY and reconnects when its connection drops', async () => {
    const changes = new ChangeNotifier()
    const seen: number[] = []
    changes.on('changes', (seq: number) => seen.push(seq))
    const listener = new PgChangeListener({
      databaseUrl: test.databaseUrl!,
      changes,
      log: () => undefined,
      retryMs: 50,
    })
    await listener.ready
    try {
      await db.query(`SELECT pg_notify('seva_changes', '41')`)
      await eventually(async () => seen.includes(41), 2_000)
      listener.dropConnection()
      await eventually(async () => !listener.connected, 2_000)
      await eventually(async () => listener.connected, 3_000)
      await db.query(`SELECT pg_notify('seva_changes', '42')`)
      await eventually(async () => seen.includes(42), 2_000)
    } finally {
      await listener.close()
    }
  })
})
