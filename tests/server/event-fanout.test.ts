// The event stream keeps announcing changes after a quiet spell: a keep-alive tick that
// finds nothing to fan out once left the fan-out marked busy for good (an async function
// with no await runs its `finally` before its promise is stored), and from then on no
// stream heard of any change until the server restarted.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import type { Grievance } from '../../src/shared/grievance'
import { eventually, freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'
import { seedGrievance, TWEETS } from './seed'
import { openStream } from './sse-client'

let db: TestDatabase
let server: RunningServer
let g: Grievance

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db, { eventPingMs: 100 })
  g = await seedGrievance(server, TWEETS.cyber)
})
afterAll(async () => {
  await server?.close()
  await db?.drop()
})

it('announces a change made after keep-alive ticks that had nothing to announce', async () => {
  const officer = await loggedIn(server, 'officer.cyber')
  const stream = await openStream(server.url, officer.token!)
  await eventually(async () => stream.events.some((e) => e.type === 'hello'))
  // Several ticks with nothing new (each pings and kicks the fan-out).
  await new Promise((resolve) => setTimeout(resolve, 500))
  expect((await officer.act(g.id, g.version, { type: 'note', text: 'checking with the bank' })).status).toBe('applied')
  await eventually(async () => stream.events.some((e) => e.type === 'changes'))
  stream.close()
})
