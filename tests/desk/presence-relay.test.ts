// The desk core against a real server: presence.set reaches the server, the others'
// presence comes back as desk events, and a colleague's change still reaches the desk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureUser } from '../../src/server/auth'
import type { RunningServer } from '../../src/server/index'
import type { DeskCore } from '../../src/main/desk/index'
import type { DeskEvent } from '../../src/shared/desk-api'
import type { Grievance } from '../../src/shared/grievance'
import { freshDatabase, loggedIn, PASSWORD, startTestServer, type TestDatabase } from '../server/helpers'
import { seedGrievance, TWEETS } from '../server/seed'
import { FAST_TIMING, startCore, tempDir, waitFor } from './helpers'

let db: TestDatabase
let server: RunningServer
let g: Grievance
let data: { dir: string; remove: () => Promise<void> }
let core: DeskCore
let events: DeskEvent[]

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db)
  await ensureUser(server.db, {
    username: 'officer.cyber.2',
    displayName: 'Meera Iyer',
    role: 'officer',
    divisions: ['cyber'],
    languages: ['en'],
    password: PASSWORD,
  })
  g = await seedGrievance(server, TWEETS.cyber)
  data = await tempDir()
  const started = startCore({ dataDir: data.dir, serverUrl: server.url, timing: FAST_TIMING })
  core = started.core
  events = started.events
  await core.handle('session.login', { username: 'officer.cyber', password: PASSWORD })
  await waitFor(async () => (await core.handle('grievances.list', {})).length === 1, 'the grievance')
})
afterAll(async () => {
  await core?.close()
  await server?.close()
  await db?.drop()
  await data?.remove()
})

const presenceOf = (id: string) =>
  events.filter((e): e is Extract<DeskEvent, { type: 'presence' }> => e.type === 'presence' && e.grievanceId === id)

describe('desk presence', () => {
  it("relays a colleague's presence from the event stream, and still pulls the colleague's changes", async () => {
    await core.handle('presence.set', { grievanceId: g.id, state: 'viewing' })
    await waitFor(async () => presenceOf(g.id).length > 0, 'the answer to presence.set')
    const meera = await loggedIn(server, 'officer.cyber.2')
    await meera.request('POST', '/api/v1/presence', { grievanceId: g.id, state: 'replying' })
    await waitFor(async () => presenceOf(g.id).at(-1)?.users[0]?.state === 'replying', "Meera's presence")
    expect(presenceOf(g.id).at(-1)!.users).toMatchObject([{ username: 'officer.cyber.2', displayName: 'Meera Iyer' }])
    expect((await meera.act(g.id, g.version, { type: 'note', text: 'calling the bank' })).status).toBe('applied')
    await waitFor(
      async () => (await core.handle('grievances.get', { id: g.id }))?.thread.some((e) => e.kind === 'note'),
      "Meera's note",
    )
  })
})
