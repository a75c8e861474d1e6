// `npm run bench day`: a surge day through the real server and the X simulator.
//
// The profile is Bengaluru City Police's Twitter Seva desk: about 500 actionable tweets a
// day, a 3× surge for two evening hours (18:00–20:00, a rain-and-traffic evening), and 12
// officers in three 8-hour shifts of four, each taking 3–6 minutes per reply. Citizens'
// tweets come from the labelled MHA corpus (actionable ones) and are routed by the MHA
// org's rules; the officers belong to every division (one control room).
//
// The clock is compressed: a simulated day runs in DAY_WALL_MS of wall time (default 120 s,
// so ×720). Citizens' arrivals and officers' work are scaled by that factor; the server's
// own machinery (mention polling every 200 ms, the reply worker) runs at real speed, so the
// acknowledgement latency is reported in real seconds, and every person-paced figure
// (first human reply, SLA, idle assignment) in simulated time.
//
// Officers work only through the HTTP API: sign in, pull changes, take the oldest item of
// their queue (their own work and the unassigned, which they claim), pull again, reply,
// resolve. At each shift change the roster marks who takes new work (users.available) and
// the supervisor reassigns the outgoing shift's open work to the incoming one with the
// `assign` action, least loaded first.
//
// Baseline in the same run: the same day without the surge (the same base rate all day).
// The ratio printed is surge / flat.
import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { ensureUser } from '../src/server/auth'
import { startServer, type RunningServer } from '../src/server/index'
import { isOpen, type Grievance } from '../src/shared/grievance'
import { OrgConfig } from '../src/shared/org'
import type { ActionBody, ActionResult, ChangesResponse } from '../src/shared/protocol'
import { DEFAULT_RATE_LIMITS, startSimulator, type Simulator } from '../src/twitter-sim'
import { idleAssignments, longestIdle } from './day/idle-assignments'

const SIM_DAY_MS = 24 * 3_600_000
const DAY_WALL_MS = Number(process.env.SEVA_DAY_WALL_MS ?? 120_000)
const FACTOR = SIM_DAY_MS / DAY_WALL_MS
const ACTIONABLE_PER_DAY = 500
const SURGE = { fromHour: 18, hours: 2, multiplier: 3 }
/** Base rate so that 22 ordinary hours and 2 surge hours make ≈500. */
const BASE_PER_HOUR = ACTIONABLE_PER_DAY / (24 - SURGE.hours + SURGE.hours * SURGE.multiplier)
const OFFICERS = 12
const SHIFT_HOURS = 8
const REPLY_MINUTES = { min: 3, max: 6 }
/** An officer with nothing to do looks again after this long (simulated). */
const IDLE_LOOK_MINUTES = 4
const PRICE_READ = 0.005
const PRICE_POST = 0.015
const PASSWORD = 'bench-day-pass-1'
/** Tweets arriving after this (simulated, from midnight) may fairly be unanswered when the last shift leaves. */
const LAST_CALL_SIM_MS = SIM_DAY_MS - 15 * 60_000

interface CorpusLine {
  text: string
  author: string
  label: { actionable: boolean }
}

const CORPUS = readFileSync(new URL('../tests/fixtures/corpus/mha.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as CorpusLine)
  .filter((l) => l.label.actionable)

const BASE_ORG = OrgConfig.parse(
  JSON.parse(readFileSync(new URL('../resources/orgs/mha.json', import.meta.url), 'utf8')),
)

/** Deterministic PRNG (mulberry32): both days see the same draws. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * Arrival times (simulated ms from midnight): each hour gets its expected count (the
 * fractions carried over, so the day totals its rate), at random moments within the hour.
 */
function arrivals(surge: boolean, random: () => number): number[] {
  const out: number[] = []
  let carry = 0
  for (let hour = 0; hour < 24; hour++) {
    const inSurge = surge && hour >= SURGE.fromHour && hour < SURGE.fromHour + SURGE.hours
    const expected = BASE_PER_HOUR * (inSurge ? SURGE.multiplier : 1) + carry
    const count = Math.floor(expected)
    carry = expected - count
    const times = Array.from({ length: count }, () => hour * 3_600_000 + random() * 3_600_000)
    out.push(...times.sort((a, b) => a - b))
  }
  return out
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)))

class DayClock {
  readonly startedAt = Date.now()
  sim(): number {
    return (Date.now() - this.startedAt) * FACTOR
  }
  /** Wall time at a simulated instant. */
  wallAt(simMs: number): number {
    return this.startedAt + simMs / FACTOR
  }
  untilSim(simMs: number): Promise<void> {
    return sleep(this.wallAt(simMs) - Date.now())
  }
  simFor(simMs: number): Promise<void> {
    return sleep(simMs / FACTOR)
  }
}

/** Requests the people made and their slowest answer (wall ms): how hard the day pressed the server. */
const requestStats = { count: 0, slowestMs: 0, slowest: '' }

class Api {
  token = ''
  constructor(private readonly base: string) {}
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const started = Date.now()
    try {
      return await this.send<T>(method, path, body)
    } finally {
      const ms = Date.now() - started
      requestStats.count++
      if (ms > requestStats.slowestMs)
        Object.assign(requestStats, { slowestMs: ms, slowest: `${method} ${path.split('?')[0]}` })
    }
  }
  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
  async login(username: string): Promise<void> {
    this.token = (
      await this.call<{ token: string }>('POST', '/api/v1/auth/login', { username, password: PASSWORD })
    ).token
  }
  async act(g: Pick<Grievance, 'id' | 'version'>, body: ActionBody): Promise<ActionResult> {
    const action = { id: randomUUID(), grievanceId: g.id, baseVersion: g.version, at: new Date().toISOString(), body }
    const { results } = await this.call<{ results: ActionResult[] }>('POST', '/api/v1/actions', { actions: [action] })
    return results[0]!
  }
}

/** What a desk keeps: the grievances in scope, brought up to date by pulling changes. */
class DeskView {
  private cursor = 0
  readonly byId = new Map<string, Grievance>()
  constructor(readonly api: Api) {}
  async pull(): Promise<void> {
    for (;;) {
      const page = await this.api.call<ChangesResponse>('GET', `/api/v1/changes?after=${this.cursor}&limit=500`)
      for (const c of page.changes) {
        if (c.kind === 'upsert') this.byId.set(c.grievance.id, c.grievance)
        else this.byId.delete(c.id)
      }
      this.cursor = page.last
      if (!page.hasMore) return
    }
  }
  open(): Grievance[] {
    return [...this.byId.values()]
      .filter((g) => !['resolved', 'closed', 'rejected'].includes(g.status) && g.triage.band !== 'review')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  }
}

const officerName = (i: number) => `blr.officer.${String(i + 1).padStart(2, '0')}`
const shiftOf = (i: number) => Math.floor(i / (OFFICERS / 3))

interface DayLog {
  injectedAt: Map<string, number>
  resolvedAt: Map<string, number>
  handedOver: number
  /** Handovers that found the grievance already finished by the outgoing officer. */
  finishedInHand: number
  /** Items an officer had read and found finished by someone else before replying. */
  finishedByOthers: number
  errors: string[]
}

async function officerDay(
  index: number,
  server: RunningServer,
  clock: DayClock,
  log: DayLog,
  random: () => number,
): Promise<void> {
  const me = officerName(index)
  const api = new Api(server.url)
  await api.login(me)
  const desk = new DeskView(api)
  const shiftStart = shiftOf(index) * SHIFT_HOURS * 3_600_000
  const shiftEnd = shiftStart + SHIFT_HOURS * 3_600_000
  await clock.untilSim(shiftStart)
  while (clock.sim() < shiftEnd) {
    // The officer's minutes run from the moment they look: on the compressed clock a
    // request's real latency is worth minutes, and the desk's pull overlaps their reading.
    const lookedAt = clock.sim()
    try {
      await desk.pull()
      // The desk's queue shows their own work and the division's waiting work together,
      // oldest first, and they take the top one. Work the allocator could not give anyone (a
      // language no officer reads, ≈5% of the corpus) waits unassigned; claiming it only when
      // their own list ran dry left it unanswered all evening whenever officers were busy.
      let item = desk.open().find((g) => g.assignee === me || g.assignee === null) ?? null
      if (item?.assignee === null) {
        const claimed = await api.act(item, { type: 'claim' })
        if (claimed.status === 'applied') item = { ...item, version: claimed.version, assignee: me }
        else continue
      }
      if (!item) {
        await clock.simFor(IDLE_LOOK_MINUTES * 60_000)
        continue
      }
      const minutes = REPLY_MINUTES.min + random() * (REPLY_MINUTES.max - REPLY_MINUTES.min)
      await clock.untilSim(lookedAt + minutes * 60_000)
      // Before sending, the desk is up to date (a real one hears of changes on its event
      // stream): at a shift change the outgoing officer may have finished an item handed
      // over to this one, and a second public reply to the citizen is what nobody sends.
      await desk.pull()
      const now = desk.byId.get(item.id)
      if (!now || !isOpen(now.status)) {
        log.finishedByOthers++
        continue
      }
      const reply = await api.act(item, {
        type: 'reply',
        text: `@${item.source.authorUsername} We have taken up your complaint with the station concerned; an officer will call you today.`,
      })
      if (reply.status !== 'applied') {
        log.errors.push(`${me} reply ${item.ticket}: ${reply.status}`)
        continue
      }
      // The reply worker bumps the version when the reply reaches X: a conflict here is that,
      // and the resolve goes again on the version the conflict carries (never a second reply).
      let version = reply.version
      for (let attempt = 0; attempt < 3; attempt++) {
        const resolved = await api.act({ id: item.id, version }, { type: 'resolve' })
        if (resolved.status === 'applied') {
          log.resolvedAt.set(item.id, Date.now())
          break
        }
        if (resolved.status !== 'conflict') {
          log.errors.push(`${me} resolve ${item.ticket}: ${resolved.status}`)
          break
        }
        version = resolved.grievance.version
      }
    } catch (error) {
      log.errors.push(`${me}: ${String(error)}`)
      await clock.simFor(IDLE_LOOK_MINUTES * 60_000)
    }
  }
}

/** The shift change: who takes new work, and the outgoing shift's open work handed over. */
async function supervisorDay(server: RunningServer, clock: DayClock, log: DayLog): Promise<void> {
  const api = new Api(server.url)
  await api.login('blr.supervisor')
  const desk = new DeskView(api)
  for (let shift = 1; shift < 3; shift++) {
    await clock.untilSim(shift * SHIFT_HOURS * 3_600_000)
    const incoming = Array.from({ length: OFFICERS }, (_, i) => i)
      .filter((i) => shiftOf(i) === shift)
      .map(officerName)
    await server.db.query(
      `UPDATE users SET available = (username = ANY($1::text[])) WHERE username LIKE 'blr.officer.%'`,
      [incoming],
    )
    await desk.pull()
    const load = new Map(incoming.map((u) => [u, 0]))
    const handover = desk.open().filter((g) => g.assignee !== null && !incoming.includes(g.assignee))
    for (const g of desk.open()) if (g.assignee && load.has(g.assignee)) load.set(g.assignee, load.get(g.assignee)! + 1)
    for (const g of handover) {
      const to = [...load.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0]![0]
      // A conflict is the grievance moving on since the pull (a reply reaching X): again on its version.
      let version = g.version
      for (let attempt = 0; attempt < 3; attempt++) {
        const result = await api.act({ id: g.id, version }, { type: 'assign', assignee: to })
        if (result.status === 'applied') {
          log.handedOver++
          load.set(to, load.get(to)! + 1)
          break
        }
        if (result.status !== 'conflict') {
          const why = result.status === 'rejected' ? ` (${result.reason})` : ''
          log.errors.push(`handover ${g.ticket} to ${to}: ${result.status}${why}`)
          break
        }
        // The outgoing officer finished the item in hand since the pull: nothing to hand over.
        if (!isOpen(result.grievance.status)) {
          log.finishedInHand++
          break
        }
        version = result.grievance.version
      }
    }
  }
}

interface DayFigures {
  tweets: number
  tickets: number
  ackWithin60sShare: number
  ackMedianS: number
  firstReplyMedianMin: number
  firstReplyP90Min: number
  unanswered: number
  /** Unanswered that arrived before the last quarter hour: the day's tail aside, these waited on someone. */
  unansweredBeforeDayEnd: number
  slaMetShare: number
  slaJudged: number
  longestIdleMin: number
  postsRead: number
  postsCreated: number
  costUsd: number
  handedOver: number
  finishedInHand: number
  finishedByOthers: number
  resolved: number
  errors: number
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

async function runDay(surge: boolean): Promise<DayFigures> {
  const org = OrgConfig.parse({
    ...BASE_ORG,
    // Mentions only: the desk's tweets all name the handle, and every other source would
    // read the same posts again (what they cost is a question for the budget, not this day).
    ingestion: { sources: { mentions: true, search: false, stream: false, followUps: false } },
  })
  // X's rate limits are per 15 minutes of X's clock: on the compressed clock a window
  // holds FACTOR times the calls, or the day would be throttled FACTOR times harder.
  const rateLimits = Object.fromEntries(Object.entries(DEFAULT_RATE_LIMITS).map(([k, v]) => [k, v * FACTOR]))
  const sim: Simulator = await startSimulator({ rateLimits })
  const server = await startServer({
    port: 0,
    org,
    model: null,
    xApiBase: sim.url,
    pollIntervalMs: 200,
    acknowledge: true,
    idleReassignMs: 0,
    ingestion: { mentionsIntervalMs: 200 },
    log: () => undefined,
  })
  const log: DayLog = {
    injectedAt: new Map(),
    resolvedAt: new Map(),
    handedOver: 0,
    finishedInHand: 0,
    finishedByOthers: 0,
    errors: [],
  }
  try {
    const divisions = org.divisions.map((d) => d.id)
    for (let i = 0; i < OFFICERS; i++) {
      await ensureUser(server.db, {
        username: officerName(i),
        displayName: `Officer ${i + 1}`,
        role: 'officer',
        divisions,
        languages: ['en', 'hi'],
        password: PASSWORD,
      })
    }
    await ensureUser(server.db, {
      username: 'blr.supervisor',
      displayName: 'Control room supervisor',
      role: 'supervisor',
      divisions: ['*'],
      languages: ['en', 'hi'],
      password: PASSWORD,
    })
    // The first shift is on.
    await server.db.query(
      `UPDATE users SET available = (username = ANY($1::text[])) WHERE username LIKE 'blr.officer.%'`,
      [Array.from({ length: OFFICERS / 3 }, (_, i) => officerName(i))],
    )
    const schedule = arrivals(surge, prng(20261202))
    const work = prng(7)
    const clock = new DayClock()
    const phase = (what: string) =>
      console.log(
        `  ${surge ? 'surge' : 'flat'} day: ${what} at ${((Date.now() - clock.startedAt) / 1000).toFixed(1)} s wall`,
      )
    const injector = (async () => {
      for (const [n, at] of schedule.entries()) {
        await clock.untilSim(at)
        const line = CORPUS[n % CORPUS.length]!
        const tweet = sim.injectTweet({ author: `${line.author.slice(0, 8)}_${n}`, text: line.text })
        log.injectedAt.set(tweet.id, tweet.createdAt)
      }
    })()
    await Promise.all([
      injector,
      supervisorDay(server, clock, log),
      ...Array.from({ length: OFFICERS }, (_, i) => officerDay(i, server, clock, log, work)),
    ])
    phase(`people done (${requestStats.count} requests, slowest ${requestStats.slowestMs} ms: ${requestStats.slowest})`)
    Object.assign(requestStats, { count: 0, slowestMs: 0, slowest: '' })
    await sleep(2_000) // the last replies reach X
    if (log.errors.length > 0) console.log(`  officer errors (first 3): ${log.errors.slice(0, 3).join(' | ')}`)
    const result = await figures(server, sim, log, schedule.length, clock.startedAt)
    phase('figures read')
    return result
  } finally {
    await server.close()
    await sim.close()
  }
}

/** Simulated clock time (hh:mm) of a database timestamp, from the day's wall start. */
function simTime(at: string | Date, startedAt: number): string {
  const min = Math.round(((new Date(at).getTime() - startedAt) * FACTOR) / 60_000)
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`
}

/** Every assignment and action of one grievance on the simulated clock: an outlier followed into its history. */
async function printHistory(server: RunningServer, grievanceId: string, startedAt: number): Promise<void> {
  const [g] = await server.db.query<{
    ticket: string
    status: string
    created_at: string
    language: string
    priority: string
    division: string | null
  }>(`SELECT ticket, status, created_at, language, priority, division FROM grievances WHERE id = $1`, [grievanceId])
  const changes = await server.db.query<{ seq: number; at: string; assignee: string | null }>(
    `SELECT seq, at, assignee FROM changes WHERE grievance_id = $1 ORDER BY seq`,
    [grievanceId],
  )
  const actions = await server.db.query<{ at: string; username: string; type: string; status: string }>(
    `SELECT at, username, type, result->>'status' AS status FROM actions WHERE grievance_id = $1 ORDER BY at`,
    [grievanceId],
  )
  const lines = [
    ...changes.map((c) => [c.at, `change ${c.seq}: assignee ${c.assignee ?? '—'}`] as const),
    ...actions.map((a) => [a.at, `action by ${a.username}: ${a.type} ${a.status}`] as const),
  ].sort((a, b) => new Date(a[0]).getTime() - new Date(b[0]).getTime())
  if (!g) return
  console.log(
    `    ${g.ticket} (${g.division ?? 'unrouted'}, ${g.language}, ${g.priority}) created ${simTime(g.created_at, startedAt)}, now ${g.status}`,
  )
  for (const [at, what] of lines) console.log(`    ${simTime(at, startedAt)} ${what}`)
}

async function figures(
  server: RunningServer,
  sim: Simulator,
  log: DayLog,
  tweets: number,
  startedAt: number,
): Promise<DayFigures> {
  const end = Date.now()
  const grievances = await server.db.query<{
    id: string
    source_tweet_id: string
    priority: string
    band: string | null
  }>(`SELECT id, source_tweet_id, priority, doc->'triage'->>'band' AS band FROM grievances`)
  const tickets = grievances.filter((g) => g.band !== 'review')
  const posted = await server.db.query<{ grievance_id: string; automatic: boolean; posted_tweet_id: string }>(
    `SELECT grievance_id, automatic, posted_tweet_id FROM reply_outbox WHERE state = 'posted'`,
  )
  const firstPost = (automatic: boolean) => {
    const at = new Map<string, number>()
    for (const p of posted.filter((r) => r.automatic === automatic)) {
      const t = sim.store.tweet(p.posted_tweet_id)?.createdAt
      if (t !== undefined && (at.get(p.grievance_id) ?? Infinity) > t) at.set(p.grievance_id, t)
    }
    return at
  }
  const acks = firstPost(true)
  const human = firstPost(false)
  const ackLatencyS: number[] = []
  const replyMin: number[] = []
  const unanswered: { id: string; injected: number }[] = []
  let met = 0
  let judged = 0
  for (const g of tickets) {
    const injected = log.injectedAt.get(g.source_tweet_id)
    if (injected === undefined) continue
    const ack = acks.get(g.id)
    if (ack !== undefined) ackLatencyS.push((ack - injected) / 1000)
    const reply = human.get(g.id)
    if (reply !== undefined) replyMin.push(((reply - injected) * FACTOR) / 60_000)
    else unanswered.push({ id: g.id, injected })
    // Resolution within the org's hours for its priority, on the simulated clock; work
    // still open whose target has not passed by the end of the day is not judged.
    const targetMs = (BASE_ORG.sla[g.priority as keyof typeof BASE_ORG.sla] ?? 72) * 3_600_000
    const resolved = log.resolvedAt.get(g.id)
    if (resolved !== undefined) {
      judged++
      if ((resolved - injected) * FACTOR <= targetMs) met++
    } else if ((end - injected) * FACTOR > targetMs) judged++
  }
  // Which assignment sat longest, so an outlier can be followed into the thread.
  const longest = longestIdle(await idleAssignments(server.db))
  if (longest) {
    console.log(`  longest idle assignment: grievance ${longest.grievanceId}, assigned to ${longest.assignee}`)
    await printHistory(server, longest.grievanceId, startedAt)
  }
  // The oldest first: the day's tail (the last minutes' tweets) is expected, an older one is not.
  for (const { id } of [...unanswered].sort((a, b) => a.injected - b.injected).slice(0, 3)) {
    console.log(`  unanswered: grievance ${id}`)
    await printHistory(server, id, startedAt)
  }
  const ownHandles = new Set(BASE_ORG.handles.map((h) => h.username))
  const postsCreated = [...ownHandles].reduce((n, h) => n + sim.tweetsBy(h).length, 0)
  const postsRead = sim.context.usage.used
  return {
    tweets,
    tickets: tickets.length,
    ackWithin60sShare: ackLatencyS.filter((s) => s <= 60).length / Math.max(1, tickets.length),
    ackMedianS: quantile(ackLatencyS, 0.5),
    firstReplyMedianMin: quantile(replyMin, 0.5),
    firstReplyP90Min: quantile(replyMin, 0.9),
    unanswered: tickets.length - replyMin.length,
    unansweredBeforeDayEnd: unanswered.filter((u) => (u.injected - startedAt) * FACTOR < LAST_CALL_SIM_MS).length,
    slaMetShare: judged === 0 ? Number.NaN : met / judged,
    slaJudged: judged,
    longestIdleMin: ((longest?.idleMs ?? 0) * FACTOR) / 60_000,
    postsRead,
    postsCreated,
    costUsd: postsRead * PRICE_READ + postsCreated * PRICE_POST,
    handedOver: log.handedOver,
    finishedInHand: log.finishedInHand,
    finishedByOthers: log.finishedByOthers,
    resolved: log.resolvedAt.size,
    errors: log.errors.length,
  }
}

export default async function dayBench(): Promise<void> {
  console.log(
    `Surge day (Bengaluru City Police profile): ≈${ACTIONABLE_PER_DAY} actionable tweets, ${SURGE.multiplier}× for ${SURGE.hours} h from ${SURGE.fromHour}:00, ` +
      `${OFFICERS} officers in 3 shifts, ${REPLY_MINUTES.min}–${REPLY_MINUTES.max} min per reply; ` +
      `one simulated day in ${DAY_WALL_MS / 1000} s (×${FACTOR})`,
  )
  const flat = await runDay(false)
  const surge = await runDay(true)
  const rows: [string, (f: DayFigures) => number, (v: number) => string][] = [
    ['tweets injected', (f) => f.tweets, String],
    ['tickets', (f) => f.tickets, String],
    ['acknowledged within 60 s (real time)', (f) => f.ackWithin60sShare, pct],
    ['acknowledgement median (real s)', (f) => f.ackMedianS, (v) => v.toFixed(2)],
    ['first human reply median (sim min)', (f) => f.firstReplyMedianMin, (v) => v.toFixed(1)],
    ['first human reply p90 (sim min)', (f) => f.firstReplyP90Min, (v) => v.toFixed(1)],
    ['unanswered at day end', (f) => f.unanswered, String],
    ['  of them arrived before 23:45', (f) => f.unansweredBeforeDayEnd, String],
    ['resolved by officers', (f) => f.resolved, String],
    ['SLA met (resolution, of judged)', (f) => f.slaMetShare, pct],
    ['longest idle assignment (sim min)', (f) => f.longestIdleMin, (v) => v.toFixed(1)],
    ['posts read', (f) => f.postsRead, String],
    ['posts created', (f) => f.postsCreated, String],
    ['X cost (USD)', (f) => f.costUsd, (v) => v.toFixed(2)],
    ['handed over at shift change', (f) => f.handedOver, String],
    ['  found finished by the outgoing officer', (f) => f.finishedInHand, String],
    ['read, then found finished by another', (f) => f.finishedByOthers, String],
    ['officer errors', (f) => f.errors, String],
  ]
  console.log(`${'figure'.padEnd(40)}${'flat day'.padStart(12)}${'surge day'.padStart(12)}${'surge/flat'.padStart(12)}`)
  for (const [name, get, show] of rows) {
    const a = get(flat)
    const b = get(surge)
    const ratio = a === 0 || !Number.isFinite(a) || !Number.isFinite(b) ? '—' : (b / a).toFixed(2)
    console.log(`${name.padEnd(40)}${show(a).padStart(12)}${show(b).padStart(12)}${ratio.padStart(12)}`)
  }
}

function pct(v: number): string {
  return Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '—'
}
