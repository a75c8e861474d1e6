// A public reply goes out exactly as the shared reply rules shape it, and never with
// anything shaped like an Aadhaar number or a PAN in it (a mistyped Aadhaar is still
// personal data).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import type { Grievance } from '../../src/shared/grievance'
import { replyAsPosted } from '../../src/shared/text'
import { freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'
import { seedGrievance, TWEETS } from './seed'

let db: TestDatabase
let server: RunningServer

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db)
})
afterAll(async () => {
  await server?.close()
  await db?.drop()
})

describe('reply guard', () => {
  it('refuses a reply with a PAN, a Verhoeff-failing Aadhaar or a bare 12-digit Aadhaar, and saves nothing', async () => {
    const g: Grievance = await seedGrievance(server, TWEETS.visa)
    const officer = await loggedIn(server, 'officer.foreigners')
    for (const text of [
      'Your PAN ABCDE1234F has been noted.',
      'Your Aadhaar 2345 6789 0123 has been noted.',
      'Your Aadhaar 234567890123 has been noted.',
    ]) {
      const result = await officer.act(g.id, g.version, { type: 'reply', text })
      expect(result).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/PAN|Aadhaar/) })
    }
    const { changes } = await officer.changes()
    const now = changes.flatMap((c) => (c.kind === 'upsert' && c.grievance.id === g.id ? [c.grievance] : []))
    expect(now).toHaveLength(1)
    expect(now[0]!.thread.filter((e) => e.kind === 'reply')).toEqual([])
  })

  it('posts a reply just under 280 as a thread whose every part has words, the reference on the last', async () => {
    const g = await seedGrievance(server, TWEETS.visa)
    const officer = await loggedIn(server, 'officer.foreigners')
    const text = 'Your visa extension request has been examined by the division. '.repeat(5).slice(0, 272).trim()
    const result = await officer.act(g.id, g.version, { type: 'reply', text })
    expect(result.status).toBe('applied')
    const { changes } = await officer.changes()
    const after = changes.flatMap((c) => (c.kind === 'upsert' && c.grievance.id === g.id ? [c.grievance] : []))
    const posted = after
      .at(-1)!
      .thread.filter((e) => e.kind === 'reply')
      .map((e) => e.text)
    const expected = replyAsPosted(text, {
      ticket: g.ticket,
      name: g.source.authorUsername,
      division: 'Foreigners & Immigration (Visa, OCI, FRRO)',
    })
    expect(posted).toEqual(expected)
    expect(posted).toHaveLength(2)
    expect(posted[1]).toMatch(new RegExp(`^2/2 \\S+.* \\(Ref: ${g.ticket}\\)$`))
  })
})
