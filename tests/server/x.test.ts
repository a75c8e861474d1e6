// Ingestion and reply posting against the real X simulator: exactly-once ingest across a
// restart, follow-ups joining and reopening, acknowledgements and officers' replies
// posted once with the ticket number, and workers that survive X's failures.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import type { RunningServer, StartServerOptions } from '../../src/server/index'
import type { Grievance } from '../../src/shared/grievance'
import { freshDatabase, loggedIn, startTestServer, type ApiClient, type TestDatabase } from './helpers'

let sim: Simulator
let db: TestDatabase
let dataDir: string | undefined
let server: RunningServer

function serverOptions(extra: StartServerOptions = {}): StartServerOptions {
  return {
    xApiBase: sim.url,
    acknowledge: true,
    replyBackoffMs: 0,
    instanceId: 'test-instance',
    ...(dataDir ? { dataDir } : {}),
    ...extra,
  }
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, scenario: false })
  db = await freshDatabase()
  dataDir = db.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'seva-server-test-'))
  server = await startTestServer(db, serverOptions())
})
afterAll(async () => {
  await server?.close()
  await sim?.close()
  await db?.drop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

async function allGrievances(client: ApiClient): Promise<Grievance[]> {
  const byId = new Map<string, Grievance>()
  let after = 0
  for (let page = 0; page < 100; page++) {
    const res = await client.changes(after, 200)
    for (const c of res.changes) if (c.kind === 'upsert') byId.set(c.grievance.id, c.grievance)
    after = res.last
    if (!res.hasMore) break
  }
  return [...byId.values()]
}

function bySource(list: Grievance[], tweetId: string): Grievance {
  const g = list.find((x) => x.source.tweetId === tweetId)
  if (!g) throw new Error(`no grievance for tweet ${tweetId}`)
  return g
}

describe('ingestion', () => {
  it('creates grievances from actionable mentions only, acknowledges them, and survives a restart without loss or duplicates', async () => {
    const visa = sim.injectTweet({
      author: 'ravi_k',
      text: '@HMOIndia My e-visa application is pending for 3 weeks, please help',
    })
    const thanks = sim.injectTweet({ author: 'meena_s', text: '@HMOIndia thanks for the quick response' })
    const own = sim.injectTweet({ author: 'MHA_Grievance', text: '@HMOIndia please check the visa pending issue' })
    const hindi = sim.injectTweet({
      author: 'sunita_d',
      text: '@CyberDost मेरे साथ UPI fraud हुआ है, 20000 रुपये की ठगी हुई, कृपया मदद करें',
    })

    expect(await server.ingestNow()).toBe(2)
    expect(await server.ingestNow()).toBe(0)
    const ignored = await server.db.query<{ tweet_id: string; reasons: string[] }>(
      'SELECT tweet_id, reasons FROM ignored_tweets',
    )
    expect(ignored.map((r) => r.tweet_id).sort()).toEqual([thanks.id, own.id].sort())
    expect(ignored.find((r) => r.tweet_id === own.id)?.reasons).toEqual(['own handle'])

    const supervisor = await loggedIn(server, 'supervisor')
    const list = await allGrievances(supervisor)
    const visaG = bySource(list, visa.id)
    expect(visaG).toMatchObject({
      division: 'foreigners',
      status: 'assigned',
      assignee: 'officer.foreigners',
      source: { authorUsername: 'ravi_k', via: { kind: 'mention', handle: 'HMOIndia' } },
    })
    expect(bySource(list, hindi.id)).toMatchObject({ division: 'cyber', priority: 'high' })

    // Acknowledgements go out once, in the tweet's language, with the ticket number.
    expect(await server.postRepliesNow()).toBe(2)
    expect(await server.postRepliesNow()).toBe(0)
    const acks = sim.tweetsBy('HMOIndia')
    expect(acks).toHaveLength(2)
    const visaAck = acks.find((t) => t.inReplyToTweetId === visa.id)!
    expect(visaAck.text).toBe(
      `@ravi_k Your complaint is registered as ${visaG.ticket}. The concerned division will respond. Please do not share personal documents publicly.`,
    )
    expect(acks.find((t) => t.inReplyToTweetId === hindi.id)!.text).toContain('आपकी शिकायत')
    const afterAck = bySource(await allGrievances(supervisor), visa.id)
    expect(afterAck.thread.at(-1)).toMatchObject({
      kind: 'reply',
      tweetId: visaAck.id,
      post: { state: 'posted', attempts: 1 },
    })

    // Restart on the same database: nothing lost while down, nothing ingested twice.
    await server.close()
    const whileDown = sim.injectTweet({
      author: 'arjun_p',
      text: '@NDMA_India we are stranded in flood water near the bridge, please send rescue',
    })
    server = await startTestServer(db, serverOptions())
    expect(await server.ingestNow()).toBe(1)
    expect(await server.ingestNow()).toBe(0)
    const again = await allGrievances(await loggedIn(server, 'supervisor'))
    expect(again).toHaveLength(3)
    expect(bySource(again, whileDown.id)).toMatchObject({ division: 'disaster', status: 'assigned' })
    const tickets = again.map((g) => g.ticket).sort()
    expect(new Set(tickets).size).toBe(3)
    expect(tickets.map((t) => Number(t.slice(-6)))).toEqual([1, 2, 3])
    expect(await server.postRepliesNow()).toBe(1)
  })

  it('adds a citizen follow-up to the existing thread and reopens a resolved grievance', async () => {
    const first = sim.injectTweet({
      author: 'kavya_r',
      text: '@HMOIndia my police verification for passport is pending since two months',
    })
    await server.ingestNow()
    await server.postRepliesNow()
    const officer = await loggedIn(server, 'officer.police')
    let g = bySource(await allGrievances(officer), first.id)
    const resolved = await officer.act(g.id, g.version, { type: 'resolve', note: 'verification completed' })
    expect(resolved.status).toBe('applied')

    const ack = sim.tweetsBy('HMOIndia').find((t) => t.inReplyToTweetId === first.id)!
    const followUp = sim.injectTweet({
      author: 'kavya_r',
      text: '@HMOIndia it still shows pending on the portal',
      in_reply_to_tweet_id: ack.id,
    })
    expect(await server.ingestNow()).toBe(0)
    g = bySource(await allGrievances(officer), first.id)
    expect(g.status).toBe('reopened')
    expect(g.thread.filter((e) => e.kind === 'citizen').map((e) => e.tweetId)).toEqual([first.id, followUp.id])
  })
})

describe('reply posting', () => {
  it('posts an officer reply exactly once, to the citizen’s latest tweet, with the ticket number', async () => {
    const tweet = sim.injectTweet({
      author: 'farhan_a',
      text: '@BOI_MHA my OCI card application is stuck for two months, please help',
    })
    await server.ingestNow()
    await server.postRepliesNow()
    const officer = await loggedIn(server, 'officer.foreigners')
    const g = bySource(await allGrievances(officer), tweet.id)
    const result = await officer.act(g.id, g.version, {
      type: 'reply',
      text: 'Your OCI file has been sent for final approval.',
    })
    expect(result.status).toBe('applied')
    await Promise.all([server.postRepliesNow(), server.postRepliesNow()])
    await server.postRepliesNow()
    const replies = sim.tweetsBy('HMOIndia').filter((t) => t.text.startsWith('Your OCI file'))
    expect(replies).toHaveLength(1)
    expect(replies[0]).toMatchObject({
      inReplyToTweetId: tweet.id,
      text: `Your OCI file has been sent for final approval. (Ref: ${g.ticket})`,
    })
  })

  it('survives X failures: retries with backoff, marks failed after the last attempt, and retry-reply posts it', async () => {
    const tweet = sim.injectTweet({
      author: 'dev_m',
      text: '@CyberDost I got an otp fraud call and lost money, please help',
    })
    sim.context.faults.rate503 = 1
    expect(await server.ingestNow()).toBe(0)
    sim.context.faults.rate503 = 0
    expect(await server.ingestNow()).toBe(1)
    await server.postRepliesNow()

    const officer = await loggedIn(server, 'officer.cyber')
    let g = bySource(await allGrievances(officer), tweet.id)
    const reply = await officer.act(g.id, g.version, { type: 'reply', text: 'Please report it on 1930 as well.' })
    expect(reply.status).toBe('applied')
    sim.context.faults.rate503 = 1
    for (let i = 0; i < 6; i++) expect(await server.postRepliesNow()).toBe(0)
    sim.context.faults.rate503 = 0
    g = bySource(await allGrievances(officer), tweet.id)
    const entry = g.thread.at(-1)!
    expect(entry.post).toMatchObject({
      state: 'failed',
      attempts: 5,
      error: expect.stringContaining('after 5 attempts'),
    })

    const retry = await officer.act(g.id, g.version, { type: 'retry-reply', entryId: entry.id })
    expect(retry.status).toBe('applied')
    expect(await server.postRepliesNow()).toBe(1)
    g = bySource(await allGrievances(officer), tweet.id)
    expect(g.thread.at(-1)!.post).toMatchObject({ state: 'posted' })
    expect(sim.tweetsBy('HMOIndia').filter((t) => t.text.startsWith('Please report it on 1930'))).toHaveLength(1)
  })

  it('never posts twice when X stored a post whose answer was lost, or a restart finds a reply mid-send', async () => {
    const tweet = sim.injectTweet({
      author: 'nisha_v',
      text: '@HMOIndia my visa extension request is pending, please help',
    })
    await server.ingestNow()
    // The acknowledgement is stored by X but the answer never arrives.
    Object.assign(sim.context.faults, { timeoutAfterPostRate: 1, timeoutDelayMs: 50 })
    expect(await server.postRepliesNow()).toBe(0)
    sim.context.faults.timeoutAfterPostRate = 0
    expect(await server.postRepliesNow()).toBe(1)
    expect(sim.tweetsBy('HMOIndia').filter((t) => t.inReplyToTweetId === tweet.id)).toHaveLength(1)

    // A row left `sending` by a dead process whose post did reach X.
    const officer = await loggedIn(server, 'officer.foreigners')
    const g = bySource(await allGrievances(officer), tweet.id)
    const result = await officer.act(g.id, g.version, {
      type: 'reply',
      text: `We are checking your extension ${g.ticket}.`,
    })
    if (result.status !== 'applied') throw new Error(result.status)
    const posted = await fetch(`${sim.url}/2/tweets`, {
      method: 'POST',
      headers: { authorization: 'Bearer sim-user-HMOIndia', 'content-type': 'application/json' },
      body: JSON.stringify({
        text: `We are checking your extension ${g.ticket}.`,
        reply: { in_reply_to_tweet_id: tweet.id },
      }),
    })
    expect(posted.status).toBe(201)
    await server.db.query(
      `UPDATE reply_outbox SET state = 'sending', attempts = 1, claimed_by = 'dead-instance', in_reply_to = $2,
         claimed_at = now() - interval '1 hour' WHERE entry_id = $1`,
      [result.id, tweet.id],
    )
    expect(await server.postRepliesNow()).toBe(1)
    expect(sim.tweetsBy('HMOIndia').filter((t) => t.text.startsWith('We are checking your extension'))).toHaveLength(1)
  })
})
