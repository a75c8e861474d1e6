// The server protocol (desk ⇄ central server), as zod schemas. Paths are in API_PATHS.
import { z } from 'zod'
import { Grievance, Priority } from './grievance'
import { LIMITS, safeNonNegativeInt, safeString, safeText } from './limits'
import { IngestSourceName } from './org'

export const API_PATHS = {
  health: '/healthz',
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/me',
  org: '/api/v1/org',
  changes: '/api/v1/changes',
  events: '/api/v1/events',
  actions: '/api/v1/actions',
  /** Who is looking at or answering a grievance now (in memory, short-lived). */
  presence: '/api/v1/presence',
  /**
   * Supervisors and admins: read budget and the state of every ingestion source. Oversight
   * routes supervisors may read live under /supervisor/: every /admin/ route is admins' only.
   */
  ingestion: '/api/v1/supervisor/ingestion',
  /** The same, at its first address: admins only now (as every /admin/ route). */
  ingestionAdmin: '/api/v1/admin/ingestion',
  /** Officers, supervisors, admins: ignored tweets, searchable (?q=&limit=&before=). */
  ignored: '/api/v1/review/ignored',
  /** POST: make a grievance (a ticket) of an ignored tweet. */
  ignoredTicket: '/api/v1/review/ignored/:tweetId/ticket',
  /** Supervisors and admins: the deployed model against the last 30 days of decisions. */
  triageQuality: '/api/v1/supervisor/triage/quality',
  /** The same, at its first address: admins only now. */
  triageQualityAdmin: '/api/v1/admin/triage/quality',
} as const

export const Role = z.enum(['officer', 'supervisor', 'admin'])
export type Role = z.infer<typeof Role>

export const User = z.object({
  username: safeString(LIMITS.nameChars),
  displayName: safeString(LIMITS.reasonChars),
  role: Role,
  divisions: z.array(safeString(LIMITS.nameChars)),
  languages: z.array(safeString(LIMITS.nameChars)),
})
export type User = z.infer<typeof User>

export const LoginRequest = z.object({
  username: safeText(LIMITS.nameChars),
  password: safeText(LIMITS.passwordChars),
})
export type LoginRequest = z.infer<typeof LoginRequest>

export const LoginResponse = z.object({
  token: safeString(LIMITS.idChars),
  user: User,
  /** An admin chose this password: the token is good only for changing it (and /me, sign-out) until then. */
  mustChangePassword: z.boolean().default(false),
  /** The user's role must use two-factor and they have none yet: the token is good only for enrolling (and /me, sign-out). */
  mustEnrolTwoFactor: z.boolean().default(false),
})
export type LoginResponse = z.infer<typeof LoginResponse>

/** What a desk needs of the organisation: names, templates, not the rule internals. */
export const OrgSummary = z.object({
  id: z.string(),
  name: z.string(),
  ticketPrefix: z.string(),
  handles: z.array(z.string()),
  divisions: z.array(z.object({ id: z.string(), name: z.string(), nameHi: z.string().optional() })),
  templates: z.array(z.object({ id: z.string(), label: z.string(), language: z.enum(['en', 'hi']), text: z.string() })),
})
export type OrgSummary = z.infer<typeof OrgSummary>

/** One entry of the changes feed; a removal (out of scope, deleted) is a tombstone. */
export const Change = z.discriminatedUnion('kind', [
  z.object({ seq: safeNonNegativeInt, kind: z.literal('upsert'), grievance: Grievance }),
  z.object({ seq: safeNonNegativeInt, kind: z.literal('remove'), id: safeString(LIMITS.idChars) }),
])
export type Change = z.infer<typeof Change>

/**
 * A non-negative integer as it comes in a query string: digits only, at most 2^53 − 1
 * (a larger one would silently lose precision as a JavaScript number).
 */
const queryInt = safeString(20)
  .regex(/^\d+$/, { message: 'must be a non-negative integer' })
  .transform(Number)
  .pipe(z.number().max(Number.MAX_SAFE_INTEGER, { message: `must be at most ${Number.MAX_SAFE_INTEGER}` }))

/**
 * Query of GET /api/v1/changes: the cursor (default 0) and the page size (default 100;
 * a size outside 1..LIMITS.changesPage is brought into it, as desks have always relied on).
 */
export const ChangesQuery = z.object({
  after: queryInt.default(0),
  limit: queryInt.transform((n) => Math.min(LIMITS.changesPage, Math.max(1, n))).default(100),
})
export type ChangesQuery = z.infer<typeof ChangesQuery>

/** GET /api/v1/changes?after=N&limit=M */
export const ChangesResponse = z.object({
  changes: z.array(Change),
  /** The cursor to pass as `after` next time. */
  last: safeNonNegativeInt,
  hasMore: z.boolean(),
})
export type ChangesResponse = z.infer<typeof ChangesResponse>

/** What an officer is doing on a grievance; `left` ends their presence there. */
export const PresenceState = z.enum(['viewing', 'replying', 'left'])
export type PresenceState = z.infer<typeof PresenceState>

/** POST /api/v1/presence: said on opening a grievance, on typing, on leaving, and every few seconds while there. */
export const PresenceRequest = z.object({
  grievanceId: safeText(LIMITS.idChars),
  state: PresenceState,
})
export type PresenceRequest = z.infer<typeof PresenceRequest>

/** Someone else on a grievance now. */
export const PresenceUser = z.object({
  username: safeString(LIMITS.nameChars),
  displayName: safeString(LIMITS.reasonChars),
  state: z.enum(['viewing', 'replying']),
  /** When they came to this state (ISO time). */
  since: safeString(LIMITS.timestampChars),
})
export type PresenceUser = z.infer<typeof PresenceUser>

/** The others on one grievance, never the asking user. */
export const PresenceList = z.object({
  grievanceId: safeString(LIMITS.idChars),
  users: z.array(PresenceUser).max(LIMITS.presenceUsers),
})
export type PresenceList = z.infer<typeof PresenceList>

/** Server-sent event payloads on GET /api/v1/events (event name = type). */
export const ServerEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), seq: safeNonNegativeInt }),
  z.object({ type: z.literal('changes'), seq: safeNonNegativeInt }),
  /** The others on a grievance the user may see changed (someone came, typed, left, or timed out). */
  PresenceList.extend({ type: z.literal('presence') }),
])
export type ServerEvent = z.infer<typeof ServerEvent>

/** What an officer does to a grievance, before it gets an id and a base version. */
export const ActionBody = z.discriminatedUnion('type', [
  /** At most a thread of a few posts (LIMITS.replyMaxPosts); its weight as X counts it is checked on the server. */
  z.object({ type: z.literal('reply'), text: safeText(LIMITS.replyChars), language: z.enum(['en', 'hi']).optional() }),
  z.object({ type: z.literal('note'), text: safeText(LIMITS.noteChars) }),
  z.object({ type: z.literal('claim') }),
  z.object({ type: z.literal('start') }),
  z.object({
    type: z.literal('forward'),
    toDivision: safeText(LIMITS.nameChars),
    note: safeString(LIMITS.noteChars).optional(),
  }),
  z.object({ type: z.literal('resolve'), note: safeString(LIMITS.noteChars).optional() }),
  /**
   * `notGrievance`: the officer says the tweet is not a grievance at all (a dismissal from
   * the review band, or a ticket that should never have been one): a training label.
   */
  z.object({
    type: z.literal('reject'),
    reason: safeText(LIMITS.reasonChars),
    notGrievance: z.boolean().optional(),
  }),
  /** Make a review-band grievance a ticket: allocated, and acknowledged on X once. */
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('set-priority'), priority: Priority }),
  /** It will take longer than the resolution target: an interim reply (this reason, this date) becomes due. */
  z.object({
    type: z.literal('take-longer'),
    reason: safeText(LIMITS.reasonChars),
    expectedBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date as YYYY-MM-DD' }),
  }),
  /** Post again a reply whose posting finally failed. */
  z.object({ type: z.literal('retry-reply'), entryId: safeText(LIMITS.idChars) }),
  /** Supervisors and admins: give the grievance to a named officer of its division. */
  z.object({ type: z.literal('assign'), assignee: safeText(LIMITS.nameChars) }),
])
export type ActionBody = z.infer<typeof ActionBody>
export type ActionType = ActionBody['type']

/**
 * Replies and notes append to the thread and commute with anything else, so they
 * are applied whatever version they were based on; every other action changes state and
 * is a conflict when its base version is stale.
 */
export const APPEND_ONLY_ACTIONS: readonly ActionType[] = ['reply', 'note', 'retry-reply']

/**
 * A client-made action id (the desk uses UUIDs): letters, digits and '-', 8 to 64 of them.
 * The first thread entry an action makes takes the action's id, so every id the server
 * makes itself (acknowledgements, citizen tweets, system notes, a reply's later thread
 * parts) contains a ':': no client id can ever equal one of them.
 */
export const ACTION_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/
export const ActionId = safeString(64).regex(ACTION_ID_PATTERN, {
  message: "must be 8 to 64 letters, digits or '-' (a UUID)",
})

/**
 * One action of a bulk change (the bulk bar, the monitor's bulk reassign): which bulk and
 * how many grievances it touched, so a supervisor's bulk change is audited as one.
 */
export const BulkMark = z.object({
  id: ActionId,
  count: z
    .number()
    .int()
    .min(1)
    .max(LIMITS.bulkGrievances, { message: `a bulk change touches at most ${LIMITS.bulkGrievances} grievances` }),
})
export type BulkMark = z.infer<typeof BulkMark>

export const Action = z.object({
  /** Made by the desk (UUID); the server answers `duplicate` when it sees it again. */
  id: ActionId,
  grievanceId: safeText(LIMITS.idChars),
  baseVersion: safeNonNegativeInt,
  /** When the officer did it, on the desk's clock. */
  at: safeText(LIMITS.timestampChars),
  body: ActionBody,
  bulk: BulkMark.optional(),
})
export type Action = z.infer<typeof Action>

export const ActionsRequest = z.object({
  actions: z
    .array(Action)
    .min(1, { message: 'send at least one action' })
    .max(LIMITS.actionsPerBatch, { message: `at most ${LIMITS.actionsPerBatch} actions in one request` }),
})
export type ActionsRequest = z.infer<typeof ActionsRequest>

/**
 * The outcome of one action: what the desk needs to settle its outbox, not the grievance
 * (the desk keeps its optimistic copy and pulls the server's through the changes feed).
 * Only a conflict carries the current grievance, for the officer to decide on.
 */
export const ActionResult = z.discriminatedUnion('status', [
  z.object({
    id: safeString(LIMITS.idChars),
    status: z.literal('applied'),
    grievanceId: safeString(LIMITS.idChars),
    /** The grievance's version after this action. */
    version: safeNonNegativeInt,
  }),
  z.object({
    id: safeString(LIMITS.idChars),
    status: z.literal('duplicate'),
    /** Where the action went and that grievance's version now (absent when out of the user's scope). */
    grievanceId: safeString(LIMITS.idChars).optional(),
    version: safeNonNegativeInt.optional(),
  }),
  z.object({
    id: safeString(LIMITS.idChars),
    status: z.literal('conflict'),
    grievance: Grievance,
    reason: safeString(LIMITS.reasonChars),
  }),
  z.object({ id: safeString(LIMITS.idChars), status: z.literal('rejected'), reason: safeString(LIMITS.reasonChars) }),
])
export type ActionResult = z.infer<typeof ActionResult>

export const ActionsResponse = z.object({ results: z.array(ActionResult) })
export type ActionsResponse = z.infer<typeof ActionsResponse>

/** Error body of every non-2xx answer. */
export const ApiError = z.object({ error: safeString(LIMITS.nameChars), message: z.string() })
export type ApiError = z.infer<typeof ApiError>

/** GET /api/v1/supervisor/ingestion: the monthly read budget and each source's state. */
export const IngestionStatus = z.object({
  budget: z.object({
    /** Posts we may read this period: the org's cap, or X's project cap when lower. */
    cap: z.number().int(),
    used: z.number().int(),
    remaining: z.number().int(),
    resetsAt: z.string(),
    /** Posts read this period as we counted them, by source. */
    bySource: z.record(z.string(), z.number().int()),
    /** What GET /2/usage/tweets said last time it was asked. */
    xReported: z
      .object({
        projectCap: z.number().int(),
        projectUsage: z.number().int(),
        capResetDay: z.number().int().optional(),
        fetchedAt: z.string(),
      })
      .optional(),
  }),
  sources: z.array(
    z.object({
      name: IngestSourceName,
      enabled: z.boolean(),
      paused: z.boolean(),
      reason: z.string().optional(),
      lastRunAt: z.string().nullable(),
      lastError: z.string().optional(),
      cursor: z.string().optional(),
    }),
  ),
  /** Tweets the database refused even after cleaning: kept for a person to look at. */
  setAside: z
    .object({
      count: z.number().int(),
      recent: z.array(
        z.object({
          tweetId: z.string(),
          source: z.string(),
          authorUsername: z.string(),
          text: z.string(),
          error: z.string(),
          at: z.string(),
        }),
      ),
    })
    .optional(),
})
export type IngestionStatus = z.infer<typeof IngestionStatus>

/** GET /api/v1/review/ignored: newest first; `before` is the `next` of the page before. */
export const IgnoredQuery = z.object({
  q: safeString(LIMITS.searchQueryChars).optional(),
  limit: queryInt.transform((n) => Math.min(LIMITS.ignoredPage, Math.max(1, n))).default(50),
  before: safeString(LIMITS.idChars * 2)
    .regex(/^\d{1,17}:.+$/, { message: "must be the 'next' of an earlier page" })
    .optional(),
})
export type IgnoredQuery = z.infer<typeof IgnoredQuery>

export const IgnoredTweet = z.object({
  tweetId: z.string(),
  authorUsername: z.string(),
  viaHandle: z.string().nullable(),
  text: z.string(),
  reasons: z.array(z.string()),
  /** The model's confidence that it is a grievance, when a model judged it. */
  confidence: z.number().nullable(),
  at: z.string(),
  /** Made a ticket since: that grievance's id. */
  grievanceId: z.string().nullable(),
})
export type IgnoredTweet = z.infer<typeof IgnoredTweet>

export const IgnoredResponse = z.object({
  tweets: z.array(IgnoredTweet),
  hasMore: z.boolean(),
  /** Pass as `before` for the next page (null on the last). */
  next: z.string().nullable(),
})
export type IgnoredResponse = z.infer<typeof IgnoredResponse>

/** POST /api/v1/review/ignored/:tweetId/ticket; the division defaults to the triage's pick. */
export const IgnoredTicketRequest = z.object({ division: safeText(LIMITS.nameChars).optional() })
export type IgnoredTicketRequest = z.infer<typeof IgnoredTicketRequest>

export const IgnoredTicketResponse = z.object({ grievanceId: z.string(), ticket: z.string() })
export type IgnoredTicketResponse = z.infer<typeof IgnoredTicketResponse>

const Rate = z.object({
  precision: z.number().nullable(),
  recall: z.number().nullable(),
  truePositives: z.number().int(),
  falsePositives: z.number().int(),
  falseNegatives: z.number().int(),
})

/** GET /api/v1/supervisor/triage/quality */
export const TriageQuality = z.object({
  since: z.string(),
  /** Decisions (labels) in the window, latest per tweet. */
  decisions: z.number().int(),
  actionable: z.number().int(),
  model: z.object({ org: z.string(), trainedAt: z.string().nullable(), createdFrom: z.string().nullable() }).nullable(),
  /** A grievance predicted = the ticket band. */
  ticket: Rate,
  /** A grievance predicted = ticket or review (what reaches a person). */
  ticketOrReview: Rate,
  bands: z.object({ ticket: z.number().int(), review: z.number().int(), ignore: z.number().int() }),
})
export type TriageQuality = z.infer<typeof TriageQuality>
