// A citizen's tweet is never dropped: text the database cannot hold is cleaned and the
// grievance made; a transient database error is retried, and if it lasts the tweet stays
// unclaimed for the next pass (never recorded as ignored); only a tweet the database
// refuses for its data is set aside, and supervisors see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TweetV2, UserV2 } from 'twitter-api-v2'
import { rulesOnlyOrg } from '../../src/server/config'
import { storableText } from '../../src/shared/text'
import { isStorableText } from '../../src/shared/limits'
import { ChangeNotifier, type ServerContext } from '../../src/server/context'
import { ingestBatch } from '../../src/server/ingest/tweet-batch'
import { setAsideSummary } from '../../src/server/ingest/set-aside'
import type { BatchOptions } from '../../src/server/ingest/sources/source'
import {
  DatabaseUnavailableError,
  isTransientDbError,
  type Database,
  type Queryable,
  type SqlParam,
} from '../../src/server/db/database'
import type { RunningServer } from '../../src/server/index'
import type { Grievance } from '../../src/shared/grievance'
import { freshDatabase, startTestServer, type TestDatabase } from './helpers'
import { ORG } from './seed'

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

/** Fails the statements `fault` picks (inside transactions, where ingestion writes). */
function faulty(base: Database, fault: (sql: string, params: readonly SqlParam[]) => Error | null): Database {
  return {
    kind: base.kind,
    query: (sql, params) => base.query(sql, params),
    transaction: (fn) =>
      base.transaction((tx) => {
        const wrapped: Queryable = {
          query: (sql, params) => {
            const error = fault(sql, params ?? [])
            return error ? Promise.reject(error) : tx.query(sql, params)
          },
        }
        return fn(wrapped)
      }),
    close: () => Promise.resolve(),
  }
}

function contextOn(database: Database): ServerContext {
  return {
    db: database,
    ...rulesOnlyOrg(ORG),
    acknowledge: true,
    changes: new ChangeNotifier(),
    log: () => undefined,
  }
}

let nextId = 1_970_000_000_000_000_000n
const newId = (): string => String(nextId++)

function page(tweets: readonly { id: string; author: string; text: string }[]): { tweets: TweetV2[]; users: UserV2[] } {
  return {
    tweets: tweets.map((t) => ({
      id: t.id,
      text: t.text,
      author_id: `uid_${t.author}`,
      conversation_id: t.id,
      created_at: new Date().toISOString(),
      edit_history_tweet_ids: [t.id],
    })),
    users: tweets.map((t) => ({ id: `uid_${t.author}`, username: t.author, name: t.author })),
  }
}

const options: BatchOptions = { viaHandle: 'HMOIndia', via: () => ({ kind: 'mention', handle: 'HMOIndia' }) }

async function grievanceOf(tweetId: string): Promise<Grievance | undefined> {
  const [row] = await server.db.query<{ doc: Grievance }>('SELECT doc FROM grievances WHERE source_tweet_id = $1', [
    tweetId,
  ])
  return row?.doc
}

async function handledAnyhow(tweetId: string): Promise<string[]> {
  const rows = await server.db.query<{ t: string }>(
    `SELECT 'seen' AS t FROM seen_tweets WHERE tweet_id = $1
     UNION ALL SELECT 'ignored' FROM ignored_tweets WHERE tweet_id = $1
     UNION ALL SELECT 'set-aside' FROM set_aside_tweets WHERE tweet_id = $1`,
    [tweetId],
  )
  return rows.map((r) => r.t)
}

function sqlError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code })
}

describe('storableText', () => {
  it('replaces NUL and lone surrogates with U+FFFD and leaves good text (and surrogate pairs) alone', () => {
    expect(storableText('a\u0000b')).toBe('a\uFFFDb')
    expect(storableText('x\uD83Dy')).toBe('x\uFFFDy')
    expect(storableText('x\uDE00y')).toBe('x\uFFFDy')
    expect(storableText('ok 😀 ठीक')).toBe('ok 😀 ठीक')
    expect(isStorableText(storableText('\uDE00\uD83D\u0000'))).toBe(true)
  })
})

describe('isTransientDbError', () => {
  it('tells the database’s passing state from a refusal of the data', () => {
    for (const code of ['40001', '40P01', '08006', '57014', '53100', '55P03', 'ECONNRESET'])
      expect(isTransientDbError(sqlError(code, 'x')), code).toBe(true)
    expect(isTransientDbError(new DatabaseUnavailableError('the embedded database did not answer'))).toBe(true)
    expect(isTransientDbError(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isTransientDbError(new Error('Query read timeout'))).toBe(true)
    for (const code of ['22P05', '22021', '23505', '54000'])
      expect(isTransientDbError(sqlError(code, 'x')), code).toBe(false)
    expect(isTransientDbError(new TypeError('cannot read properties of undefined'))).toBe(false)
  })
})

describe('a citizen tweet is never dropped', () => {
  it('makes a grievance of a tweet with a NUL or a lone surrogate, the text cleaned', async () => {
    const nul = { id: newId(), author: 'kiran', text: '@HMOIndia my e-visa is pending \u0000 for weeks, please help' }
    const lone = {
      id: newId(),
      author: 'mohan',
      text: '@HMOIndia my passport verification is pending for two months \uD83D please help',
    }
    const { tweets, users } = page([nul, lone])
    const tally = await ingestBatch(contextOn(server.db), 'mentions', tweets, users, options)
    expect(tally).toMatchObject({ created: 2, ignored: 0 })
    expect((await grievanceOf(nul.id))?.source.text).toBe(nul.text.replace('\u0000', '\uFFFD'))
    expect((await grievanceOf(lone.id))?.thread[0]?.text).toBe(lone.text.replace('\uD83D', '\uFFFD'))
  })

  it('retries a transient error (serialization failure, deadlock) and makes the grievance', async () => {
    const tweet = { id: newId(), author: 'nisha', text: '@HMOIndia my OCI card application is stuck, please help' }
    let failures = 0
    const flaky = faulty(server.db, (sql) => {
      if (!sql.includes('INSERT INTO grievances') || failures >= 3) return null
      failures++
      return failures === 2
        ? sqlError('40P01', 'deadlock detected')
        : sqlError('40001', 'could not serialize access due to concurrent update')
    })
    const { tweets, users } = page([tweet])
    const tally = await ingestBatch(contextOn(flaky), 'mentions', tweets, users, options)
    expect(failures).toBe(3)
    expect(tally).toMatchObject({ created: 1, ignored: 0 })
    expect(await grievanceOf(tweet.id)).toBeDefined()
    expect(await handledAnyhow(tweet.id)).toEqual(['seen'])
  })

  it('leaves a tweet unclaimed when the database stays down, and the next pass makes its grievance', async () => {
    const tweet = {
      id: newId(),
      author: 'omar',
      text: '@HMOIndia my passport renewal is pending for a month, please help',
    }
    const down = faulty(server.db, (sql) =>
      sql.includes('INSERT INTO grievances') ? sqlError('08006', 'connection failure') : null,
    )
    const { tweets, users } = page([tweet])
    await expect(ingestBatch(contextOn(down), 'mentions', tweets, users, options)).rejects.toThrow(/connection failure/)
    expect(await handledAnyhow(tweet.id)).toEqual([])
    const tally = await ingestBatch(contextOn(server.db), 'mentions', tweets, users, options)
    expect(tally).toMatchObject({ created: 1 })
    expect(await grievanceOf(tweet.id)).toBeDefined()
  })

  it('sets aside only a tweet the database refuses for its data, ingests the rest, and shows it to supervisors', async () => {
    const good = { id: newId(), author: 'jaya', text: '@HMOIndia my police verification is pending, please help' }
    const bad = { id: newId(), author: 'ravi', text: '@HMOIndia POISON my e-visa payment failed twice, please help' }
    const refusing = faulty(server.db, (sql, params) =>
      sql.includes('INSERT INTO grievances') && JSON.stringify(params).includes('POISON')
        ? sqlError('54000', 'row is too big')
        : null,
    )
    const { tweets, users } = page([good, bad])
    const tally = await ingestBatch(contextOn(refusing), 'mentions', tweets, users, options)
    expect(tally).toMatchObject({ created: 1, ignored: 0, setAside: 1 })
    expect(await grievanceOf(good.id)).toBeDefined()
    expect(await handledAnyhow(bad.id)).toEqual(['seen', 'set-aside'])
    const summary = await setAsideSummary(server.db)
    expect(summary.count).toBe(1)
    expect(summary.recent[0]).toMatchObject({ tweetId: bad.id, authorUsername: 'ravi', source: 'mentions' })
    expect(summary.recent[0]!.error).toMatch(/^ingest failed: row is too big/)
    // Set aside for good: the next delivery sees it as handled.
    expect(await ingestBatch(contextOn(server.db), 'mentions', tweets, users, options)).toMatchObject({
      created: 0,
      seen: 2,
    })
  })
})
