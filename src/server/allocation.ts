// Allocation: the least-loaded available officer of the grievance's division who has
// room (open load < capacity) and reads its language gets it; otherwise it waits,
// unassigned, in the division queue with its SLA clock running.
import { assertTransition, inReview, type Grievance } from '../shared/grievance'
import type { Queryable } from './db/database'
import { loadGrievance, nextVersion, saveGrievance } from './grievances'

const OPEN_STATUSES = ['new', 'assigned', 'in_progress', 'forwarded', 'reopened'] as const
export const OPEN_STATUSES_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})`
const WAITING_STATUSES = ['new', 'forwarded', 'reopened'] as const

/** The language an officer must read: romanised Hindi is read by Hindi readers; unknown by anyone. */
export function requiredLanguage(language: string): string | null {
  if (language === 'und' || language === '') return null
  if (language === 'hi-Latn') return 'hi'
  return language.split('-')[0]!.toLowerCase()
}

interface Candidate {
  [key: string]: unknown
  username: string
  languages: string[]
  capacity: number
  load: number
}

/** The rule itself: room left, reads the language, least loaded, ties by username (deterministic). */
export function chooseOfficer(candidates: readonly Candidate[], language: string): string | null {
  const needed = requiredLanguage(language)
  const eligible = candidates
    .filter((r) => Number(r.load) < r.capacity)
    .filter((r) => needed === null || r.languages.includes(needed))
    .sort((a, b) => Number(a.load) - Number(b.load) || a.username.localeCompare(b.username))
  return eligible[0]?.username ?? null
}

/** `except`: an officer who must not get it (e.g. the idle assignee it is taken from). */
export async function pickOfficer(
  tx: Queryable,
  division: string,
  language: string,
  except?: string,
): Promise<string | null> {
  const rows = await tx.query<Candidate>(
    `SELECT u.username, u.languages, u.capacity,
       (SELECT count(*) FROM grievances g WHERE g.assignee = u.username AND g.status IN ${OPEN_STATUSES_SQL})::int AS load
     FROM users u
     WHERE u.role = 'officer' AND u.available AND NOT u.disabled AND u.divisions @> $1::jsonb
     ORDER BY u.username`,
    [JSON.stringify([division])],
  )
  return chooseOfficer(except === undefined ? rows : rows.filter((r) => r.username !== except), language)
}

/**
 * Unassigned work in a queue. A review-band grievance is not: it waits in its division's
 * review list until a person makes it a ticket (only then is it anyone's work).
 */
function waitsForOfficer(g: Grievance): boolean {
  return !g.assignee && !!g.division && (WAITING_STATUSES as readonly string[]).includes(g.status) && !inReview(g)
}

function isOpen(g: Pick<Grievance, 'status'>): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(g.status)
}

/**
 * Allocation for a whole ingest batch from one query: every available officer with the
 * open load they have now, kept up to date in memory as the batch assigns, reopens and
 * creates work, so each grievance sees the load left by the ones before it exactly as if
 * each had been allocated in its own transaction.
 */
export class OfficerPool {
  private constructor(private readonly officers: (Candidate & { divisions: string[] })[]) {}

  static async load(tx: Queryable): Promise<OfficerPool> {
    const rows = await tx.query<Candidate & { divisions: string[] }>(
      `SELECT u.username, u.languages, u.capacity, u.divisions,
         (SELECT count(*) FROM grievances g WHERE g.assignee = u.username AND g.status IN ${OPEN_STATUSES_SQL})::int AS load
       FROM users u WHERE u.role = 'officer' AND u.available AND NOT u.disabled ORDER BY u.username`,
    )
    return new OfficerPool(rows.map((r) => ({ ...r, load: Number(r.load) })))
  }

  /** As allocateGrievance, against the in-memory loads. */
  allocate(g: Grievance): Grievance {
    if (!waitsForOfficer(g) || !g.division) return g
    const division = g.division
    const officer = chooseOfficer(
      this.officers.filter((o) => o.divisions.includes(division)),
      g.source.language,
    )
    if (!officer) return g
    assertTransition(g.status, 'assigned')
    return { ...g, assignee: officer, status: 'assigned' }
  }

  /**
   * Whether an officer can still hold this division's work: available, not disabled and
   * of the division (capacity aside: work they had comes back to them over new work).
   */
  canHold(username: string, division: string | null): boolean {
    return !!division && this.officers.some((o) => o.username === username && o.divisions.includes(division))
  }

  /** Records that a grievance moved from `before` (null: new) to `after`, for the loads. */
  moved(before: Pick<Grievance, 'status' | 'assignee'> | null, after: Pick<Grievance, 'status' | 'assignee'>): void {
    const officer = (name: string | null) => (name ? this.officers.find((o) => o.username === name) : undefined)
    const from = before && isOpen(before) ? officer(before.assignee) : undefined
    const to = isOpen(after) ? officer(after.assignee) : undefined
    if (from === to) return
    if (from) from.load--
    if (to) to.load++
  }
}

/**
 * Returns the grievance assigned to an officer (status `assigned`), or unchanged when
 * nobody fits. Does not save; the caller stores it with the rest of its change.
 */
export async function allocateGrievance(tx: Queryable, g: Grievance): Promise<Grievance> {
  if (!waitsForOfficer(g) || !g.division) return g
  const officer = await pickOfficer(tx, g.division, g.source.language)
  if (!officer) return g
  assertTransition(g.status, 'assigned')
  return { ...g, assignee: officer, status: 'assigned' }
}

/**
 * Re-runs allocation for waiting work, most urgent first, e.g. after an officer's load
 * frees up. Saves each allocated grievance (with a change) and returns the change seqs.
 */
export async function allocateWaiting(tx: Queryable, divisions?: readonly string[], limit = 50): Promise<number[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM grievances
     WHERE assignee IS NULL AND status IN ('new','forwarded','reopened')
       AND doc->'triage'->>'band' IS DISTINCT FROM 'review'
       AND ($1::jsonb IS NULL OR division IN (SELECT jsonb_array_elements_text($1::jsonb)))
     ORDER BY CASE priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
       sla_due_at, id
     LIMIT $2`,
    [divisions ? JSON.stringify(divisions) : null, limit],
  )
  const seqs: number[] = []
  for (const { id } of rows) {
    const before = await loadGrievance(tx, id, true)
    if (!before) continue
    const allocated = await allocateGrievance(tx, before)
    if (allocated === before) continue
    seqs.push(
      await saveGrievance(tx, before, {
        ...nextVersion(before),
        assignee: allocated.assignee,
        status: allocated.status,
      }),
    )
  }
  return seqs
}
