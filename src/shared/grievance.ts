// The grievance (ticket) model and its status machine: one definition used by the
// server, the desk core and the UI.
import { z } from 'zod'

export const GRIEVANCE_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'forwarded',
  'resolved',
  'closed',
  'rejected',
  'reopened',
] as const
export const GrievanceStatus = z.enum(GRIEVANCE_STATUSES)
export type GrievanceStatus = z.infer<typeof GrievanceStatus>

export const PRIORITIES = ['critical', 'high', 'normal', 'low'] as const
export const Priority = z.enum(PRIORITIES)
export type Priority = z.infer<typeof Priority>

/**
 * Legal transitions. `forwarded` means handed to another division (the grievance
 * goes back to that division's queue); `reopened` comes from the citizen writing again
 * after resolution and behaves like `new` for allocation.
 */
const TRANSITIONS: Record<GrievanceStatus, readonly GrievanceStatus[]> = {
  new: ['assigned', 'in_progress', 'forwarded', 'rejected'],
  // assigned → new: the server takes work back from an idle assignee into the queue.
  assigned: ['new', 'assigned', 'in_progress', 'forwarded', 'rejected', 'resolved'],
  in_progress: ['assigned', 'forwarded', 'resolved', 'rejected'],
  forwarded: ['assigned', 'in_progress', 'forwarded', 'rejected', 'resolved'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  rejected: ['reopened'],
  reopened: ['assigned', 'in_progress', 'forwarded', 'resolved', 'rejected'],
}

export function canTransition(from: GrievanceStatus, to: GrievanceStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: GrievanceStatus,
    readonly to: GrievanceStatus,
  ) {
    super(`A grievance that is ${from} cannot become ${to}`)
    this.name = 'IllegalTransitionError'
  }
}

/** Throws rather than silently ignoring an illegal move (DESIGN.md: errors, not no-ops). */
export function assertTransition(from: GrievanceStatus, to: GrievanceStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to)
}

/** Open = still somebody's work. */
export function isOpen(status: GrievanceStatus): boolean {
  return status !== 'resolved' && status !== 'closed' && status !== 'rejected'
}

/** `MHA-26-000123`: organisation prefix, two-digit year, six-digit sequence. */
export function formatTicketNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${String(year % 100).padStart(2, '0')}-${String(sequence).padStart(6, '0')}`
}

export const TICKET_PATTERN = /\b[A-Z]{2,10}-\d{2}-\d{6}\b/

export const TweetSource = z.object({
  tweetId: z.string(),
  conversationId: z.string(),
  authorId: z.string(),
  authorUsername: z.string(),
  authorName: z.string().optional(),
  text: z.string(),
  language: z.string(),
  createdAt: z.string(),
  /** Which handle (mention) or keyword rule (search/stream) brought it in. */
  via: z.object({
    kind: z.enum(['mention', 'search', 'stream', 'follow-up', 'manual']),
    handle: z.string().optional(),
    rule: z.string().optional(),
  }),
  media: z.array(z.object({ type: z.string(), url: z.string().optional() })).default([]),
  /** The citizen deleted the tweet on X; the grievance is kept (marked, never lost). */
  deleted: z.boolean().optional(),
  deletedAt: z.string().optional(),
})
export type TweetSource = z.infer<typeof TweetSource>

export const ThreadEntry = z.object({
  id: z.string(),
  kind: z.enum(['citizen', 'reply', 'note', 'system']),
  text: z.string(),
  at: z.string(),
  /** Username of the officer (reply, note) or the citizen (citizen). */
  by: z.string().optional(),
  tweetId: z.string().optional(),
  /** A citizen tweet that was later deleted on X (the text stays for the record). */
  deleted: z.boolean().optional(),
  /** For replies: where the post to X stands. */
  post: z
    .object({
      state: z.enum(['pending', 'posted', 'failed']),
      error: z.string().optional(),
      attempts: z.number().int().default(0),
      /** While a person's reply waits for X's posting window: its place among people's replies (1 = next). */
      queuePosition: z.number().int().optional(),
      /** While it waits: when it should be on X (ISO time), from the place and the posting rate. */
      estimatedAt: z.string().optional(),
    })
    .optional(),
})
export type ThreadEntry = z.infer<typeof ThreadEntry>

export const SLA_CLOCKS = ['business', '24x7'] as const
export const SlaClock = z.enum(SLA_CLOCKS)
export type SlaClock = z.infer<typeof SlaClock>

export const SLA_STATES = ['on_track', 'at_risk', 'breached', 'met'] as const
export const SlaState = z.enum(SLA_STATES)
export type SlaState = z.infer<typeof SlaState>

/** 0 = the officer, 1 = the supervisor, 2 = the division head. */
export const SlaEscalationLevel = z.union([z.literal(0), z.literal(1), z.literal(2)])
export type SlaEscalationLevel = z.infer<typeof SlaEscalationLevel>

/**
 * A grievance's SLA record, kept by the server (src/server/sla) and read by the desk,
 * the monitor and the reports. Times are ISO instants.
 */
export const GrievanceSla = z.object({
  /** Which policy (and its version) set the targets, e.g. "org:cpgrams" or "legacy-hours". */
  policy: z.string(),
  /** Business hours on the working calendar, or round the clock (critical work). */
  clock: SlaClock,
  firstResponseDueAt: z.string(),
  resolutionDueAt: z.string(),
  /** An interim reply (reason and expected date) is due: the resolution target passed or "will take longer". */
  interimDueAt: z.string().nullable(),
  /** A person's first public reply on X (not the automatic acknowledgement, not a note). */
  firstResponseAt: z.string().nullable(),
  responseAts: z.array(z.string()),
  resolvedAt: z.string().nullable(),
  /** When a target first passed unmet. */
  breachedAt: z.string().nullable(),
  state: SlaState,
  escalationLevel: SlaEscalationLevel,
  escalatedAt: z.string().nullable(),
  /** When the running clocks started: the tweet, or the reopening (absent on early records). */
  startedAt: z.string().optional(),
  /** The next instant the state can change with no one acting (the server's check schedule); null = none. */
  nextCheckAt: z.string().nullable().optional(),
})
export type GrievanceSla = z.infer<typeof GrievanceSla>

export const Grievance = z.object({
  id: z.string(),
  ticket: z.string(),
  source: TweetSource,
  thread: z.array(ThreadEntry),
  division: z.string().nullable(),
  matchedRules: z.array(z.string()),
  priority: Priority,
  triage: z.object({
    actionable: z.boolean(),
    reasons: z.array(z.string()),
    /**
     * The triage band it came in on (src/shared/triage-model): `review` waits in its
     * division's review list, unallocated and unacknowledged, until a person makes it a
     * ticket or dismisses it. Absent on grievances made before the bands (tickets).
     */
    band: z.enum(['ticket', 'review', 'ignore']).optional(),
    /** The model's confidence that it is a grievance (0–1), when a model judged it. */
    confidence: z.number().min(0).max(1).optional(),
  }),
  status: GrievanceStatus,
  statusReason: z.string().nullable(),
  assignee: z.string().nullable(),
  /** When the resolution is due (ISO); kept for old desks, always equal to sla.resolutionDueAt when sla is set. */
  slaDueAt: z.string(),
  /** The SLA record (src/shared/sla); absent on grievances made before the SLA engine. */
  sla: GrievanceSla.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Optimistic concurrency: bumped by every change the server commits. */
  version: z.number().int(),
})
export type Grievance = z.infer<typeof Grievance>

/** Waiting for a person to decide whether it is a grievance at all (no acknowledgement yet). */
export function inReview(g: Pick<Grievance, 'triage'>): boolean {
  return g.triage.band === 'review'
}
