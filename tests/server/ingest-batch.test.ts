// Batched ingestion (one write transaction per page of tweets): the same grievances,
// tickets, allocation and follow-ups as one transaction per tweet; a follow-up joining
// the grievance created earlier in the same page; one change notice per batch; the
// cursor committed with the batch; a tweet with a NUL kept as a grievance; and exactly once under concurrent deliveries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TweetV2, UserV2 } from 'twitter-api-v2'
import { rulesOnlyOrg } from '../../src/server/config'
import { ChangeNotifier, type ServerContext } from '../../src/server/context'
import { ingestBatch } from '../../src/server/ingest/tweet-batch'
import type { BatchOptions } from '../../src/server/ingest/sources/source'
import type { RunningServer } from '../../src/server/index'
import type { Grievance } from '../../src/shared/grievance'
import { freshDatabase, startTestServer, type TestDatabase } from './helpers'
import { ORG } from './seed'

interface Instance {
  db: TestDatabase
  server: RunningServer
  ctx: ServerContext
  notices: number[]
}

const instances: Instance[] = []

async function instance(): Promise<Instance> {
  const db = await freshDatabase()
  const server = await startTestServer(db)
  const changes = new ChangeNotifier()
  const notices: number[] = []
  changes.on('changes', (seq: number) => notices.push(seq))
  const ctx: ServerContext = {
    db: server.db,
    ...rulesOnlyOrg(ORG),
    acknowledge: true,
    changes,
    log: () => undefined,
  }
  // Two officers for visas with little room, so allocation runs out within one page.
  await server.db.query(`UPDATE users SET capacity = 2 WHERE username = 'officer.foreigners'`)
  await server.db.query(
    `INSERT INTO users (username, display_name, role, divisions, languages, capacity, password_hash)
     VALUES ('officer.visa2', 'Visa desk 2', 'officer', '["foreigners"]', '["en"]', 1, 'x')`,
  )
  const made = { db, server, ctx, notices }
  instances.push(made)
  return made
}

afterAll(async () => {
  for (const i of instances) {
    await i.server.close()
    await i.db.drop()
  }
})

let nextId = 1_960_000_000_000_000_000n
function id(): string {
  return String(nextId++)
}

interface PageTweet {
  id: string
  author: string
  text: string
  conversationId?: string
}

function page(tweets: readonly PageTweet[]): { tweets: TweetV2[]; users: UserV2[] } {
  const users = new Map<string, UserV2>()
  return {
    tweets: tweets.map((t) => {
      users.set(t.author, { id: `uid_${t.author}`, username: t.author, name: t.author.toUpperCase() })
      return {
        id: t.id,
        text: t.text,
        author_id: `uid_${t.author}`,
        conversation_id: t.conversationId ?? t.id,
        created_at: new Date().toISOString(),
        edit_history_tweet_ids: [t.id],
      }
    }),
    users: [...users.values()],
  }
}

function mentionOptions(): BatchOptions {
  return {
    viaHandle: 'HMOIndia',
    via: () => ({ kind: 'mention', handle: 'HMOIndia' }),
    advance: async (tx, newestId) => {
      await tx.query(
        `INSERT INTO ingest_source_cursors (source, key, cursor) VALUES ('test', 'newest', $1)
         ON CONFLICT (source, key) DO UPDATE SET cursor = EXCLUDED.cursor`,
        [newestId],
      )
    },
  }
}

async function stored(i: Instance): Promise<Grievance[]> {
  const rows = await i.server.db.query<{ doc: Grievance }>('SELECT doc FROM grievances ORDER BY ticket')
  return rows.map((r) => r.doc)
}

async function cursor(i: Instance): Promise<string | undefined> {
  const [row] = await i.server.db.query<{ cursor: string }>(
    `SELECT cursor FROM ingest_source_cursors WHERE source = 'test'`,
  )
  return row?.cursor
}

/** A page with new complaints, a same-page follow-up, a retweet-free thread and noise. */
function mixedPage(): PageTweet[] {
  const visa = id()
  return [
    { id: visa, author: 'asha', text: '@HMOIndia My e-visa application is pending for 3 weeks, please help' },
    {
      id: id(),
      author: 'asha',
      text: '@HMOIndia the application number is EV-2231, still pending',
      conversationId: visa,
    },
    {
      id: id(),
      author: 'bala',
      text: '@HMOIndia my e-visa payment failed twice and the application is stuck, please help',
    },
    { id: id(), author: 'chitra', text: '@HMOIndia thanks for the quick response' },
    { id: id(), author: 'dev', text: '@HMOIndia e-visa approval pending for a month for my parents, please help' },
    { id: id(), author: 'esha', text: '@HMOIndia my e-visa extension request is pending, please help' },
    { id: id(), author: 'farid', text: '@CyberDost I lost 50000 in a UPI fraud yesterday, please help' },
    { id: id(), author: 'gita', text: '@HMOIndia my tourist e-visa is still pending after 30 days, please help' },
  ]
}

describe('batched ingestion', () => {
  let batched: Instance
  let perTweet: Instance

  beforeAll(async () => {
    batched = await instance()
    perTweet = await instance()
  })

  it('decides exactly as one transaction per tweet would: tickets, allocation, follow-ups, ignored tweets', async () => {
    const tweets = mixedPage()
    // X's page order is newest first, and shuffled pages happen: the batch sorts oldest first.
    const { tweets: v2, users } = page([...tweets].reverse())
    const tallyBatched = await ingestBatch(batched.ctx, 'mentions', v2, users, mentionOptions())
    const tallyPerTweet = await ingestBatch(perTweet.ctx, 'mentions', v2, users, mentionOptions(), 1)
    expect(tallyBatched).toEqual(tallyPerTweet)
    expect(tallyBatched).toMatchObject({ created: 6, followedUp: 1, ignored: 1, seen: 0, newestId: tweets.at(-1)!.id })

    const shape = (g: Grievance) => ({
      ticket: g.ticket,
      tweet: g.source.tweetId,
      division: g.division,
      assignee: g.assignee,
      status: g.status,
      version: g.version,
      citizenTweets: g.thread.filter((e) => e.kind === 'citizen').map((e) => e.tweetId),
      acks: g.thread.filter((e) => e.kind === 'reply').length,
    })
    const a = (await stored(batched)).map(shape)
    expect(a).toEqual((await stored(perTweet)).map(shape))
    // Gapless consecutive tickets; the same-page follow-up joined the first grievance.
    expect(a.map((g) => g.ticket)).toEqual(
      [1, 2, 3, 4, 5, 6].map(
        (n) => `MHA-${String(new Date().getUTCFullYear()).slice(2)}-${String(n).padStart(6, '0')}`,
      ),
    )
    expect(a[0]).toMatchObject({ tweet: tweets[0]!.id, citizenTweets: [tweets[0]!.id, tweets[1]!.id], version: 2 })
    // Least loaded first within capacity (2 and 1), ties by name; the rest wait in the queue.
    const visas = a.filter((g) => g.division === 'foreigners').map((g) => g.assignee)
    expect(visas).toEqual(['officer.foreigners', 'officer.visa2', 'officer.foreigners', null, null])
    const [ignored] = await batched.server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ignored_tweets')
    expect(ignored!.n).toBe(1)
    const [outbox] = await batched.server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reply_outbox WHERE state = 'pending'`,
    )
    expect(outbox!.n).toBe(6)
    expect(await cursor(batched)).toBe(tweets.at(-1)!.id)
  })

  it('announces a batch once, with its newest change, and repeats nothing when the page comes again', async () => {
    const before = batched.notices.length
    const tweets = [
      { id: id(), author: 'hari', text: '@HMOIndia my OCI card application is stuck for two months, please help' },
      { id: id(), author: 'indu', text: '@CyberDost someone hacked my bank account and took 20000, please help' },
    ]
    const { tweets: v2, users } = page(tweets)
    await ingestBatch(batched.ctx, 'mentions', v2, users, mentionOptions())
    expect(batched.notices.length).toBe(before + 1)
    const [max] = await batched.server.db.query<{ seq: number }>('SELECT max(seq)::int AS seq FROM changes')
    expect(batched.notices.at(-1)).toBe(max!.seq)

    const count = (await stored(batched)).length
    const again = await ingestBatch(batched.ctx, 'mentions', v2, users, mentionOptions())
    expect(again).toMatchObject({ created: 0, seen: 2 })
    expect(await stored(batched)).toHaveLength(count)
    expect(batched.notices.length).toBe(before + 1)
  })

  it('keeps a tweet with a NUL in its page as a grievance, the NUL cleaned (set-aside: ingest-resilience.test.ts)', async () => {
    const tweets = [
      {
        id: id(),
        author: 'jaya',
        text: '@HMOIndia my passport police verification is pending since two months, please help',
      },
      { id: id(), author: 'kiran', text: '@HMOIndia my e-visa is pending \u0000 for weeks, please help' },
      { id: id(), author: 'lata', text: '@CyberDost I lost 9000 to a fake loan app, please help' },
    ]
    const { tweets: v2, users } = page(tweets)
    const tally = await ingestBatch(batched.ctx, 'mentions', v2, users, mentionOptions())
    expect(tally).toMatchObject({ created: 3, ignored: 0, newestId: tweets[2]!.id })
    const kiran = (await stored(batched)).find((g) => g.source.tweetId === tweets[1]!.id)
    expect(kiran?.source.text).toBe('@HMOIndia my e-visa is pending \uFFFD for weeks, please help')
    expect(await cursor(batched)).toBe(tweets[2]!.id)
    expect(await ingestBatch(batched.ctx, 'mentions', v2, users, mentionOptions())).toMatchObject({
      created: 0,
      ignored: 0,
      seen: 3,
    })
  })

  it('makes one grievance per tweet when two batches deliver overlapping pages at once', async () => {
    const tweets = Array.from({ length: 30 }, (_, n) => ({
      id: id(),
      author: `citizen_${n}`,
      text: `@CyberDost I lost ${1000 + n} rupees in a UPI fraud yesterday, please help`,
    }))
    const first = page(tweets.slice(0, 20))
    const second = page(tweets.slice(10))
    const [a, b] = await Promise.all([
      ingestBatch(batched.ctx, 'mentions', first.tweets, first.users, mentionOptions(), 7),
      ingestBatch(batched.ctx, 'search', second.tweets, second.users, { via: () => ({ kind: 'search' }) }, 7),
    ])
    expect(a.created + b.created).toBe(30)
    expect(a.seen + b.seen).toBe(10)
    const ids = (await stored(batched)).map((g) => g.source.tweetId).filter((t) => tweets.some((x) => x.id === t))
    expect(new Set(ids).size).toBe(30)
    expect(ids).toHaveLength(30)
  })
})
