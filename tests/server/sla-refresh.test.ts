// SLA targets after a policy change (src/server/sla/refresh.ts): an admin's new SLA policy
// re-targets open grievances (due times from the same start, by src/shared/sla's
// definition) and leaves finished ones alone; a breach the new targets cause is recorded
// and escalates, a breach recorded under the old targets stays; one audit entry per
// recompute, none for a change that leaves the SLA alone, and running again writes nothing;
// the report's SLA figures from the roll-ups agree with the facts afterwards; the leader
// starts it by itself when a version is installed; two instances recompute once.
import { describe, expect, it } from 'vitest'
import { findUser } from '../../src/server/auth/users'
import { writeTransaction } from '../../src/server/db/database'
import { loadGrievance } from '../../src/server/grievances'
import { ingestTweet } from '../../src/server/ingest/grievance-from-tweet'
import type { RunningServer } from '../../src/server/index'
import { reportSelection } from '../../src/server/reports/query'
import { reportSummary } from '../../src/server/reports/summary'
import type { ConfigCurrent, ConfigSaved } from '../../src/shared/config'
import type { Grievance } from '../../src/shared/grievance'
import { OrgConfig } from '../../src/shared/org'
import { ReportQuery } from '../../src/shared/reports'
import { dueTimes, resolveSlaPolicy, SlaPolicy, type SlaPolicyInput } from '../../src/shared/sla'
import {
  eventually,
  hasPostgresFor,
  loggedIn,
  useInstancesOnOneDatabase,
  useServerWithAdmin,
  type ApiClient,
} from './helpers'
import { ORG, seedContext, TWEETS } from './seed'

const HOUR = 3_600_000

/** Every priority on the same round-the-clock targets (no weekends or evenings to reason about). */
function flatPolicy(firstResponseHours: number, resolutionHours: number): SlaPolicyInput {
  const target = { firstResponseHours, resolutionHours, clock: '24x7' as const }
  return {
    calendar: { holidays: [] },
    targets: { critical: target, high: target, normal: target, low: target },
  }
}
const LOOSE = flatPolicy(100, 200)
const TIGHT = flatPolicy(2, 5)
const REFRESH_ORG = OrgConfig.parse({ ...ORG, slaPolicy: SlaPolicy.parse(LOOSE) })

let nextTweet = 1_960_000_000_000_000_000n

/** Ingests a tweet sent (and received) at `at`, as ingestion would. */
async function tweetAt(server: RunningServer, text: string, at: Date): Promise<Grievance> {
  const id = String(nextTweet++)
  const outcome = await writeTransaction(server.db, (tx) =>
    ingestTweet(
      seedContext(server),
      tx,
      {
        id,
        text,
        authorId: `u${id}`,
        authorUsername: 'citizen_refresh',
        conversationId: id,
        createdAt: at.toISOString(),
        viaHandle: 'HMOIndia',
      },
      { viaHandle: 'HMOIndia' },
      at,
    ),
  )
  if (outcome.kind !== 'created') throw new Error(`not a new grievance: ${text}`)
  return outcome.grievance
}

/** Saves the SLA policy section as the admin; the new config version. */
async function saveSlaPolicy(admin: ApiClient, policy: SlaPolicyInput, comment: string): Promise<number> {
  const base = (await admin.request('GET', '/api/v1/admin/config')).body as ConfigCurrent
  const res = await admin.request('PUT', '/api/v1/admin/config/sections/slaPolicy', {
    baseVersion: base.version,
    value: policy,
    comment,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return (res.body as ConfigSaved).current.version
}

async function recomputeAudits(server: RunningServer) {
  return server.db.query<{ actor: string; target: string; details: Record<string, unknown> }>(
    `SELECT actor, target, details FROM audit_log WHERE action = 'sla.recomputed' ORDER BY seq`,
  )
}

/** What the targets of `policy` are for `g`, by the shared definition. */
function expectedDue(policy: SlaPolicyInput, g: Grievance) {
  return dueTimes(resolveSlaPolicy(SlaPolicy.parse(policy)), g, Date.parse(g.sla!.startedAt!))
}

describe('SLA targets after a policy change', () => {
  const setup = useServerWithAdmin({ org: REFRESH_ORG })
  const stored = async (id: string): Promise<Grievance> => (await loadGrievance(setup.server.db, id))!

  let early: Grievance
  let recent: Grievance
  let finished: Grievance

  it('takes the policy in force the first time as the baseline, and writes nothing', async () => {
    const now = Date.now()
    early = await tweetAt(setup.server, TWEETS.visa, new Date(now - 10 * HOUR))
    recent = await tweetAt(setup.server, TWEETS.cyber, new Date(now - 60_000))
    const toResolve = await tweetAt(setup.server, TWEETS.police, new Date(now - 9 * HOUR))
    const supervisor = await loggedIn(setup.server, 'supervisor')
    expect((await supervisor.act(toResolve.id, toResolve.version, { type: 'resolve', note: 'Done' })).status).toBe(
      'applied',
    )
    finished = await stored(toResolve.id)
    expect(early.sla!.state).toBe('on_track')

    expect(await setup.server.refreshSlaNow()).toBeNull()
    expect(await stored(early.id)).toEqual(early)
    expect(await recomputeAudits(setup.server)).toEqual([])
  })

  it('a tighter policy moves the open grievances (in batches), breaching the late one; a resolved one stays', async () => {
    const version = await saveSlaPolicy(setup.admin, TIGHT, 'tighter')
    const outcome = await setup.server.refreshSlaNow({ batch: 1 })
    expect(outcome).toEqual({ version, examined: 2, moved: 2 })

    const late = await stored(early.id)
    expect(late.version).toBe(early.version + 1)
    expect(late.sla).toMatchObject({ ...expectedDue(TIGHT, early), startedAt: early.sla!.startedAt })
    expect(late.slaDueAt).toBe(late.sla!.resolutionDueAt)
    // Ten hours in, with a 2 h first response due: breached since then, and past the
    // supervisor's 4 h since the breach (the default escalation) but not the head's 17 h.
    expect(late.sla!.state).toBe('breached')
    expect(late.sla!.breachedAt).toBe(late.sla!.firstResponseDueAt)
    expect(late.sla!.escalationLevel).toBe(1)
    expect(late.thread.at(-1)).toMatchObject({ kind: 'system', text: expect.stringContaining('the supervisor') })

    const fresh = await stored(recent.id)
    expect(fresh.sla).toMatchObject({ ...expectedDue(TIGHT, recent), state: 'on_track', breachedAt: null })
    expect(await stored(finished.id)).toEqual(finished)

    const audits = await recomputeAudits(setup.server)
    expect(audits).toEqual([
      {
        actor: 'system',
        target: `config v${version}`,
        details: { version, policy: 'cpgrams@1', examined: 2, moved: 2 },
      },
    ])
  })

  it('the facts and the roll-ups carry the breach: the SLA share agrees between both paths', async () => {
    const [fact] = await setup.server.db.query<{ breached_at: Date | null; sla_state: string }>(
      'SELECT breached_at, sla_state FROM grievance_facts WHERE grievance_id = $1',
      [early.id],
    )
    const late = await stored(early.id)
    expect(fact!.sla_state).toBe('breached')
    expect(fact!.breached_at!.toISOString()).toBe(late.sla!.breachedAt)

    const now = new Date()
    const day = (ms: number) => new Date(ms + 330 * 60_000).toISOString().slice(0, 10)
    const sel = reportSelection(
      (await findUser(setup.server.db, 'admin'))!,
      ReportQuery.parse({ from: day(now.getTime() - 2 * 86_400_000), to: day(now.getTime()) }),
      now,
    )
    const rolled = await reportSummary(setup.server.db, REFRESH_ORG, sel, now, 'rollup')
    const exact = await reportSummary(setup.server.db, REFRESH_ORG, sel, now, 'facts')
    // Decided: the breached one (missed) and the resolved one (met in time: 9 h < 200 h then).
    expect(exact.slaMetShare).toBe(0.5)
    expect(rolled.slaMetShare).toBe(exact.slaMetShare)
    expect(rolled.grievancesOpened).toBe(exact.grievancesOpened)
  })

  it('running again, or after a change that leaves the SLA alone, writes nothing', async () => {
    const before = [await stored(early.id), await stored(recent.id)]
    expect(await setup.server.refreshSlaNow()).toBeNull()
    const base = (await setup.admin.request('GET', '/api/v1/admin/config')).body as ConfigCurrent
    const res = await setup.admin.request('PUT', '/api/v1/admin/config/sections/defaultDivision', {
      baseVersion: base.version,
      value: base.config.defaultDivision,
      comment: 'same division, new version',
    })
    expect(res.status).toBe(200)
    expect(await setup.server.refreshSlaNow()).toBeNull()
    expect([await stored(early.id), await stored(recent.id)]).toEqual(before)
    expect(await recomputeAudits(setup.server)).toHaveLength(1)
  })

  it('a looser policy moves the due times back, and the breach already recorded stays', async () => {
    const breached = await stored(early.id)
    const version = await saveSlaPolicy(setup.admin, LOOSE, 'looser again')
    expect(await setup.server.refreshSlaNow()).toEqual({ version, examined: 2, moved: 2 })
    const after = await stored(early.id)
    expect(after.sla).toMatchObject({
      // Still unanswered: both targets are the new policy's, from the same start…
      ...expectedDue(LOOSE, early),
      // …but the breach that happened under the old one stays on the record, escalation too.
      breachedAt: breached.sla!.breachedAt,
      state: 'breached',
      escalationLevel: 1,
    })
    expect((await stored(recent.id)).sla).toMatchObject({ ...expectedDue(LOOSE, recent), state: 'on_track' })
    expect(await recomputeAudits(setup.server)).toHaveLength(2)
  })
})

describe('the leader recomputes when a version is installed', () => {
  // Background work on (the leader's loops); nothing to ingest from, nothing to post.
  const setup = useServerWithAdmin({ org: REFRESH_ORG, pollIntervalMs: 60_000 })

  it('re-targets an open grievance without being asked', async () => {
    const { server, admin } = setup
    // The first look at the start of the term records the baseline.
    await eventually(async () => (await server.db.query('SELECT 1 FROM sla_refreshes')).length > 0)
    const g = await tweetAt(server, TWEETS.visa, new Date(Date.now() - 60_000))
    const version = await saveSlaPolicy(admin, TIGHT, 'tighter')
    const moved = await eventually(async () => {
      const now = await loadGrievance(server.db, g.id)
      return now!.version > g.version && now
    })
    expect(moved.sla).toMatchObject(expectedDue(TIGHT, g))
    await eventually(async () => (await recomputeAudits(server)).length === 1)
    expect((await recomputeAudits(server))[0]!.target).toBe(`config v${version}`)
  })
})

const hasPostgres = hasPostgresFor('[sla] two-instance recompute test')

describe.skipIf(!hasPostgres)('SLA recompute on two instances', () => {
  const cluster = useInstancesOnOneDatabase([
    { org: REFRESH_ORG, configCheckMs: 0 },
    { org: REFRESH_ORG, configCheckMs: 0 },
  ])

  it('both running it at once: one recompute, each grievance moved once, one audit entry', async () => {
    const [a, b] = cluster.servers
    expect(await a.refreshSlaNow()).toBeNull()
    const now = Date.now()
    const open = [
      await tweetAt(a, TWEETS.visa, new Date(now - 60_000)),
      await tweetAt(a, TWEETS.cyber, new Date(now - 120_000)),
      await tweetAt(b, TWEETS.police, new Date(now - 180_000)),
    ]
    const version = await saveSlaPolicy(await loggedIn(a, 'admin'), TIGHT, 'tighter')
    await b.refreshConfigNow()
    expect(b.config.current().version).toBe(version)

    const outcomes = await Promise.all([a.refreshSlaNow({ batch: 1 }), b.refreshSlaNow({ batch: 1 })])
    expect(outcomes.filter((o) => o !== null)).toEqual([{ version, examined: 3, moved: 3 }])
    for (const g of open) {
      const after = (await loadGrievance(a.db, g.id))!
      expect(after.version).toBe(g.version + 1)
      expect(after.sla).toMatchObject(expectedDue(TIGHT, g))
    }
    const audits = await recomputeAudits(a)
    expect(audits.map((e) => e.target)).toEqual([`config v${version}`])
  })
})
