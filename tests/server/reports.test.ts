// Reports: the summary's numbers against values worked out by hand on a dozen seeded
// grievances (medians, p90s, SLA share, divisions, officers, backlog, rules, cost), the
// filters, the range in IST days and the supervisor's scope; who may ask; bad ranges;
// the XLSX and CSV exports read back and compared with the database; the audit entries;
// and the facts table kept in step with saves and equal to what the migration backfills.
import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureUser } from '../../src/server/auth'
import { writeTransaction } from '../../src/server/db/database'
import { MIGRATIONS } from '../../src/server/db/migrations'
import { PERCENTILE_TOLERANCE } from '../../src/server/reports/rollup'
import { insertGrievance, loadGrievance, nextVersion, saveGrievance } from '../../src/server/grievances'
import type { RunningServer } from '../../src/server/index'
import type { Grievance, GrievanceSla, ThreadEntry } from '../../src/shared/grievance'
import type { AuditPage } from '../../src/shared/audit'
import { EXPORT_COLUMNS, REPORTS_PATHS, type ReportSummary } from '../../src/shared/reports'
import { ApiClient, PASSWORD, freshDatabase, loggedIn, startTestServer, type TestDatabase } from './helpers'

let db: TestDatabase
let server: RunningServer
let admin: ApiClient
let supervisor: ApiClient
let policeSupervisor: ApiClient
let officer: ApiClient

const HOUR = 3_600_000

/**
 * Medians and p90s come from the per-day roll-ups' histograms: within their documented
 * tolerance of the exact figure (tests/server/report-rollups.test.ts checks the facts give it exactly).
 */
function expectNear(actual: number | null, exact: number): void {
  expect(actual).not.toBeNull()
  expect(Math.abs(actual! - exact)).toBeLessThanOrEqual(
    exact * PERCENTILE_TOLERANCE.relative + PERCENTILE_TOLERANCE.seconds,
  )
}
const at = (iso: string, plusMs = 0): string => new Date(Date.parse(iso) + plusMs).toISOString()

interface Seed {
  key: string
  division: string | null
  opened: string
  priority?: Grievance['priority']
  assignee?: string | null
  language?: string
  handle?: string
  status?: Grievance['status']
  /** Seconds to a person's posted reply. */
  replyAfter?: number
  /** Only an automatic acknowledgement was posted. */
  ackOnly?: boolean
  /** Seconds to the save that resolved (or rejected) it; also its updatedAt. */
  doneAfter?: number
  slaHours: number
  rules?: string[]
  band?: 'ticket' | 'review'
  sla?: Partial<GrievanceSla>
  text?: string
  author?: string
}

let tweetSeq = 1_800_000_000_000_000_000n
function grievanceOf(s: Seed): Grievance {
  const tweetId = String(tweetSeq++)
  const thread: ThreadEntry[] = [
    { id: `citizen:${tweetId}`, kind: 'citizen', text: s.text ?? 'help', at: s.opened, by: 'citizen', tweetId },
  ]
  if (s.ackOnly)
    thread.push({
      id: `ack:${tweetId}`,
      kind: 'reply',
      text: 'Your ticket is registered',
      at: at(s.opened, 5_000),
      by: 'HMOIndia',
      post: { state: 'posted', attempts: 1 },
    })
  if (s.replyAfter !== undefined)
    thread.push(
      // A note and an unposted draft first: neither is a response.
      { id: randomUUID(), kind: 'note', text: 'checking', at: at(s.opened, 1_000), by: s.assignee ?? 'x' },
      {
        id: randomUUID(),
        kind: 'reply',
        text: 'We are on it',
        at: at(s.opened, s.replyAfter * 1000),
        by: s.assignee ?? 'officer',
        post: { state: 'posted', attempts: 1 },
      },
    )
  const updatedAt = s.doneAfter !== undefined ? at(s.opened, s.doneAfter * 1000) : at(s.opened, 60_000)
  const slaDueAt = at(s.opened, s.slaHours * HOUR)
  return {
    id: randomUUID(),
    ticket: `MHA-26-${String(Number(tweetSeq % 1_000_000n)).padStart(6, '0')}`,
    source: {
      tweetId,
      conversationId: tweetId,
      authorId: `a${tweetId}`,
      authorUsername: s.author ?? `citizen_${s.key}`,
      text: s.text ?? 'help',
      language: s.language ?? 'en',
      createdAt: s.opened,
      via: { kind: 'mention', handle: s.handle ?? 'HMOIndia' },
      media: [],
    },
    thread,
    division: s.division,
    matchedRules: s.rules ?? [],
    priority: s.priority ?? 'normal',
    triage: { actionable: true, reasons: [], band: s.band ?? 'ticket' },
    status: s.status ?? 'assigned',
    statusReason: null,
    assignee: s.assignee ?? null,
    slaDueAt,
    ...(s.sla
      ? {
          sla: {
            policy: 'test',
            clock: '24x7',
            firstResponseDueAt: slaDueAt,
            resolutionDueAt: slaDueAt,
            interimDueAt: null,
            firstResponseAt: null,
            responseAts: [],
            resolvedAt: null,
            breachedAt: null,
            state: 'on_track',
            escalationLevel: 0,
            escalatedAt: null,
            ...s.sla,
          } satisfies GrievanceSla,
        }
      : {}),
    createdAt: s.opened,
    updatedAt,
    version: 1,
  }
}

// The range is 2026-03-01..2026-03-03 in IST: from 2026-02-28T18:30Z to 2026-03-03T18:30Z.
const G8_OPENED = '2026-02-28T18:45:00.000Z'
const SEEDS: Seed[] = [
  {
    key: 'g1',
    division: 'cyber',
    opened: '2026-03-01T04:30:00.000Z',
    priority: 'high',
    assignee: 'officer.cyber',
    replyAfter: 600,
    status: 'resolved',
    doneAfter: 3600,
    slaHours: 24,
    rules: ['cyber-fraud'],
    text: '=HYPERLINK("http://evil")',
  },
  {
    key: 'g2',
    division: 'cyber',
    opened: '2026-03-01T05:00:00.000Z',
    assignee: 'officer.cyber',
    replyAfter: 1200,
    status: 'resolved',
    doneAfter: 7200,
    slaHours: 24,
    rules: ['cyber-fraud'],
  },
  // g3 is stored resolved, then reopened by a save (below): open, past due, reopened once.
  {
    key: 'g3',
    division: 'cyber',
    opened: '2026-03-02T05:00:00.000Z',
    assignee: 'officer.cyber',
    replyAfter: 1800,
    status: 'resolved',
    doneAfter: 5000,
    slaHours: 1,
    rules: ['cyber-fraud'],
  },
  {
    key: 'g4',
    division: 'police',
    opened: '2026-03-02T06:00:00.000Z',
    assignee: 'officer.police',
    replyAfter: 2400,
    status: 'resolved',
    doneAfter: 10800,
    slaHours: 1,
    rules: ['police-verification'],
  },
  {
    key: 'g5',
    division: 'police',
    opened: '2026-03-03T10:00:00.000Z',
    priority: 'low',
    status: 'new',
    slaHours: 720,
    rules: ['police-verification'],
  },
  {
    key: 'g6',
    division: 'police',
    opened: '2026-03-03T17:00:00.000Z',
    assignee: 'officer.police',
    status: 'rejected',
    doneAfter: 3600,
    slaHours: 1,
  },
  // 00:30 IST on 4 March: outside the range.
  { key: 'g7', division: 'cyber', opened: '2026-03-03T19:00:00.000Z', status: 'new', slaHours: 72 },
  // 00:15 IST on 1 March: inside. Its SLA record (breached) and response time win over the thread.
  {
    key: 'g8',
    division: 'cyber',
    opened: G8_OPENED,
    priority: 'high',
    assignee: 'officer.cyber',
    language: 'hi',
    handle: 'CyberDost',
    status: 'resolved',
    doneAfter: 14400,
    slaHours: 2,
    rules: ['cyber-fraud', 'visa'],
    text: 'मेरे खाते से पैसे कट गए, कृपया मदद करें',
    author: 'nagrik_1',
    sla: {
      firstResponseAt: at(G8_OPENED, 3000_000),
      resolvedAt: at(G8_OPENED, 14400_000),
      breachedAt: at(G8_OPENED, 2 * HOUR),
      state: 'breached',
    },
  },
  // Still waiting for a person's decision: not in the cohort, counted as a review tweet.
  { key: 'g9', division: 'cyber', opened: '2026-03-02T08:00:00.000Z', status: 'new', slaHours: 72, band: 'review' },
  {
    key: 'g10',
    division: 'cyber',
    opened: '2026-03-02T07:00:00.000Z',
    assignee: 'officer.cyber',
    ackOnly: true,
    slaHours: 720,
    rules: ['cyber-fraud'],
  },
  // Opened before the range, resolved inside it (2 March IST).
  {
    key: 'g11',
    division: 'police',
    opened: '2026-02-20T05:00:00.000Z',
    assignee: 'officer.police',
    status: 'resolved',
    doneAfter: (Date.parse('2026-03-02T08:00:00.000Z') - Date.parse('2026-02-20T05:00:00.000Z')) / 1000,
    slaHours: 720,
  },
  // Open since 10 February: 21 days and more at the end of the range.
  { key: 'g12', division: 'general', opened: '2026-02-10T05:00:00.000Z', status: 'new', slaHours: 2000 },
]
const seeded = new Map<string, Grievance>()

const RANGE = 'from=2026-03-01&to=2026-03-03'
const summaryOf = async (client: ApiClient, query = RANGE): Promise<ReportSummary> => {
  const res = await client.request('GET', `${REPORTS_PATHS.summary}?${query}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body as ReportSummary
}

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db)
  await ensureUser(server.db, {
    username: 'supervisor.police',
    displayName: 'Police supervisor',
    role: 'supervisor',
    divisions: ['police'],
    languages: ['en'],
    password: PASSWORD,
  })
  for (const s of SEEDS) {
    const g = grievanceOf(s)
    seeded.set(s.key, g)
    await writeTransaction(server.db, (tx) => insertGrievance(tx, g))
  }
  // g3: the citizen writes again after the resolution.
  const g3 = seeded.get('g3')!
  await writeTransaction(server.db, async (tx) => {
    const before = (await loadGrievance(tx, g3.id, true))!
    const reopened = { ...nextVersion(before, new Date('2026-03-02T09:00:00.000Z')), status: 'reopened' as const }
    await saveGrievance(tx, before, reopened)
    seeded.set('g3', reopened)
  })
  // Ingestion: three tweets received in the range (one read twice), one before; two ignored
  // in the range, one after; two of our posts on X in the range, one still pending.
  await server.db.query(
    `INSERT INTO seen_tweets (tweet_id, first_source, times_seen, first_seen_at) VALUES
       ('s1', 'mentions', 1, '2026-03-01T00:00:00Z'), ('s2', 'search', 2, '2026-03-02T00:00:00Z'),
       ('s3', 'mentions', 1, '2026-03-03T18:00:00Z'), ('s4', 'mentions', 5, '2026-02-28T18:00:00Z')`,
  )
  await server.db.query(
    `INSERT INTO ignored_tweets (tweet_id, author_username, text, reasons, at) VALUES
       ('i1', 'x', 'rt', '[]', '2026-03-01T01:00:00Z'), ('i2', 'x', 'spam', '[]', '2026-03-03T01:00:00Z'),
       ('i3', 'x', 'later', '[]', '2026-03-03T19:00:00Z')`,
  )
  const [g1, g2] = [seeded.get('g1')!, seeded.get('g2')!]
  await server.db.query(
    `INSERT INTO reply_outbox (entry_id, grievance_id, text, state, created_at) VALUES
       ('p1', $1, 'a', 'posted', '2026-03-01T06:00:00Z'), ('p2', $2, 'b', 'posted', '2026-03-02T06:00:00Z'),
       ('p3', $2, 'c', 'pending', '2026-03-02T07:00:00Z')`,
    [g1.id, g2.id],
  )
  admin = await loggedIn(server, 'admin')
  supervisor = await loggedIn(server, 'supervisor')
  policeSupervisor = await loggedIn(server, 'supervisor.police')
  officer = await loggedIn(server, 'officer.cyber')
}, 60_000)

afterAll(async () => {
  await server?.close()
  await db?.drop()
})

describe('the summary', () => {
  it('counts the cohort and computes medians, p90s and the SLA share by hand-checked values', async () => {
    const s = await summaryOf(supervisor)
    // Opened 1–3 March IST, ticket band: g1 g2 g3 g4 g5 g6 g8 g10.
    expect(s.grievancesOpened).toBe(8)
    // Resolved 1–3 March IST whenever opened: g1 g2 g8 (1 March), g4 g11 (2 March).
    expect(s.grievancesResolved).toBe(5)
    expect(s.grievancesRejected).toBe(1)
    expect(s.grievancesReopened).toBe(1)
    // First responses 600 1200 1800 2400 3000 s (g10's acknowledgement is not one).
    expectNear(s.firstResponseMedianSeconds, 1800)
    expectNear(s.firstResponseP90Seconds, 2400 + 0.6 * 600)
    // Resolutions 3600 7200 10800 14400 s (g3 was reopened: no longer resolved).
    expectNear(s.resolutionMedianSeconds, 9000)
    expectNear(s.resolutionP90Seconds, 10800 + 0.7 * 3600)
    // Decided: g1 g2 met; g3 (past due, open), g4 (late), g8 (breached) not: 2 of 5.
    expect(s.slaDecided).toBe(5)
    expect(s.slaMetShare).toBeCloseTo(0.4, 10)
    expect(s.tweets).toEqual({ received: 3, actionable: 8, review: 1, ignored: 2 })
  })

  it('breaks the figures down by division and officer', async () => {
    const s = await summaryOf(admin)
    const cyber = s.byDivision.find((d) => d.division === 'cyber')!
    expect(cyber).toMatchObject({
      name: 'Cyber Crime (I4C)',
      nameHi: 'साइबर अपराध',
      grievancesOpened: 5,
      grievancesResolved: 3,
      slaDecided: 4,
      slaMetShare: 0.5,
    })
    expectNear(cyber.firstResponseMedianSeconds, 1500)
    expectNear(cyber.resolutionMedianSeconds, 7200)
    expectNear(cyber.firstResponseP90Seconds, 1800 + 0.7 * 1200)
    const police = s.byDivision.find((d) => d.division === 'police')!
    expect(police).toMatchObject({
      grievancesOpened: 3,
      grievancesResolved: 2,
      grievancesRejected: 1,
      slaMetShare: 0,
    })
    expectNear(police.firstResponseMedianSeconds, 2400)
    expectNear(police.resolutionMedianSeconds, 10800)
    expect(s.byDivision.map((d) => d.division).sort()).toEqual(['cyber', 'police'])
    expect(s.byOfficer.map((o) => [o.officer, o.grievancesOpened, o.open, o.grievancesResolved])).toEqual([
      ['officer.cyber', 5, 2, 3],
      ['officer.police', 2, 0, 2],
    ])
  })

  it('gives the backlog by age at the end of the range, the top rules, the cost and a series per day', async () => {
    const s = await summaryOf(supervisor)
    // Open at 2026-03-03T18:30Z: g5 (0.4 d), g3 and g10 (1.5 d), g12 (21.5 d).
    expect(s.backlog).toEqual([
      { bucket: '0-1d', count: 1 },
      { bucket: '1-3d', count: 2 },
      { bucket: '3-7d', count: 0 },
      { bucket: '7-21d', count: 0 },
      { bucket: '21d+', count: 1 },
    ])
    expect(s.topRules).toEqual([
      { rule: 'cyber-fraud', grievances: 5 },
      { rule: 'police-verification', grievances: 2 },
      { rule: 'visa', grievances: 1 },
    ])
    // 4 reads × $0.005 + 2 posts × $0.015 = $0.05, over 8 grievances.
    expect(s.cost).toEqual({
      reads: 4,
      posts: 2,
      readUsd: 0.02,
      postUsd: 0.03,
      totalUsd: 0.05,
      perGrievanceUsd: 0.00625,
      prices: { readUsd: 0.005, postUsd: 0.015 },
    })
    expect(s.series.daily).toEqual([
      { day: '2026-03-01', opened: 3, resolved: 3 },
      { day: '2026-03-02', opened: 3, resolved: 2 },
      { day: '2026-03-03', opened: 2, resolved: 0 },
    ])
    expect(s.series.slaByDivision).toContainEqual({
      day: '2026-03-01',
      division: 'cyber',
      decided: 3,
      slaMetShare: 2 / 3,
    })
    expect(s.series.slaByDivision).toContainEqual({ day: '2026-03-02', division: 'police', decided: 1, slaMetShare: 0 })
    expect(s.series.slaByDivision).toContainEqual({
      day: '2026-03-03',
      division: 'police',
      decided: 0,
      slaMetShare: null,
    })
  })

  it('applies each filter', async () => {
    expect((await summaryOf(admin, `${RANGE}&division=police`)).grievancesOpened).toBe(3)
    // Normal: g2 g3 g4 g6 g10.
    expect((await summaryOf(admin, `${RANGE}&priority=normal`)).grievancesOpened).toBe(5)
    const hindi = await summaryOf(admin, `${RANGE}&language=hi`)
    expect([hindi.grievancesOpened, hindi.slaMetShare]).toEqual([1, 0])
    expectNear(hindi.firstResponseMedianSeconds, 3000)
    expect((await summaryOf(admin, `${RANGE}&handle=cyberdost`)).grievancesOpened).toBe(1)
    const police = await summaryOf(admin, `${RANGE}&officer=officer.police`)
    expect([police.grievancesOpened, police.grievancesResolved]).toEqual([2, 2])
    // An untouched select sends an empty value: no filter.
    expect((await summaryOf(admin, `${RANGE}&division=&priority=`)).grievancesOpened).toBe(8)
  })

  it('counts days in IST: 00:30 IST on the 4th is the 4th, 00:15 IST on the 1st is the 1st', async () => {
    expect((await summaryOf(admin, 'from=2026-03-03&to=2026-03-03')).grievancesOpened).toBe(2)
    expect((await summaryOf(admin, 'from=2026-03-04&to=2026-03-04')).grievancesOpened).toBe(1)
    expect((await summaryOf(admin, 'from=2026-02-28&to=2026-02-28')).grievancesOpened).toBe(0)
  })

  it("keeps a supervisor to their divisions and refuses another division's report", async () => {
    const s = await summaryOf(policeSupervisor)
    expect(s.grievancesOpened).toBe(3)
    expect(s.byDivision.map((d) => d.division)).toEqual(['police'])
    const refused = await policeSupervisor.request('GET', `${REPORTS_PATHS.summary}?${RANGE}&division=cyber`)
    expect(refused.status).toBe(403)
  })
})

describe('who may ask, and what', () => {
  const paths = [REPORTS_PATHS.summary, REPORTS_PATHS.grievancesCsv, REPORTS_PATHS.grievancesXlsx]

  it('answers 401 without a session and 403 to officers on every reports route', async () => {
    const anonymous = new ApiClient(server.url)
    for (const path of paths) {
      expect((await anonymous.request('GET', `${path}?${RANGE}`)).status).toBe(401)
      const res = await officer.request('GET', `${path}?${RANGE}`)
      expect(res.status).toBe(403)
      expect(res.body).toMatchObject({ error: 'forbidden' })
    }
  })

  it('answers 400 with a message for bad dates and ranges', async () => {
    for (const query of [
      'from=2026-13-01&to=2026-03-03',
      'from=2026-02-30&to=2026-03-03',
      'from=2026-03-03&to=2026-03-01',
      'from=2025-01-01&to=2026-01-02',
      'to=2026-03-03',
      'from=2026-03-01&to=2026-03-03&priority=urgent',
    ]) {
      for (const path of paths) {
        const res = await admin.request('GET', `${path}?${query}`)
        expect(res.status, `${path}?${query}`).toBe(400)
        expect((res.body as { message: string }).message).toBeTruthy()
      }
    }
  })
})

interface FactRow {
  [key: string]: unknown
  ticket: string
}

/** The export's rows as the database has them, in the export's order. */
async function expectedRows(divisions: string[] | null): Promise<string[][]> {
  const rows = await server.db.query<FactRow>(
    `SELECT f.ticket, f.division, f.status, f.assignee, g.doc->'source'->>'text' AS text,
            g.doc->'source'->>'authorUsername' AS author, f.tweet_id
     FROM grievance_facts f JOIN grievances g ON g.id = f.grievance_id
     WHERE f.opened_day BETWEEN '2026-03-01' AND '2026-03-03' AND f.band <> 'review'
       AND ($1::text[] IS NULL OR f.division = ANY($1::text[]))
     ORDER BY f.opened_at, f.grievance_id`,
    [divisions],
  )
  return rows.map((r) => [
    r.ticket,
    String(r.division),
    String(r.status),
    String(r.assignee ?? ''),
    String(r.text),
    `https://x.com/${String(r.author)}/status/${String(r.tweet_id)}`,
  ])
}

const pick = (cells: Record<string, string>): string[] => [
  cells.ticket!,
  cells.division!,
  cells.status!,
  cells.assignee!,
  cells.text!,
  cells.tweetLink!,
]

/** RFC 4180: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      record.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i++
    } else field += c
  }
  return records
}

async function download(client: ApiClient, path: string) {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${client.token}` } })
  return { res, bytes: Buffer.from(await res.arrayBuffer()) }
}

describe('exports', () => {
  it('writes the CSV with a BOM, every column, Hindi intact and formulas defused, row for row as stored', async () => {
    const { res, bytes } = await download(supervisor, `${REPORTS_PATHS.grievancesCsv}?${RANGE}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/)
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="seva-grievances-2026-03-01_2026-03-03.csv"',
    )
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header, ...records] = parseCsv(bytes.toString('utf8').slice(1))
    expect(header).toEqual([...EXPORT_COLUMNS])
    const cells = records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])))
    const expected = await expectedRows(null)
    // The formula is stored as the citizen wrote it and defused only in the file.
    const defused = expected.map((r) => r.map((v) => (v.startsWith('=') ? `'${v}` : v)))
    expect(cells.map(pick)).toEqual(defused)
    const g8 = cells.find((c) => c.citizen === 'nagrik_1')!
    expect(g8).toMatchObject({
      text: 'मेरे खाते से पैसे कट गए, कृपया मदद करें',
      divisionNameHi: 'साइबर अपराध',
      language: 'hi',
      handle: 'CyberDost',
      slaMet: 'no',
      breachedAt: at(G8_OPENED, 2 * HOUR),
      firstResponse: at(G8_OPENED, 3000_000),
      opened: G8_OPENED,
    })
    expect(cells.find((c) => c.ticket === seeded.get('g1')!.ticket)!.slaMet).toBe('yes')
    expect(cells.find((c) => c.ticket === seeded.get('g5')!.ticket)!.slaMet).toBe('')
  })

  it('writes the XLSX with a grievances sheet equal to the database and a summary sheet', async () => {
    const { res, bytes } = await download(admin, `${REPORTS_PATHS.grievancesXlsx}?${RANGE}&division=cyber`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="seva-grievances-2026-03-01_2026-03-03-cyber.xlsx"',
    )
    const book = new ExcelJS.Workbook()
    // exceljs types its Buffer against an older @types/node.
    await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0])
    expect(book.worksheets.map((w) => w.name)).toEqual(['Grievances', 'Summary'])
    const values: string[][] = []
    book.getWorksheet('Grievances')!.eachRow((row) => {
      values.push(EXPORT_COLUMNS.map((_, i) => String(row.getCell(i + 1).value ?? '')))
    })
    const [header, ...rows] = values
    expect(header).toEqual([...EXPORT_COLUMNS])
    const cells = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])))
    const cyber = (await expectedRows(null)).filter((r) => r[1] === 'cyber')
    expect(cells.map(pick)).toEqual(cyber)
    expect(cells.find((c) => c.citizen === 'nagrik_1')!.text).toBe('मेरे खाते से पैसे कट गए, कृपया मदद करें')
    const summary = new Map<string, unknown>()
    book.getWorksheet('Summary')!.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value))
    expect(summary.get('grievancesOpened')).toBe(5)
    expect(summary.get('filter.division')).toBe('cyber')
  })

  it("exports only a supervisor's divisions and audits every export with format, range, filters and rows", async () => {
    const { res, bytes } = await download(policeSupervisor, `${REPORTS_PATHS.grievancesCsv}?${RANGE}&priority=normal`)
    expect(res.status).toBe(200)
    const [, ...records] = parseCsv(bytes.toString('utf8').slice(1))
    // Police, normal: g4 and g6.
    expect(records.map((r) => r[0])).toEqual([seeded.get('g4')!.ticket, seeded.get('g6')!.ticket])
    const audit = await admin.request('GET', '/api/v1/admin/audit?action=report.exported')
    const entries = (audit.body as AuditPage).entries
    expect(entries[0]).toMatchObject({
      actor: 'supervisor.police',
      target: '2026-03-01..2026-03-03',
      details: { format: 'csv', from: '2026-03-01', to: '2026-03-03', filters: { priority: 'normal' }, rows: 2 },
    })
    expect(entries.map((e) => [e.actor, e.details.format, e.details.rows])).toEqual([
      ['supervisor.police', 'csv', 2],
      ['admin', 'xlsx', 5],
      ['supervisor', 'csv', 8],
    ])
  })
})

describe('the facts table', () => {
  it('holds what the migration would backfill from the stored grievances', async () => {
    const columns = `grievance_id, ticket, tweet_id, author_username, opened_at, opened_day::text, division, handle,
      language, priority, assignee, status, band, entered_review, sla_due_at, first_response_at, resolved_at,
      resolved_day::text, closed_at, breached_at, sla_state, matched_rules, first_response_seconds, resolution_seconds`
    const written = await server.db.query(`SELECT ${columns} FROM grievance_facts ORDER BY grievance_id`)
    const backfill = MIGRATIONS.find((m) => m.version === 16)!.sql.find((s) =>
      s.startsWith('INSERT INTO grievance_facts'),
    )!
    const rebuilt = await server.db
      .transaction(async (tx) => {
        await tx.query('DELETE FROM grievance_facts')
        await tx.query(backfill)
        const rows = await tx.query(`SELECT ${columns} FROM grievance_facts ORDER BY grievance_id`)
        throw Object.assign(new Error('roll back'), { rows })
      })
      .catch((e: { rows?: unknown[] }) => e.rows)
    expect(written.length).toBe(SEEDS.length)
    // Reopen counts are history the documents do not keep; everything else agrees while no
    // grievance was saved again after its resolution (the next test does that).
    expect(rebuilt).toEqual(written)
  })
  it('follows saves: resolved at the first save that resolved it, cleared and counted on reopening', async () => {
    const [row] = await server.db.query<{ [k: string]: unknown }>(
      `SELECT status, resolved_at, closed_at, reopened_count FROM grievance_facts WHERE grievance_id = $1`,
      [seeded.get('g3')!.id],
    )
    expect(row).toMatchObject({ status: 'reopened', resolved_at: null, closed_at: null, reopened_count: 1 })
    const g1 = seeded.get('g1')!
    await writeTransaction(server.db, async (tx) => {
      const before = (await loadGrievance(tx, g1.id, true))!
      await saveGrievance(tx, before, { ...nextVersion(before, new Date('2026-03-05T00:00:00Z')), status: 'closed' })
    })
    const [closed] = await server.db.query<{ resolved_at: Date; status: string }>(
      `SELECT status, resolved_at FROM grievance_facts WHERE grievance_id = $1`,
      [g1.id],
    )
    expect(closed!.status).toBe('closed')
    expect(new Date(closed!.resolved_at).toISOString()).toBe(at(g1.createdAt, 3600_000))
  })
})
