// The triage model registry: the org's model file is version 1 and deployed at first start
// (once, however often the server starts); admins upload trained model files (validated,
// size-limited, nothing stored on a refusal), deploy a version and roll back, each audited;
// the ingestion's triage follows the deployed version without a restart; every version is
// measured on the last 30 days of officers' decisions by the quality view's own counting.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/twitter-sim/index'
import type { RunningServer } from '../../src/server/index'
import { readModelFile, triageFor } from '../../src/server/review'
import { recordLabel } from '../../src/server/review/labels'
import type { OrgSnapshot } from '../../src/server/config/live-org'
import { QualityCache } from '../../src/server/models/quality-cache'
import type { StoredLabel } from '../../src/server/review/labels'
import {
  MODEL_LIMITS,
  type ModelDeployed,
  type ModelList,
  type ModelQuality,
  type ModelUploaded,
} from '../../src/shared/models'
import type { Grievance } from '../../src/shared/grievance'
import type { TriageQuality } from '../../src/shared/protocol'
import {
  modelToFile,
  parseModel,
  triageTweet,
  type TriageModel,
  type TriageOutcome,
} from '../../src/shared/triage-model'
import { freshDatabase, loggedIn, startTestServer, type ApiClient, type TestDatabase } from './helpers'

const MODELS_DIR = join(import.meta.dirname, '..', '..', 'resources', 'models')
const SHIPPED = readModelFile(join(MODELS_DIR, 'mha.model.json'))
// The shipped MHA model gives this 0.93: a ticket.
const TEXT = '@HMOIndia my passport verification is pending for 3 months, please help'

/** The shipped model made less sure of everything (its calibration moved): another version to deploy. */
function lessSure(model: TriageModel): ReturnType<typeof modelToFile> {
  const file = modelToFile(model)
  return {
    ...file,
    createdFrom: `${file.createdFrom}+less-sure`,
    calibration: { a: file.calibration.a, b: file.calibration.b - 2.2 },
  }
}

let sim: Simulator
let db: TestDatabase
let dataDir: string | undefined
let server: RunningServer
let admin: ApiClient

async function start(): Promise<RunningServer> {
  return startTestServer(db, { xApiBase: sim.url, configCheckMs: 0, ...(dataDir ? { dataDir } : {}) })
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, scenario: false })
  db = await freshDatabase()
  dataDir = db.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'seva-models-test-'))
  server = await start()
  admin = await loggedIn(server, 'admin')
})
afterAll(async () => {
  await server?.close()
  await sim?.close()
  await db?.drop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

async function list(): Promise<ModelList> {
  const res = await admin.request('GET', '/api/v1/admin/models')
  expect(res.status).toBe(200)
  return res.body as ModelList
}

async function versionCount(): Promise<number> {
  const [row] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM triage_models')
  return Number(row!.n)
}

/** How `model` judges TEXT as a mention of the org's handle, on the server's own configuration. */
function judged(model: TriageModel, author: { author: string; authorId: string }): TriageOutcome {
  const snapshot = server.config.current()
  return triageTweet(triageFor(snapshot.compiled, model, snapshot.ownHandles), {
    id: 'expected',
    text: TEXT,
    authorId: author.authorId,
    authorUsername: author.author,
    conversationId: 'expected',
    viaHandle: 'HMOIndia',
  })
}

let author = 0
/** A tweet ingested now; its grievance's triage, or the ignored row's confidence. */
async function ingested(
  text: string,
): Promise<{ band: string; confidence: number | undefined; author: string; authorId: string }> {
  const tweet = sim.injectTweet({ author: `citizen_${++author}`, text })
  await server.ingestNow()
  const [row] = await server.db.query<{ doc: Grievance | string }>(
    'SELECT doc FROM grievances WHERE source_tweet_id = $1',
    [tweet.id],
  )
  if (row) {
    const g = typeof row.doc === 'string' ? (JSON.parse(row.doc) as Grievance) : row.doc
    return {
      band: g.triage.band ?? 'ticket',
      confidence: g.triage.confidence,
      author: tweet.author,
      authorId: tweet.authorId,
    }
  }
  const [ignored] = await server.db.query<{ confidence: number }>(
    'SELECT confidence FROM ignored_tweets WHERE tweet_id = $1',
    [tweet.id],
  )
  if (!ignored) throw new Error(`tweet ${tweet.id} was not ingested`)
  return { band: 'ignore', confidence: Number(ignored.confidence), author: tweet.author, authorId: tweet.authorId }
}

describe('model registry', () => {
  it('registers the org model file as version 1, deployed, once however often the server starts', async () => {
    const first = await list()
    expect(first.org).toBe('mha')
    expect(first.deployedVersion).toBe(1)
    expect(first.versions).toHaveLength(1)
    expect(first.versions[0]).toMatchObject({
      version: 1,
      source: 'file',
      createdBy: 'system',
      deployed: true,
      summary: { org: 'mha', createdFrom: SHIPPED.createdFrom, thresholds: SHIPPED.thresholds },
    })
    expect(server.models.current()).toMatchObject({ version: 1 })
    expect(server.models.model?.createdFrom).toBe(SHIPPED.createdFrom)

    await server.close()
    server = await start()
    admin = await loggedIn(server, 'admin')
    expect(await versionCount()).toBe(1)
    const [deployments] = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM triage_model_deployments',
    )
    expect(Number(deployments!.n)).toBe(1)
    expect(server.models.current()).toMatchObject({ version: 1 })
  })

  it('refuses bad uploads with a clear 4xx and stores nothing', async () => {
    const good = modelToFile(SHIPPED)
    const railways = modelToFile(readModelFile(join(MODELS_DIR, 'railways.model.json')))
    const room = MODEL_LIMITS.fileBytes - Buffer.byteLength(JSON.stringify(good))
    const refusals: [unknown, number, RegExp][] = [
      [{}, 400, /model/],
      [{ model: { ...good, format: 'something-else' } }, 400, /format/],
      [
        { model: { ...good, weights: { ...good.weights, actionable: { ...good.weights.actionable, data: '!!!!' } } } },
        400,
        /base64/,
      ],
      [
        { model: { ...good, features: { ...good.features, featureSet: good.features.featureSet + 1 } } },
        400,
        /feature set/,
      ],
      [{ model: railways }, 400, /railways/],
      // Under the request limit but over the file's own: refused by size, not parsed.
      [{ model: { ...good, training: { padding: 'x'.repeat(room + 1024) } } }, 413, /at most/],
      // Over the request limit itself.
      [{ model: { ...good, training: { padding: 'x'.repeat(room + 16 * 1024) } } }, 413, /too large/],
      // The deployed file again.
      [{ model: good }, 409, /already version 1/],
    ]
    for (const [body, status, message] of refusals) {
      const res = await admin.request('POST', '/api/v1/admin/models', body)
      expect(res.status, JSON.stringify(res.body).slice(0, 200)).toBe(status)
      expect((res.body as { message: string }).message).toMatch(message)
    }
    expect(await versionCount()).toBe(1)
  })

  it('deploys an uploaded version live (ingestion uses its confidence) and rolls back, each audited', async () => {
    const before = await ingested(TEXT)
    expect(before.band).toBe('ticket')
    expect(before.confidence).toBeCloseTo(judged(SHIPPED, before).confidence, 6)

    const file = lessSure(SHIPPED)
    const up = await admin.request('POST', '/api/v1/admin/models', { model: file, note: 'less sure' })
    expect(up.status).toBe(201)
    const version = (up.body as ModelUploaded).version
    expect(version).toBe(2)
    // Uploaded is not deployed: triage still uses version 1.
    const notYet = await ingested(TEXT)
    expect(notYet.confidence).toBeCloseTo(judged(SHIPPED, notYet).confidence, 6)

    const deploy = await admin.request('POST', `/api/v1/admin/models/${version}/deploy`)
    expect(deploy.status).toBe(200)
    expect(deploy.body as ModelDeployed).toEqual({ deployedVersion: 2, previousVersion: 1, rolledBack: false })
    const after = await ingested(TEXT)
    const byNew = judged(parseModel(file), after)
    expect(byNew.band).not.toBe('ticket')
    expect(after.band).toBe(byNew.band)
    expect(after.confidence).toBeCloseTo(byNew.confidence, 6)
    expect((await list()).deployedVersion).toBe(2)

    expect((await admin.request('POST', '/api/v1/admin/models/2/deploy')).status).toBe(409)
    expect((await admin.request('POST', '/api/v1/admin/models/99/deploy')).status).toBe(404)
    expect((await admin.request('POST', '/api/v1/admin/models/abc/deploy')).status).toBe(400)

    const back = await admin.request('POST', '/api/v1/admin/models/1/deploy')
    expect(back.status).toBe(200)
    expect(back.body as ModelDeployed).toEqual({ deployedVersion: 1, previousVersion: 2, rolledBack: true })
    const rolledBack = await ingested(TEXT)
    expect(rolledBack.band).toBe('ticket')
    expect(rolledBack.confidence).toBeCloseTo(judged(SHIPPED, rolledBack).confidence, 6)

    const entries = await server.db.query<{ action: string; actor: string; target: string; details: unknown }>(
      `SELECT action, actor, target, details FROM audit_log WHERE action IN ('model.upload', 'model.deploy', 'model.rollback') ORDER BY seq`,
    )
    expect(entries.map((e) => [e.action, e.actor, e.target])).toEqual([
      ['model.upload', 'admin', 'model 2'],
      ['model.deploy', 'admin', 'model 2'],
      ['model.rollback', 'admin', 'model 1'],
    ])
    const details = entries.map((e) => (typeof e.details === 'string' ? JSON.parse(e.details) : e.details) as object)
    expect(details[1]).toMatchObject({ version: 2, previousVersion: 1 })
    expect(details[2]).toMatchObject({ version: 1, previousVersion: 2 })
  })

  it('measures every version on the last 30 days of decisions, the deployed one as the quality view does', async () => {
    const decided: [string, boolean][] = [
      ['@HMOIndia my passport verification is pending for 3 months, please help', true],
      ['@HMOIndia police did not file my FIR for a stolen phone, kindly help', true],
      ['@HMOIndia thanks for the quick response', false],
      ['@HMOIndia great speech by the minister today', false],
    ]
    await server.db.transaction(async (tx) => {
      for (const [i, [text, actionable]] of decided.entries())
        await recordLabel(tx, {
          tweetId: `label-${i}`,
          text,
          authorUsername: `person_${i}`,
          viaHandle: null,
          actionable,
          division: actionable ? 'police' : null,
          source: actionable ? 'review-accept' : 'reject-not-grievance',
          username: 'officer.cyber',
        })
    })
    const listed = await list()
    const quality = (await admin.request('GET', '/api/v1/admin/triage/quality')).body as TriageQuality
    expect(listed.decisions).toBe(quality.decisions)
    expect(listed.decisions).toBeGreaterThanOrEqual(decided.length)
    const deployed = listed.versions.find((v) => v.deployed)!
    expect(deployed.version).toBe(1)
    expect(deployed.quality.precision).toBe(quality.ticket.precision)
    expect(deployed.quality.recall).toBe(quality.ticket.recall)
    expect(deployed.quality.reachedRecall).toBe(quality.ticketOrReview.recall)
    const { precision: p, recall: r } = deployed.quality
    expect(deployed.quality.f1).toBeCloseTo((2 * p! * r!) / (p! + r!), 10)
    // The less sure version sends fewer tweets to the ticket band: its ticket recall is lower.
    const other = listed.versions.find((v) => v.version === 2)!
    expect(other.deployed).toBe(false)
    expect(other.quality.recall!).toBeLessThan(r!)
    expect(listed.versions.map((v) => v.version)).toEqual([2, 1])
  })

  it('keeps the figures until the decisions change: a new officer decision changes them', async () => {
    const before = await list()
    const deployedBefore = before.versions.find((v) => v.deployed)!
    // A repeat read answers the same figures.
    expect((await list()).versions).toEqual(before.versions)
    // A grievance-like tweet the officer ruled not a grievance: the deployed model tickets it
    // (a false positive), so its precision falls, and the list says so on the next read.
    await server.db.transaction((tx) =>
      recordLabel(tx, {
        tweetId: 'label-cache-fp',
        text: TEXT,
        authorUsername: 'person_cache',
        viaHandle: null,
        actionable: false,
        division: null,
        source: 'reject-not-grievance',
        username: 'officer.cyber',
      }),
    )
    const after = await list()
    const quality = (await admin.request('GET', '/api/v1/admin/triage/quality')).body as TriageQuality
    expect(after.decisions).toBe(before.decisions + 1)
    const deployedAfter = after.versions.find((v) => v.deployed)!
    expect(deployedAfter.quality.precision!).toBeLessThan(deployedBefore.quality.precision!)
    expect(deployedAfter.quality.precision).toBe(quality.ticket.precision)
  })

  it('measures a version again only when the window, the configuration or the version is new', async () => {
    const cache = new QualityCache()
    const snapshot = server.config.current()
    let measured = 0
    const measure = (labels: readonly StoredLabel[]): ModelQuality => {
      measured++
      return { precision: labels.length, recall: null, f1: null, reachedRecall: null }
    }
    const read = async (at: OrgSnapshot = snapshot, version = 1) =>
      (await cache.window(server.db, at, new Date())).figures(version, measure)
    const first = await read()
    expect(measured).toBe(1)
    expect(await read()).toEqual(first)
    expect(measured).toBe(1)
    // Another version is measured on its own; the first one stays kept.
    await read(snapshot, 2)
    await read()
    expect(measured).toBe(2)
    // Another configuration (a new snapshot): measured again.
    await read({ ...snapshot })
    expect(measured).toBe(3)
    // A new decision: measured again, on a window one label longer.
    await server.db.transaction((tx) =>
      recordLabel(tx, {
        tweetId: 'label-cache-new',
        text: '@HMOIndia water supply cut in our colony for a week',
        authorUsername: 'person_cache_new',
        viaHandle: null,
        actionable: true,
        division: 'police',
        source: 'review-accept',
        username: 'officer.cyber',
      }),
    )
    const fresh = await read()
    expect(measured).toBe(4)
    expect(fresh.precision).toBe(first.precision! + 1)
    // A decision ageing out of the window (its time moved back 31 days) also starts afresh.
    await server.db.query(`UPDATE triage_labels SET at = now() - interval '31 days' WHERE tweet_id = 'label-cache-new'`)
    expect((await read()).precision).toBe(first.precision)
    expect(measured).toBe(5)
  })

  it('is for admins only: 401 without a token, 403 for officers and supervisors', async () => {
    const anonymous = await loggedIn(server, 'officer.cyber').then((c) => {
      c.token = undefined
      return c
    })
    const routes: [string, string][] = [
      ['GET', '/api/v1/admin/models'],
      ['POST', '/api/v1/admin/models'],
      ['POST', '/api/v1/admin/models/1/deploy'],
    ]
    for (const [method, path] of routes) {
      expect((await anonymous.request(method, path, method === 'POST' ? {} : undefined)).status).toBe(401)
      for (const user of ['officer.cyber', 'supervisor']) {
        const client = await loggedIn(server, user)
        expect((await client.request(method, path, method === 'POST' ? {} : undefined)).status).toBe(403)
      }
    }
    expect((await list()).deployedVersion).toBe(1)
  })

  it('lists the newest versions and always the deployed one, however many were added since', async () => {
    const base = modelToFile(SHIPPED)
    for (let i = 0; i < MODEL_LIMITS.versionsListed; i++) {
      const res = await admin.request('POST', '/api/v1/admin/models', {
        model: { ...base, createdFrom: `${base.createdFrom}+batch-${i}` },
      })
      expect(res.status).toBe(201)
    }
    const listed = await list()
    const newest = 2 + MODEL_LIMITS.versionsListed
    const expected = Array.from({ length: MODEL_LIMITS.versionsListed }, (_, i) => newest - i)
    expect(listed.versions.map((v) => v.version)).toEqual([...expected, 1])
    expect(listed.versions.at(-1)).toMatchObject({ version: 1, deployed: true })
  })
})
