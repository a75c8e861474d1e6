// Allocation: the least-loaded available officer of the grievance's division who has
// room (open load < capacity) and reads its language gets it; otherwise it waits,
// unassigned, in the division queue with its SLA clock running.
import { assertTransition, type Grievance } from '../shared/grievance'
import type { Queryable } from './db/database'
import { loadGrievance, nextVersion, saveGrievance } from './grievances'

const OPEN_STATUSES_SQL = `('new','assigned','in_progress','forwarded','reopened')`
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

export async function pickOfficer(tx: Queryable, division: string, language: string): Promise<string | null> {
  const rows = await tx.query<Candidate>(
    `SELECT u.username, u.languages, u.capacity,
       (SELECT count(*) FROM grievances g WHERE g.assignee = u.username AND g.status IN ${OPEN_STATUSES_SQL})::int AS load
     FROM users u
     WHERE u.role = 'officer' AND u.available AND u.divisions @> $1::jsonb
     ORDER BY u.username`,
    [JSON.stringify([division])],
  )
  const needed = requiredLanguage(language)
  const eligible = rows
    .filter((r) => Number(r.load) < r.capacity)
    .filter((r) => needed === null || r.languages.includes(needed))
    // Least loaded first; ties by username so allocation is deterministic.
    .sort((a, b) => Number(a.load) - Number(b.load) || a.username.localeCompare(b.username))
  return eligible[0]?.username ?? null
}

/**
 * Returns the grievance assigned to an officer (status `assigned`), or unchanged when
 * nobody fits. Does not save; the caller stores it with the rest of its change.
 */
export async function allocateGrievance(tx: Queryable, g: Grievance): Promise<Grievance> {
  if (g.assignee || !g.division || !(WAITING_STATUSES as readonly string[]).includes(g.status)) return g
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
    seqs.push(await saveGrievance(tx, before, { ...nextVersion(before), assignee: allocated.assignee, status: allocated.status }))
  }
  return seqs
}
