// The server protocol (desk ⇄ central server), as zod schemas. Paths are in API_PATHS.
import { z } from 'zod'
import { Grievance, Priority } from './grievance'
import { IngestSourceName } from './org'

export const API_PATHS = {
  health: '/healthz',
  login: '/api/v1/auth/login',
  me: '/api/v1/me',
  org: '/api/v1/org',
  changes: '/api/v1/changes',
  events: '/api/v1/events',
  actions: '/api/v1/actions',
  /** Supervisors and admins: read budget and the state of every ingestion source. */
  ingestion: '/api/v1/admin/ingestion',
} as const

export const Role = z.enum(['officer', 'supervisor', 'admin'])
export type Role = z.infer<typeof Role>

export const User = z.object({
  username: z.string(),
  displayName: z.string(),
  role: Role,
  divisions: z.array(z.string()),
  languages: z.array(z.string()),
})
export type User = z.infer<typeof User>

export const LoginRequest = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
})
export type LoginRequest = z.infer<typeof LoginRequest>

export const LoginResponse = z.object({ token: z.string(), user: User })
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
  z.object({ seq: z.number().int(), kind: z.literal('upsert'), grievance: Grievance }),
  z.object({ seq: z.number().int(), kind: z.literal('remove'), id: z.string() }),
])
export type Change = z.infer<typeof Change>

/** GET /api/v1/changes?after=N&limit=M */
export const ChangesResponse = z.object({
  changes: z.array(Change),
  /** The cursor to pass as `after` next time. */
  last: z.number().int(),
  hasMore: z.boolean(),
})
export type ChangesResponse = z.infer<typeof ChangesResponse>

/** Server-sent event payloads on GET /api/v1/events (event name = type). */
export const ServerEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), seq: z.number().int() }),
  z.object({ type: z.literal('changes'), seq: z.number().int() }),
])
export type ServerEvent = z.infer<typeof ServerEvent>

/** What an officer does to a grievance, before it gets an id and a base version. */
export const ActionBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), text: z.string().min(1), language: z.enum(['en', 'hi']).optional() }),
  z.object({ type: z.literal('note'), text: z.string().min(1) }),
  z.object({ type: z.literal('claim') }),
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('forward'), toDivision: z.string(), note: z.string().optional() }),
  z.object({ type: z.literal('resolve'), note: z.string().optional() }),
  z.object({ type: z.literal('reject'), reason: z.string().min(1) }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('set-priority'), priority: Priority }),
  /** Post again a reply whose posting finally failed. */
  z.object({ type: z.literal('retry-reply'), entryId: z.string() }),
])
export type ActionBody = z.infer<typeof ActionBody>
export type ActionType = ActionBody['type']

/**
 * Replies and notes append to the thread and commute with anything else, so they
 * are applied whatever version they were based on; every other action changes state and
 * is a conflict when its base version is stale.
 */
export const APPEND_ONLY_ACTIONS: readonly ActionType[] = ['reply', 'note', 'retry-reply']

export const Action = z.object({
  /** Made by the desk (UUID); the server answers `duplicate` when it sees it again. */
  id: z.string().min(8),
  grievanceId: z.string(),
  baseVersion: z.number().int(),
  /** When the officer did it, on the desk's clock. */
  at: z.string(),
  body: ActionBody,
})
export type Action = z.infer<typeof Action>

export const ActionsRequest = z.object({ actions: z.array(Action).min(1).max(200) })
export type ActionsRequest = z.infer<typeof ActionsRequest>

export const ActionResult = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('applied'), grievance: Grievance }),
  z.object({ id: z.string(), status: z.literal('duplicate'), grievance: Grievance.optional() }),
  z.object({ id: z.string(), status: z.literal('conflict'), grievance: Grievance, reason: z.string() }),
  z.object({ id: z.string(), status: z.literal('rejected'), reason: z.string() }),
])
export type ActionResult = z.infer<typeof ActionResult>

export const ActionsResponse = z.object({ results: z.array(ActionResult) })
export type ActionsResponse = z.infer<typeof ActionsResponse>

/** Error body of every non-2xx answer. */
export const ApiError = z.object({ error: z.string(), message: z.string() })
export type ApiError = z.infer<typeof ApiError>

/** GET /api/v1/admin/ingestion: the monthly read budget and each source's state. */
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
