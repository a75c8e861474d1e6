// The RTI archive of one grievance (src/shared/archive.ts): built from what the server
// itself keeps — the grievance document, the actions log (who did what, and what the
// server answered), the change history (every move between divisions and assignees,
// including the server's own allocation) and the reply outbox (the ids X gave our
// replies) — so it never needs X to be reachable.
import {
  tweetLink,
  type ArchiveEvent,
  type ArchiveSla,
  type ArchiveTweet,
  type GrievanceArchive,
} from '../../shared/archive'
import { isOpen, type Grievance } from '../../shared/grievance'
import type { OrgConfig } from '../../shared/org'
import type { Queryable } from '../db/database'

interface ActionRow {
  [key: string]: unknown
  username: string
  type: string
  result: { status?: string; reason?: string; version?: number }
  at: Date | string
}

interface ChangeRow {
  [key: string]: unknown
  seq: number | string
  division: string | null
  assignee: string | null
  prev_division: string | null
  prev_assignee: string | null
  at: Date | string
}

interface PostedRow {
  [key: string]: unknown
  entry_id: string
  posted_tweet_id: string
}

const iso = (at: Date | string): string => (at instanceof Date ? at : new Date(at)).toISOString()

/** Actions that end the work on a grievance, for the SLA record. */
const CLOSING_ACTIONS = new Set(['resolve', 'close', 'reject'])

/** An automatic acknowledgement is the server's (src/server/entry-ids.ts `ack:`), not a person's answer. */
function isPersonsReply(entry: Grievance['thread'][number]): boolean {
  return entry.kind === 'reply' && !entry.id.startsWith('ack:')
}

function tweetsOf(g: Grievance, posted: ReadonlyMap<string, string>): ArchiveTweet[] {
  const tweets: ArchiveTweet[] = [
    {
      tweetId: g.source.tweetId,
      link: tweetLink(g.source.tweetId),
      role: 'source',
      entryId: null,
      at: g.source.createdAt,
    },
  ]
  const seen = new Set([g.source.tweetId])
  for (const entry of g.thread) {
    if (entry.kind !== 'citizen' && entry.kind !== 'reply') continue
    const tweetId = entry.tweetId ?? posted.get(entry.id)
    if (!tweetId || seen.has(tweetId)) continue
    seen.add(tweetId)
    tweets.push({
      tweetId,
      link: tweetLink(tweetId),
      role: entry.kind === 'citizen' ? 'citizen' : 'reply',
      entryId: entry.id,
      at: entry.at,
    })
  }
  return tweets
}

function historyOf(actions: readonly ActionRow[], changes: readonly ChangeRow[]): ArchiveEvent[] {
  const events: ArchiveEvent[] = actions.map((a) => ({
    kind: 'action',
    at: iso(a.at),
    by: a.username,
    action: a.type,
    outcome: a.result.status ?? 'unknown',
    reason: a.result.reason ?? null,
    version: a.result.version ?? null,
  }))
  for (const [i, c] of changes.entries()) {
    // The first change is the grievance's creation (where routing put it). Most later ones
    // (a reply, a note) leave it where it was: only moves are history here.
    const created = i === 0
    if (!created && c.division === c.prev_division && c.assignee === c.prev_assignee) continue
    events.push({
      kind: 'move',
      at: iso(c.at),
      seq: Number(c.seq),
      fromDivision: created ? null : c.prev_division,
      toDivision: c.division,
      fromAssignee: created ? null : c.prev_assignee,
      toAssignee: c.assignee,
    })
  }
  // Stable: an action and the move it caused share a transaction, the action is logged first.
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

/**
 * The SLA as recorded: the engine's record when there is one; otherwise the due time, a
 * person's first public reply, when the work ended (the last closing action), and
 * whether that was in time.
 */
export function slaRecordOf(g: Grievance, history: readonly ArchiveEvent[], now: Date): ArchiveSla {
  const record = g.sla ?? null
  if (record) {
    const decided = record.state === 'met' || record.state === 'breached'
    return {
      priority: g.priority,
      dueAt: record.resolutionDueAt,
      firstResponseDueAt: record.firstResponseDueAt,
      firstResponseAt: record.firstResponseAt,
      resolvedAt: record.resolvedAt,
      met: decided ? record.state === 'met' : null,
      record,
    }
  }
  const firstResponseAt = g.thread.find(isPersonsReply)?.at ?? null
  const closing = history.filter((e) => e.kind === 'action' && e.outcome === 'applied' && CLOSING_ACTIONS.has(e.action))
  const resolvedAt = !isOpen(g.status) ? (closing.at(-1)?.at ?? g.updatedAt) : null
  const due = Date.parse(g.slaDueAt)
  const met = resolvedAt !== null ? Date.parse(resolvedAt) <= due : now.getTime() > due ? false : null
  return {
    priority: g.priority,
    dueAt: g.slaDueAt,
    firstResponseDueAt: null,
    firstResponseAt,
    resolvedAt,
    met,
    record: null,
  }
}

export async function buildArchive(
  tx: Queryable,
  org: OrgConfig,
  g: Grievance,
  generatedBy: string,
  now: Date = new Date(),
): Promise<GrievanceArchive> {
  const actions = await tx.query<ActionRow>(
    'SELECT username, type, result, at FROM actions WHERE grievance_id = $1 ORDER BY at, id',
    [g.id],
  )
  const changes = await tx.query<ChangeRow>(
    `SELECT seq, division, assignee, prev_division, prev_assignee, at FROM changes
     WHERE grievance_id = $1 ORDER BY seq`,
    [g.id],
  )
  const posted = await tx.query<PostedRow>(
    `SELECT entry_id, posted_tweet_id FROM reply_outbox WHERE grievance_id = $1 AND posted_tweet_id IS NOT NULL`,
    [g.id],
  )
  const history = historyOf(actions, changes)
  const division = org.divisions.find((d) => d.id === g.division)
  return {
    format: 'seva-grievance-archive/1',
    generatedAt: now.toISOString(),
    generatedBy,
    org: { id: org.id, name: org.name },
    ticket: g.ticket,
    status: g.status,
    division: division ? { id: division.id, name: division.name, nameHi: division.nameHi ?? null } : null,
    grievance: g,
    tweets: tweetsOf(g, new Map(posted.map((p) => [p.entry_id, p.posted_tweet_id]))),
    history,
    sla: slaRecordOf(g, history, now),
  }
}
