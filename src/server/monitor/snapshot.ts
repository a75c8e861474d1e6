// The monitor's figures, computed in SQL over the columns mirrored beside each grievance
// document (division, assignee, status, sla_due_at, created_at) and two small fields read
// in place from the document (the triage band and, once the SLA capability sets it, the
// SLA state): the database aggregates, no document is loaded into the server.
import type { OrgConfig } from '../../shared/org'
import type { DivisionLoad, MonitorSnapshot, OfficerLoad, OfficerPresence, OldestItem } from '../../shared/monitor'
import { OPEN_STATUSES_SQL } from '../allocation'
import type { Queryable } from '../db/database'

/** Idle this long (no pull, no action) with a desk connected: away. */
export const DEFAULT_AWAY_AFTER_MS = 10 * 60_000

/**
 * The SLA standing of an open grievance: the SLA record's state when there is one
 * (g.sla.state), else from the due time: breached when past it, at risk in the last quarter
 * of the time allowed. $1 is the time the snapshot is taken.
 */
const SLA_STATE_SQL = `COALESCE(g.doc->'sla'->>'state',
  CASE WHEN g.sla_due_at <= $1::timestamptz THEN 'breached'
       WHEN g.sla_due_at - $1::timestamptz < (g.sla_due_at - g.created_at) / 4 THEN 'at_risk'
       ELSE 'on_track' END)`
/** SlaState (src/shared/grievance.ts) names it so; the fallback above uses the same word. */
const AT_RISK = `('at_risk')`
const IS_REVIEW = `g.doc->'triage'->>'band' = 'review'`
/** The divisions in scope, parameter $n: a JSON array, or null for all. */
const inScope = (n: number): string =>
  `($${n}::jsonb IS NULL OR g.division IN (SELECT jsonb_array_elements_text($${n}::jsonb)))`

export interface SnapshotInput {
  org: Pick<OrgConfig, 'divisions'>
  /** Divisions the viewer may see; null: the whole organisation. */
  divisions: readonly string[] | null
  now: Date
  awayAfterMs: number
  /** Users with an event stream open (this instance). */
  connected: ReadonlySet<string>
  /** This instance's last pull or action per user. */
  lastSeenAt: (username: string) => Date | null
}

interface Counts {
  [key: string]: unknown
  division: string
  open: number
  unassigned: number
  review: number
  at_risk: number
  breached: number
}

interface OldestRow {
  [key: string]: unknown
  owner: string
  id: string
  ticket: string
  created_at: Date | string
}

interface OfficerRow {
  [key: string]: unknown
  username: string
  display_name: string
  divisions: string[]
  capacity: number
  available: boolean
  load: number
  last_action_at: Date | string | null
}

const iso = (value: Date | string): string => new Date(value).toISOString()

function oldestBy(rows: readonly OldestRow[]): Map<string, OldestItem> {
  return new Map(rows.map((r) => [r.owner, { id: r.id, ticket: r.ticket, createdAt: iso(r.created_at) }]))
}

export function presenceOf(
  connected: boolean,
  lastActiveAt: Date | null,
  now: Date,
  awayAfterMs: number,
): OfficerPresence {
  const recent = lastActiveAt !== null && now.getTime() - lastActiveAt.getTime() < awayAfterMs
  if (connected && recent) return 'online'
  // Connected but idle, or working without a live stream (a desk that only polls).
  if (connected || recent) return 'away'
  return 'offline'
}

export async function monitorSnapshot(db: Queryable, input: SnapshotInput): Promise<MonitorSnapshot> {
  const scope = input.divisions === null ? null : JSON.stringify(input.divisions)
  const now = input.now.toISOString()
  const counts = await db.query<Counts>(
    `SELECT g.division,
       count(*) FILTER (WHERE NOT g.review)::int AS open,
       count(*) FILTER (WHERE NOT g.review AND g.assignee IS NULL)::int AS unassigned,
       count(*) FILTER (WHERE g.review)::int AS review,
       count(*) FILTER (WHERE NOT g.review AND g.sla IN ${AT_RISK})::int AS at_risk,
       count(*) FILTER (WHERE NOT g.review AND g.sla = 'breached')::int AS breached
     FROM (SELECT g.division, g.assignee, COALESCE(${IS_REVIEW}, false) AS review, ${SLA_STATE_SQL} AS sla
           FROM grievances g
           WHERE g.status IN ${OPEN_STATUSES_SQL} AND g.division IS NOT NULL AND ${inScope(2)}) g
     GROUP BY g.division`,
    [now, scope],
  )
  const oldestOpen = oldestBy(
    await db.query<OldestRow>(
      `SELECT DISTINCT ON (g.division) g.division AS owner, g.id, g.ticket, g.created_at
       FROM grievances g
       WHERE g.status IN ${OPEN_STATUSES_SQL} AND g.division IS NOT NULL AND ${inScope(1)}
         AND NOT COALESCE(${IS_REVIEW}, false)
       ORDER BY g.division, g.created_at, g.id`,
      [scope],
    ),
  )
  const byDivision = new Map(counts.map((c) => [c.division, c]))
  const divisions: DivisionLoad[] = input.org.divisions
    .filter((d) => input.divisions === null || input.divisions.includes(d.id))
    .map((d) => {
      const c = byDivision.get(d.id)
      return {
        id: d.id,
        name: d.name,
        ...(d.nameHi ? { nameHi: d.nameHi } : {}),
        open: c?.open ?? 0,
        unassigned: c?.unassigned ?? 0,
        review: c?.review ?? 0,
        atRisk: c?.at_risk ?? 0,
        breached: c?.breached ?? 0,
        oldest: oldestOpen.get(d.id) ?? null,
      }
    })

  // Officers of the divisions in scope, with their open load wherever it lies.
  const officers = await db.query<OfficerRow>(
    `SELECT u.username, u.display_name, u.divisions, u.capacity, u.available,
       (SELECT count(*) FROM grievances g WHERE g.assignee = u.username AND g.status IN ${OPEN_STATUSES_SQL})::int AS load,
       (SELECT max(a.at) FROM actions a WHERE a.username = u.username) AS last_action_at
     FROM users u
     WHERE u.role = 'officer' AND NOT u.disabled
       AND ($1::jsonb IS NULL OR EXISTS (
         SELECT 1 FROM jsonb_array_elements_text(u.divisions) d WHERE d IN (SELECT jsonb_array_elements_text($1::jsonb))))
     ORDER BY u.username`,
    [scope],
  )
  const oldestAssigned = oldestBy(
    await db.query<OldestRow>(
      `SELECT DISTINCT ON (g.assignee) g.assignee AS owner, g.id, g.ticket, g.created_at
       FROM grievances g
       WHERE g.status IN ${OPEN_STATUSES_SQL}
         AND g.assignee IN (SELECT jsonb_array_elements_text($1::jsonb))
       ORDER BY g.assignee, g.created_at, g.id`,
      [JSON.stringify(officers.map((o) => o.username))],
    ),
  )
  const officerLoads: OfficerLoad[] = officers.map((o) => {
    const seen = input.lastSeenAt(o.username)
    const acted = o.last_action_at === null ? null : new Date(o.last_action_at)
    const lastActive = seen && acted ? (seen > acted ? seen : acted) : (seen ?? acted)
    const connected = input.connected.has(o.username)
    return {
      username: o.username,
      displayName: o.display_name,
      divisions: o.divisions,
      presence: presenceOf(connected, lastActive, input.now, input.awayAfterMs),
      connected,
      lastActiveAt: lastActive ? lastActive.toISOString() : null,
      available: o.available,
      load: Number(o.load),
      capacity: o.capacity,
      oldest: oldestAssigned.get(o.username) ?? null,
    }
  })
  return { at: now, awayAfterMs: input.awayAfterMs, divisions, officers: officerLoads }
}
