// The three triage bands on the server against the X simulator: a ticket is acknowledged
// at once, a review-band tweet waits unallocated and unacknowledged until an officer makes
// it a ticket (then exactly one acknowledgement), a dismissal never posts; ignored tweets
// are searchable and can be made tickets; every decision is a label that
// `seva labels export` gives to `seva model train`, and the quality route measures on.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import { DEFAULT_ORG_FILE, type RunningServer } from '../../src/server/index'
import { run } from '../../src/cli/index'
import type { Grievance } from '../../src/shared/grievance'
import type { IgnoredResponse, TriageQuality } from '../../src/shared/protocol'
import { parseLabelled } from '../../src/cli/model'
import { exportLabels } from '../../src/cli/labels'
import { freshDatabase, loggedIn, startTestServer, type ApiClient, type TestDatabase } from './helpers'

// Scored by the shipped MHA model (`npx seva triage`): 0.93 ticket, 0.47 review, 0.03 ignore.
const TICKET_TEXT = '@HMOIndia my passport verification is pending for 3 months, please help'
const REVIEW_TEXT = '@HMOIndia the police did not register my complaint'
const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'mha.jsonl')
const IGNORE_TEXT = '@HMOIndia thanks for the quick response'

let sim: Simulator
let db: TestDatabase
let dataDir: string | undefined
let server: RunningServer

beforeAll(async () => {
  sim = await startSimulator({ port: 0, scenario: false })
  db = await freshDatabase()
  dataDir = db.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'seva-review-test-'))
  server = await startTestServer(db, {
    xApiBase: sim.url,
    acknowledge: true,
    replyBackoffMs: 0,
    ...(dataDir ? { dataDir } : {}),
  })
})
afterAll(async () => {
  await server?.close()
  await sim?.close()
  await db?.drop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

async function grievanceOf(client: ApiClient, tweetId: string): Promise<Grievance | undefined> {
  let found: Grievance | undefined
  let after = 0
  for (let page = 0; page < 100; page++) {
    const res = await client.changes(after, 200)
    for (const c of res.changes) if (c.kind === 'upsert' && c.grievance.source.tweetId === tweetId) found = c.grievance
    after = res.last
    if (!res.hasMore) break
  }
  return found
}

const acksTo = (tweetId: string) => sim.tweetsBy('HMOIndia').filter((t) => t.inReplyToTweetId === tweetId)

describe('triage bands', () => {
  it('acknowledges a ticket at once, holds a review-band tweet until an officer makes it a ticket, then acknowledges it exactly once', async () => {
    const ticket = sim.injectTweet({ author: 'asha_p', text: TICKET_TEXT })
    const review = sim.injectTweet({ author: 'vikram_r', text: REVIEW_TEXT })
    const ignore = sim.injectTweet({ author: 'meena_s', text: IGNORE_TEXT })
    expect(await server.ingestNow()).toBe(2)

    const supervisor = await loggedIn(server, 'supervisor')
    const t = (await grievanceOf(supervisor, ticket.id))!
    const r = (await grievanceOf(supervisor, review.id))!
    expect(t.triage).toMatchObject({ band: 'ticket' })
    expect(t.triage.confidence).toBeGreaterThanOrEqual(0.8)
    expect(r).toMatchObject({ status: 'new', assignee: null, division: 'police', triage: { band: 'review' } })
    expect(r.thread.filter((e) => e.kind === 'reply')).toHaveLength(0)
    const [ignoredRow] = await server.db.query<{ confidence: number }>(
      'SELECT confidence FROM ignored_tweets WHERE tweet_id = $1',
      [ignore.id],
    )
    expect(Number(ignoredRow!.confidence)).toBeLessThan(0.25)

    // Only the ticket is acknowledged; waiting work being re-allocated does not pick the review one up.
    await server.postRepliesNow()
    expect(acksTo(ticket.id)).toHaveLength(1)
    expect(acksTo(review.id)).toHaveLength(0)
    const officer = await loggedIn(server, 'officer.police')
    const acknowledged = (await grievanceOf(supervisor, ticket.id))!
    expect((await officer.act(t.id, acknowledged.version, { type: 'accept' })).status).toBe('rejected')
    // Freed load re-runs allocation of waiting work: the review-band grievance is not waiting work.
    expect((await officer.act(t.id, acknowledged.version, { type: 'resolve' })).status).toBe('applied')
    expect(await grievanceOf(supervisor, review.id)).toMatchObject({ status: 'new', assignee: null })

    // The officer makes it a ticket: allocated, and exactly one acknowledgement.
    const accepted = await officer.act(r.id, r.version, { type: 'accept' })
    expect(accepted.status).toBe('applied')
    expect((await officer.act(r.id, r.version + 1, { type: 'accept' })).status).toBe('rejected')
    await server.postRepliesNow()
    await server.postRepliesNow()
    expect(acksTo(review.id)).toHaveLength(1)
    expect(acksTo(review.id)[0]!.text).toContain(r.ticket)
    const after = (await grievanceOf(supervisor, review.id))!
    expect(after).toMatchObject({ status: 'assigned', assignee: 'officer.police', triage: { band: 'ticket' } })
  })

  it('dismissing a review-band grievance rejects it as not a grievance and never posts', async () => {
    const tweet = sim.injectTweet({ author: 'kiran_m', text: '@HMOIndia still waiting' })
    expect(await server.ingestNow()).toBe(1)
    const officer = await loggedIn(server, 'officer.general')
    const g = (await grievanceOf(officer, tweet.id))!
    expect(g.triage.band).toBe('review')
    const res = await officer.act(g.id, g.version, { type: 'reject', reason: 'not a grievance', notGrievance: true })
    expect(res.status).toBe('applied')
    await server.postRepliesNow()
    expect(acksTo(tweet.id)).toHaveLength(0)
    const labels = await server.db.query<{ actionable: boolean; source: string }>(
      'SELECT actionable, source FROM triage_labels WHERE tweet_id = $1',
      [tweet.id],
    )
    expect(labels).toEqual([{ actionable: false, source: 'review-dismiss' }])
  })

  it('finds ignored tweets by text, makes one a ticket once (acknowledged), and scopes who may', async () => {
    const tweet = sim.injectTweet({ author: 'lata_j', text: '@HMOIndia good morning sir, 50% pension news today' })
    sim.injectTweet({ author: 'other_1', text: '@HMOIndia good morning sir' })
    await server.ingestNow()
    const officer = await loggedIn(server, 'officer.general')
    const anonymous = await loggedIn(server, 'officer.general')
    anonymous.token = undefined
    expect((await anonymous.request('GET', '/api/v1/review/ignored')).status).toBe(401)
    expect((await officer.request('GET', '/api/v1/review/ignored?limit=abc')).status).toBe(400)

    const found = (await officer.request('GET', '/api/v1/review/ignored?q=50%25%20pension')).body as IgnoredResponse
    expect(found.tweets.map((x) => x.tweetId)).toEqual([tweet.id])
    expect(found.tweets[0]!.confidence).toBeLessThan(0.25)
    // Page by page, one at a time (tweets of one batch share their time): each once, none lost.
    const all = (await officer.request('GET', '/api/v1/review/ignored?limit=200')).body as IgnoredResponse
    expect(all.tweets.length).toBeGreaterThanOrEqual(3)
    const paged: string[] = []
    let before: string | null = null
    for (let i = 0; i < 50; i++) {
      const path = `/api/v1/review/ignored?limit=1${before ? `&before=${encodeURIComponent(before)}` : ''}`
      const page = (await officer.request('GET', path)).body as IgnoredResponse
      paged.push(...page.tweets.map((x) => x.tweetId))
      before = page.next
      if (!before) break
    }
    expect(paged).toEqual(all.tweets.map((x) => x.tweetId))
    expect((await officer.request('GET', '/api/v1/review/ignored?before=yesterday')).status).toBe(400)

    // An officer may not make a ticket for another division's queue.
    const cyber = await officer.request('POST', `/api/v1/review/ignored/${tweet.id}/ticket`, { division: 'cyber' })
    expect(cyber.status).toBe(403)
    const made = await officer.request('POST', `/api/v1/review/ignored/${tweet.id}/ticket`, { division: 'general' })
    expect(made.status).toBe(201)
    expect((await officer.request('POST', `/api/v1/review/ignored/${tweet.id}/ticket`, {})).status).toBe(409)
    expect((await officer.request('POST', `/api/v1/review/ignored/no-such-tweet/ticket`, {})).status).toBe(404)
    await server.postRepliesNow()
    expect(acksTo(tweet.id)).toHaveLength(1)
    const g = (await grievanceOf(officer, tweet.id))!
    expect(g).toMatchObject({ division: 'general', triage: { band: 'ticket' } })
    const listed = (await officer.request('GET', '/api/v1/review/ignored?q=50%25%20pension')).body as IgnoredResponse
    expect(listed.tweets.find((x) => x.tweetId === tweet.id)?.grievanceId).toBe(g.id)
  })

  it('records forwards and not-a-grievance rejections as labels, exports them for training, and measures the model on them', async () => {
    const tweet = sim.injectTweet({ author: 'neha_q', text: TICKET_TEXT.replace('3 months', '5 months') })
    const other = sim.injectTweet({ author: 'raj_q', text: '@HMOIndia someone is harassing me online' })
    await server.ingestNow()
    const supervisor = await loggedIn(server, 'supervisor')
    const g = (await grievanceOf(supervisor, tweet.id))!
    const h = (await grievanceOf(supervisor, other.id))!
    expect((await supervisor.act(g.id, g.version, { type: 'forward', toDivision: 'foreigners' })).status).toBe(
      'applied',
    )
    expect(
      (await supervisor.act(h.id, h.version, { type: 'reject', reason: 'a joke', notGrievance: true })).status,
    ).toBe('applied')

    const officer = await loggedIn(server, 'officer.police')
    expect((await officer.request('GET', '/api/v1/supervisor/triage/quality')).status).toBe(403)
    const quality = (await supervisor.request('GET', '/api/v1/supervisor/triage/quality')).body as TriageQuality
    expect(quality.model?.org).toBe('mha')
    expect(quality.decisions).toBeGreaterThanOrEqual(4)
    const { tp, fp } = { tp: quality.ticket.truePositives, fp: quality.ticket.falsePositives }
    expect(quality.ticket.precision).toBeCloseTo(tp / (tp + fp))
    expect(quality.bands.ticket + quality.bands.review + quality.bands.ignore).toBe(quality.decisions)
    console.log(`[review.test] quality on ${quality.decisions} decisions: ${JSON.stringify(quality)}`)

    // `seva labels export` writes what `seva model train --in` reads.
    const lines = await exportLabels(server.db)
    const parsed = parseLabelled(lines.join('\n'))
    expect(parsed.problems).toEqual([])
    const byId = new Map(parsed.tweets.map((x) => [x.id, x.label]))
    expect(byId.get(tweet.id)).toEqual({ actionable: true, division: 'foreigners' })
    expect(byId.get(other.id)).toEqual({ actionable: false, division: null })

    // Retrained on the corpus and the desk's decisions; seva triage then uses that model.
    const dir = mkdtempSync(join(tmpdir(), 'seva-retrain-'))
    try {
      const labelsFile = join(dir, 'labels.jsonl')
      writeFileSync(labelsFile, `${lines.join('\n')}\n`)
      const tweetsFile = join(dir, 'tweets.jsonl')
      writeFileSync(tweetsFile, `${JSON.stringify({ id: tweet.id, text: TICKET_TEXT, author: 'neha_q' })}\n`)
      const out: string[] = []
      const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }
      const train = (extra: string[], file: string) =>
        run(['model', 'train', '--org', DEFAULT_ORG_FILE, '--in', CORPUS, ...extra, '--out', join(dir, file)], io)
      expect(train(['--in', labelsFile], 'with-labels.json')).toBe(0)
      expect(train([], 'corpus-only.json')).toBe(0)
      const withLabels = JSON.parse(readFileSync(join(dir, 'with-labels.json'), 'utf8')) as { createdFrom: string }
      const corpusOnly = JSON.parse(readFileSync(join(dir, 'corpus-only.json'), 'utf8')) as { createdFrom: string }
      expect(withLabels.createdFrom).not.toBe(corpusOnly.createdFrom)
      out.length = 0
      expect(
        run(['triage', '--org', DEFAULT_ORG_FILE, '--in', tweetsFile, '--model', join(dir, 'with-labels.json')], io),
      ).toBe(0)
      const verdict = JSON.parse(out.find((l) => l.startsWith('{'))!) as { band: string; confidence: number }
      expect(['ticket', 'review', 'ignore']).toContain(verdict.band)
      expect(verdict.confidence).toBeGreaterThan(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
