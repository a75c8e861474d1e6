// The RTI archive of one grievance: everything on record about it in one self-contained
// JSON document (the thread with timestamps, who did what and when, the tweets' ids and
// links, the SLA record), readable without X and without the desk. What crosses the wire;
// the server builds it in src/server/reports/archive.ts.
import { z } from 'zod'
import { Grievance, GrievanceSla, GrievanceStatus, Priority } from './grievance'
import { LIMITS, safeText } from './limits'

export const ARCHIVE_PATHS = {
  /** Whoever may see the grievance: its archive (audited when a supervisor or admin exports it). */
  archive: '/api/v1/grievances/:id/archive',
} as const

/** The archive path of one grievance, for clients. */
export function archivePath(grievanceId: string): string {
  return ARCHIVE_PATHS.archive.replace(':id', encodeURIComponent(grievanceId))
}

export const ArchiveParams = z.object({ id: safeText(LIMITS.idChars) })

/** The public address of a tweet on X, whatever the author's handle is now. */
export function tweetLink(tweetId: string): string {
  return `https://x.com/i/status/${tweetId}`
}

/** One tweet that belongs to the grievance: the citizen's, or one of our replies once posted. */
export const ArchiveTweet = z.object({
  tweetId: z.string(),
  link: z.string(),
  /** `source`: the tweet that made the grievance; `citizen`: a follow-up; `reply`: ours. */
  role: z.enum(['source', 'citizen', 'reply']),
  entryId: z.string().nullable(),
  at: z.string(),
})
export type ArchiveTweet = z.infer<typeof ArchiveTweet>

/**
 * One thing that happened, in time order: an officer's action as the server decided it
 * (from the actions log), or a move between divisions or assignees (from the change
 * history, which also records the server's own allocation and re-allocation).
 */
export const ArchiveEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('action'),
    at: z.string(),
    by: z.string(),
    /** The action's type: reply, note, claim, start, forward, resolve, reject, close, … */
    action: z.string(),
    /** applied, duplicate, conflict or rejected, with the server's reason when not applied. */
    outcome: z.string(),
    reason: z.string().nullable(),
    version: z.number().int().nullable(),
  }),
  z.object({
    kind: z.literal('move'),
    at: z.string(),
    seq: z.number().int(),
    fromDivision: z.string().nullable(),
    toDivision: z.string().nullable(),
    fromAssignee: z.string().nullable(),
    toAssignee: z.string().nullable(),
  }),
])
export type ArchiveEvent = z.infer<typeof ArchiveEvent>

/**
 * The SLA as it stands on the record (times ISO 8601; null when it has not happened): the
 * SLA engine's own record when the grievance has one (src/server/sla), and the same
 * summary fields either way, so grievances made before the engine archive alike.
 */
export const ArchiveSla = z.object({
  priority: Priority,
  /** When the resolution is due. */
  dueAt: z.string(),
  firstResponseDueAt: z.string().nullable(),
  /** A person's first public reply (not the automatic acknowledgement, not a note). */
  firstResponseAt: z.string().nullable(),
  /** When it was last resolved, closed or rejected. */
  resolvedAt: z.string().nullable(),
  /** Resolved by the due time; null while open and not yet due (or, with the engine, not yet decided). */
  met: z.boolean().nullable(),
  /** The SLA engine's record as kept (policy, clock, interim reply, breach, escalation); null before the engine. */
  record: GrievanceSla.nullable(),
})
export type ArchiveSla = z.infer<typeof ArchiveSla>

export const GrievanceArchive = z.object({
  format: z.literal('seva-grievance-archive/1'),
  generatedAt: z.string(),
  generatedBy: z.string(),
  org: z.object({ id: z.string(), name: z.string() }),
  ticket: z.string(),
  status: GrievanceStatus,
  division: z.object({ id: z.string(), name: z.string(), nameHi: z.string().nullable() }).nullable(),
  grievance: Grievance,
  tweets: z.array(ArchiveTweet),
  history: z.array(ArchiveEvent),
  sla: ArchiveSla,
})
export type GrievanceArchive = z.infer<typeof GrievanceArchive>
