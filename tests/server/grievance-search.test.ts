// The staff search of grievances (issue 13, item 4): what a desk no longer caches is found
// on the server by ticket, words (Hindi and English, folded as the desk folds them) or
// handle, within the user's scope, newest first and paged; one grievance is fetched whole.
import { describe, expect, it } from 'vitest'
import type { Grievance } from '../../src/shared/grievance'
import { GRIEVANCE_SEARCH_LIMITS, type GrievanceSearchResponse } from '../../src/shared/grievance-search'
import { LIMITS } from '../../src/shared/limits'
import { writeGrievances } from '../../src/server/grievances'
import { backfillSearchRows, searchWordsOf } from '../../src/server/search'
import { makeGrievance } from '../desk/mock-sync-server'
import { ApiClient, loggedIn, useServerWithAdmin } from './helpers'

const stack = useServerWithAdmin()

function old(n: number, overrides: Partial<Grievance> & { text?: string; author?: string } = {}): Grievance {
  const { text, author, ...rest } = overrides
  const base = makeGrievance(`srch-${n}`, { ticket: `MHA-25-${String(900_000 + n).padStart(6, '0')}` })
  const at = new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString()
  return {
    ...base,
    source: {
      ...base.source,
      tweetId: `srch-t-${n}`,
      conversationId: `srch-t-${n}`,
      text: text ?? base.source.text,
      authorUsername: author ?? base.source.authorUsername,
      createdAt: at,
    },
    thread: [{ id: `srch-c-${n}`, kind: 'citizen', text: text ?? base.source.text, at, by: 'citizen' }],
    status: 'resolved',
    createdAt: at,
    updatedAt: at,
    ...rest,
  }
}

const CORPUS: Grievance[] = [
  old(1, { text: '@HMOIndia my passport verification is pending for three months', division: 'cyber' }),
  old(2, { text: '@HMOIndia मेरा वीज़ा आवेदन लंबित है', division: 'foreigners' }),
  old(3, { text: '@CyberDost UPI fraud of 50000, please help', division: 'cyber', author: 'ravi_kumar' }),
  old(4, { text: '@CyberDost passport office cyber complaint', division: 'police', assignee: 'officer.cyber' }),
  old(5, { text: '@CyberDost PNR 4512345678 refund pending, ref 123456789012345678901234', division: 'cyber' }),
  ...Array.from({ length: 25 }, (_, i) =>
    old(10 + i, { text: `@CyberDost paging complaint number ${i}`, division: 'cyber' }),
  ),
]

let seeded = false
async function seed(): Promise<void> {
  if (seeded) return
  seeded = true
  await stack.server.db.transaction((tx) =>
    writeGrievances(
      tx,
      CORPUS.map((after) => ({ before: null, after })),
    ),
  )
}

async function search(client: ApiClient, query: Record<string, string>) {
  const res = await client.request('GET', `/api/v1/grievances/search?${new URLSearchParams(query)}`)
  return { status: res.status, body: res.body as GrievanceSearchResponse & { error?: string } }
}

const tickets = (body: GrievanceSearchResponse) => body.grievances.map((g) => g.ticket)

describe('GET /api/v1/grievances/search', () => {
  it('finds a ticket exactly, however it is typed, with what a list needs and no more', async () => {
    await seed()
    const { status, body } = await search(stack.admin, { q: 'mha-25-900001' })
    expect(status).toBe(200)
    expect(body.grievances).toEqual([
      {
        id: 'srch-1',
        ticket: 'MHA-25-900001',
        status: 'resolved',
        division: 'cyber',
        assignee: null,
        openedAt: CORPUS[0]!.createdAt,
        excerpt: CORPUS[0]!.source.text,
      },
    ])
    expect(body.hasMore).toBe(false)
    // A ticket that is a prefix of others is still only itself.
    expect(tickets((await search(stack.admin, { q: 'MHA-25-900010' })).body)).toEqual(['MHA-25-900010'])
  })

  it('matches words folded as the desk folds them: Hindi without the nukta, handles, every word', async () => {
    await seed()
    expect(tickets((await search(stack.admin, { q: 'वीजा' })).body)).toEqual(['MHA-25-900002'])
    expect(tickets((await search(stack.admin, { q: '@ravi_kumar' })).body)).toEqual(['MHA-25-900003'])
    // Newest first; both words must be there.
    expect(tickets((await search(stack.admin, { q: 'passport' })).body)).toEqual(['MHA-25-900004', 'MHA-25-900001'])
    expect(tickets((await search(stack.admin, { q: 'passport verification' })).body)).toEqual(['MHA-25-900001'])
    expect(tickets((await search(stack.admin, { q: 'passport nowhere' })).body)).toEqual([])
    expect(tickets((await search(stack.admin, { q: '!!! ...' })).body)).toEqual([])
  })

  it('matches word beginnings of three letters or more, Hindi too; a shorter word only whole', async () => {
    await seed()
    const found = async (q: string) => tickets((await search(stack.admin, { q })).body)
    expect(await found('pass')).toEqual(['MHA-25-900004', 'MHA-25-900001'])
    expect(await found('refu')).toEqual(['MHA-25-900005'])
    expect(await found('verif')).toEqual(['MHA-25-900001'])
    // Part of a PNR: a number is a word like any other.
    expect(await found('45123')).toEqual(['MHA-25-900005'])
    // Folded as the haystack is (वीज़ा → विजा): the beginning typed with or without the nukta.
    expect(await found('वीज')).toEqual(['MHA-25-900002'])
    expect(await found('लंबि')).toEqual(['MHA-25-900002'])
    // Every word a beginning of one of its words; "my" (shorter than the minimum) whole.
    expect(await found('my pass')).toEqual(['MHA-25-900001'])
    expect(await found('pass verif')).toEqual(['MHA-25-900001'])
    expect(await found('pass refu')).toEqual([])
    // Beyond the indexed length: found by its first letters, then checked whole.
    expect(await found('1234567890123456789012')).toEqual(['MHA-25-900005'])
    expect(await found('1234567890123456789099')).toEqual([])
  })

  it('refuses a query of only words shorter than the minimum prefix (400), as the contract says', async () => {
    await seed()
    expect(GRIEVANCE_SEARCH_LIMITS.minPrefixChars).toBe(3)
    for (const q of ['pa', 'my', 'ब', 'is a', 'रु']) {
      const refused = await search(stack.admin, { q })
      expect(refused.status, q).toBe(400)
      expect(refused.body.error, q).toBe('bad_request')
    }
    // Punctuation alone asks for nothing and finds nothing; it is not refused.
    expect((await search(stack.admin, { q: '!!!' })).status).toBe(200)
  })

  it('matches a ticket by its beginning as the desk does; every ticket typed must be it', async () => {
    await seed()
    const found = async (q: string) => tickets((await search(stack.admin, { q })).body)
    const first5 = ['MHA-25-900005', 'MHA-25-900004', 'MHA-25-900003', 'MHA-25-900002', 'MHA-25-900001']
    expect(await found('mha-25-90000')).toEqual(first5)
    expect(await found('mha-25-90000 mha-25-900003')).toEqual(['MHA-25-900003'])
    expect(await found('mha-25-900001 mha-25-900002')).toEqual([])
    expect(await found('MHA-25-90000 refu')).toEqual(['MHA-25-900005'])
  })

  it('filters by status and division', async () => {
    await seed()
    const cyber = await search(stack.admin, { q: 'passport', division: 'cyber' })
    expect(tickets(cyber.body)).toEqual(['MHA-25-900001'])
    expect(tickets((await search(stack.admin, { q: 'passport', status: 'new' })).body)).toEqual([])
    expect((await search(stack.admin, { status: 'sleeping' })).status).toBe(400)
  })

  it("keeps an officer to their scope: their divisions' grievances and what is assigned to them", async () => {
    await seed()
    const officer = await loggedIn(stack.server, 'officer.cyber')
    // srch-4 is the police division's but assigned to this officer; srch-2 (foreigners) is out of scope.
    expect(tickets((await search(officer, { q: 'passport' })).body)).toEqual(['MHA-25-900004', 'MHA-25-900001'])
    expect(tickets((await search(officer, { q: 'वीजा' })).body)).toEqual([])
    expect(tickets((await search(officer, { q: 'MHA-25-900002' })).body)).toEqual([])
    const visa = await loggedIn(stack.server, 'officer.foreigners')
    expect(tickets((await search(visa, { q: 'वीजा' })).body)).toEqual(['MHA-25-900002'])
    // Naming a division outside one's scope: 403, not an empty page.
    const refused = await search(officer, { q: 'वीजा', division: 'foreigners' })
    expect(refused.status).toBe(403)
    expect(refused.body.error).toBe('forbidden')
    expect(tickets((await search(officer, { q: 'passport', division: 'cyber' })).body)).toEqual(['MHA-25-900001'])
  })

  it('keeps beginnings to the same scope as whole words', async () => {
    await seed()
    const officer = await loggedIn(stack.server, 'officer.cyber')
    const found = async (q: string) => tickets((await search(officer, { q })).body)
    expect(await found('pass')).toEqual(['MHA-25-900004', 'MHA-25-900001'])
    expect(await found('वीज')).toEqual([])
    // srch-2 (foreigners) is left out; srch-4 (police, assigned to this officer) is in.
    expect(await found('mha-25-90000')).toEqual(['MHA-25-900005', 'MHA-25-900004', 'MHA-25-900003', 'MHA-25-900001'])
    const visa = await loggedIn(stack.server, 'officer.foreigners')
    expect(tickets((await search(visa, { q: 'mha-25-90000' })).body)).toEqual(['MHA-25-900002'])
    expect(tickets((await search(visa, { q: 'pass' })).body)).toEqual([])
  })

  it('pages newest first with the cursor, each grievance once', async () => {
    await seed()
    const seen: string[] = []
    let before: string | null = null
    for (let page = 0; page < 10; page++) {
      const { body } = await search(stack.admin, { q: 'paging complaint', limit: '10', ...(before ? { before } : {}) })
      seen.push(...tickets(body))
      if (!body.hasMore) {
        expect(body.next).toBeNull()
        break
      }
      before = body.next
    }
    const expected = CORPUS.filter((g) => g.source.text.includes('paging'))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((g) => g.ticket)
    expect(seen).toEqual(expected)
  })

  it('holds to its limits: the page size is capped, a long query or a forged cursor is refused', async () => {
    await seed()
    const { body } = await search(stack.admin, { q: 'paging', limit: '100000' })
    expect(body.grievances).toHaveLength(Math.min(GRIEVANCE_SEARCH_LIMITS.page, 25))
    expect((await search(stack.admin, { q: 'x'.repeat(LIMITS.searchQueryChars + 1) })).status).toBe(400)
    expect((await search(stack.admin, { before: 'not-a-cursor' })).status).toBe(400)
    expect((await search(stack.admin, { limit: '-3' })).status).toBe(400)
  })

  it('answers 401 without a session', async () => {
    const anonymous = new ApiClient(stack.server.url)
    expect((await anonymous.request('GET', '/api/v1/grievances/search?q=passport')).status).toBe(401)
    expect((await anonymous.request('GET', '/api/v1/grievances/srch-1')).status).toBe(401)
  })

  it('finds grievances stored before the search rows existed once the backfill has run', async () => {
    await seed()
    await stack.server.db.query(`DELETE FROM grievance_search WHERE grievance_id IN ('srch-1', 'srch-2')`)
    expect(tickets((await search(stack.admin, { q: 'verification' })).body)).toEqual([])
    expect(await backfillSearchRows(stack.server.db, { batch: 1 })).toBe(2)
    expect(tickets((await search(stack.admin, { q: 'verification' })).body)).toEqual(['MHA-25-900001'])
    expect(await backfillSearchRows(stack.server.db)).toBe(0)
  })

  it('makes the rows of an older words version again, once, and leaves current rows alone', async () => {
    await seed()
    // A row as migration 22 made it: whole words only, version 1.
    await stack.server.db.query(
      `UPDATE grievance_search SET words = $1::text[], words_version = 1 WHERE grievance_id = 'srch-1'`,
      [searchWordsOf(CORPUS[0]!)],
    )
    expect(tickets((await search(stack.admin, { q: 'verification' })).body)).toEqual(['MHA-25-900001'])
    expect(tickets((await search(stack.admin, { q: 'verif' })).body)).toEqual([])
    expect(await backfillSearchRows(stack.server.db)).toBe(1)
    expect(tickets((await search(stack.admin, { q: 'verif' })).body)).toEqual(['MHA-25-900001'])
    expect(await backfillSearchRows(stack.server.db)).toBe(0)
  })

  it('stops between batches when told to, and resumes where it stopped', async () => {
    await seed()
    await stack.server.db.query(`DELETE FROM grievance_search WHERE grievance_id IN ('srch-10', 'srch-11', 'srch-12')`)
    let batches = 0
    expect(await backfillSearchRows(stack.server.db, { batch: 1, stopped: () => batches++ >= 1 })).toBe(1)
    expect(await backfillSearchRows(stack.server.db, { batch: 1 })).toBe(2)
  })

  it('keeps the rows in step with saves: a grievance moved to another division leaves the old scope', async () => {
    await seed()
    const before = CORPUS[2]!
    const after = { ...before, division: 'foreigners', version: before.version + 1, thread: [...before.thread] }
    after.thread.push({
      id: 'srch-note',
      kind: 'note',
      text: 'forwarded to the visa desk',
      at: before.createdAt,
      by: 'admin',
    })
    await stack.server.db.transaction((tx) => writeGrievances(tx, [{ before, after }]))
    const officer = await loggedIn(stack.server, 'officer.cyber')
    expect(tickets((await search(officer, { q: 'fraud' })).body)).toEqual([])
    const visa = await loggedIn(stack.server, 'officer.foreigners')
    expect(tickets((await search(visa, { q: 'fraud forwarded' })).body)).toEqual(['MHA-25-900003'])
  })
})

describe('GET /api/v1/grievances/:id', () => {
  it('gives the whole grievance to whoever may see it and 403 to an officer outside its scope', async () => {
    await seed()
    const officer = await loggedIn(stack.server, 'officer.cyber')
    const mine = await officer.request('GET', '/api/v1/grievances/srch-1')
    expect(mine.status).toBe(200)
    expect((mine.body as Grievance).thread).toEqual(CORPUS[0]!.thread)
    const theirs = await officer.request('GET', '/api/v1/grievances/srch-2')
    expect(theirs.status).toBe(403)
    expect((await stack.admin.request('GET', '/api/v1/grievances/srch-2')).status).toBe(200)
    expect((await stack.admin.request('GET', '/api/v1/grievances/nope')).status).toBe(404)
  })
})
