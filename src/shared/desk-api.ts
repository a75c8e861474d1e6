// The desk API: the one contract between the desk core (Electron main, or the
// browser desk host) and the renderer. Each method has a zod input and output; main
// validates both, the preload turns the map into `window.seva`.
import { z } from 'zod'
import { Grievance, GrievanceStatus } from './grievance'
import { SearchText, ServerSearchAnswer } from './grievance-search'
import { LIMITS } from './limits'
import { RecoveryCodes, TWO_FACTOR_LIMITS, TwoFactorEnrolment, TwoFactorStatus } from './two-factor'
import { UpdateDeferUntil, UpdateNotice } from './updates'
import {
  Action,
  ActionBody,
  BulkMark,
  IgnoredResponse,
  IgnoredTicketResponse,
  IngestionStatus,
  OrgSummary,
  PresenceList,
  PresenceState,
  User,
} from './protocol'

/** `server-error`: the server answers but fails (5xx) — not the same as being offline. */
export const SyncStatus = z.enum(['logged-out', 'connecting', 'online', 'offline', 'server-error'])
export type SyncStatus = z.infer<typeof SyncStatus>

export const SyncState = z.object({
  status: SyncStatus,
  /** Actions in the outbox not yet settled by the server. */
  pending: z.number().int(),
  lastSyncedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** A problem with the desk's own files (a damaged outbox); stays while offline, unlike lastError. */
  warning: z.string().nullable().optional(),
  serverUrl: z.string().nullable(),
})
export type SyncState = z.infer<typeof SyncState>

/** A desk action the server refused or found stale, kept for the officer to see. */
export const Conflict = z.object({
  action: Action,
  kind: z.enum(['conflict', 'rejected']),
  reason: z.string(),
  grievance: Grievance.nullable(),
  at: z.string(),
})
export type Conflict = z.infer<typeof Conflict>

export const Session = z.object({
  user: User.nullable(),
  serverUrl: z.string().nullable(),
  /**
   * Signed in with a password an administrator chose: nothing works until the user picks
   * their own (session.change-password); the renderer shows only that screen.
   */
  mustChangePassword: z.boolean().optional(),
  /**
   * Two-factor sign-in in progress: `code` — the password was right, the code from the
   * authenticator app finishes it (session.two-factor-code; no user yet); `enrol` — the
   * user's role must use two-factor and they have none: nothing works until they turn it
   * on (two-factor.enrol, two-factor.confirm). A required password change comes first.
   */
  twoFactor: z.enum(['code', 'enrol']).optional(),
})
export type Session = z.infer<typeof Session>

const none = z.object({}).strict()

/**
 * The server paths the desk relays for the supervisor and admin screens (online only; the
 * desk adds the session token, the renderer never sees it). Sign-in, sign-out, the changes
 * feed, the event stream and actions have their own methods and are not relayed.
 */
export const STAFF_PATH = /^\/api\/v1(\/(?!\.\.?(\/|$))[A-Za-z0-9._~:-]+)+$/
const NOT_RELAYED = /^\/api\/v1\/(auth\/login|auth\/logout|events|changes|actions)(\/|$)/
const StaffPath = z
  .string()
  .max(LIMITS.idChars * 4)
  .regex(STAFF_PATH, { message: 'must be a path of the server API (/api/v1/…)' })
  .refine((p) => !NOT_RELAYED.test(p), { message: 'has its own desk method and is not relayed' })
const StaffQuery = z
  .record(z.string().max(LIMITS.nameChars), z.string().max(LIMITS.reasonChars))
  .refine((q) => Object.keys(q).length <= LIMITS.staffQueryParams, {
    message: `at most ${LIMITS.staffQueryParams} query parameters`,
  })

/** A request of a supervisor or admin screen, relayed to the server as the signed-in user. */
export const StaffRequest = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  path: StaffPath,
  query: StaffQuery.optional(),
  body: z.unknown().optional(),
})
export type StaffRequest = z.infer<typeof StaffRequest>

/** The server's answer as it came: 2xx with its JSON, or a 4xx with `{error, message}` for the form to show. */
export const StaffResponse = z.object({ status: z.number().int(), body: z.unknown() })
export type StaffResponse = z.infer<typeof StaffResponse>

/** A file fetched from the server for the renderer to save (exports). `id` is the renderer's, for progress and cancel. */
export const StaffDownloadRequest = z.object({
  id: z.string().min(1).max(LIMITS.nameChars),
  path: StaffPath,
  query: StaffQuery.optional(),
})
export const StaffDownload = z.object({
  filename: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
  base64: z.string(),
})
export type StaffDownload = z.infer<typeof StaffDownload>

/** The interface languages the desk offers (the officer's choice, not a tweet's language). */
export const InterfaceLanguage = z.enum(['en', 'hi'])
export type InterfaceLanguage = z.infer<typeof InterfaceLanguage>

/** One officer's desk settings, kept per user on the workstation; null means "not chosen yet". */
export const UserSettings = z.object({
  language: InterfaceLanguage.nullable(),
  /** Seconds a sent reply waits with an Undo before it enters the outbox (0 = off); absent = the default. */
  undoSendSeconds: z.number().int().min(0).max(LIMITS.undoSendMaxSeconds).optional(),
  /** A desk update is not installed before this time (null or absent: it installs on quit). */
  updateDeferUntil: UpdateDeferUntil.optional(),
})
export type UserSettings = z.infer<typeof UserSettings>

export const deskApi = {
  'session.get': { input: none, output: Session },
  'session.login': {
    input: z.object({
      serverUrl: z.string().url().optional(),
      username: z.string().min(1),
      password: z.string().min(1),
    }),
    output: Session,
  },
  'session.logout': { input: none, output: Session },
  /** Changes the signed-in user's password (required after an admin set it); the user's other sessions end. */
  'session.change-password': {
    input: z.object({
      currentPassword: z.string().min(1).max(LIMITS.passwordChars),
      newPassword: z.string().min(1).max(LIMITS.passwordChars),
    }),
    output: Session,
  },
  /** Finishes a sign-in that asked for a code (session.twoFactor 'code'). */
  'session.two-factor-code': {
    input: z.object({ code: z.string().min(1).max(TWO_FACTOR_LIMITS.typedCodeChars) }),
    output: Session,
  },
  /** The signed-in (or enrolling) user's own two-factor status. */
  'two-factor.status': { input: none, output: TwoFactorStatus },
  /** A new secret to enrol with (shown once): for the settings, or the enrolment a role requires. */
  'two-factor.enrol': { input: none, output: TwoFactorEnrolment },
  /** The first right code turns two-factor on; a required enrolment then becomes a real session. */
  'two-factor.confirm': {
    input: z.object({ code: z.string().min(1).max(TWO_FACTOR_LIMITS.typedCodeChars) }),
    output: Session,
  },
  /** A new set of recovery codes (shown once; the old set ends). Two-factor must be on. */
  'two-factor.recovery-codes': { input: none, output: RecoveryCodes },
  'org.get': { input: none, output: OrgSummary.nullable() },
  'grievances.list': { input: none, output: z.array(Grievance) },
  'grievances.get': { input: z.object({ id: z.string() }), output: Grievance.nullable() },
  /** The ids of every cached grievance: the renderer then reads them in slices, not in one 60 MB answer. */
  'grievances.ids': { input: none, output: z.array(z.string()) },
  /** The cached grievances among `ids`, in that order; ids not (or no longer) cached are left out. */
  'grievances.get-many': {
    input: z.object({ ids: z.array(z.string().max(LIMITS.idChars)).max(LIMITS.deskGrievancesPerRead) }),
    output: z.array(Grievance),
  },
  /**
   * Older grievances on the server, beyond the desk's working set (online only): hits
   * newest first, or `offline` with a sentence to show when the server cannot be reached.
   */
  'grievances.search-server': {
    input: z.object({
      // The server's own rules (length; not only words too short to look up), checked here first.
      q: SearchText,
      status: GrievanceStatus.optional(),
      division: z.string().min(1).max(LIMITS.nameChars).optional(),
      before: z
        .string()
        .max(LIMITS.idChars * 2)
        .optional(),
    }),
    output: ServerSearchAnswer,
  },
  /**
   * A grievance to work on: the cached copy, or else fetched from the server into the cache
   * (the working set's trim drops it again once it is finished and old, never while open).
   */
  'grievances.open': { input: z.object({ id: z.string().min(1).max(LIMITS.idChars) }), output: Grievance },
  /** Applies at once to the cache (optimistic) and queues it in the outbox. */
  'actions.submit': {
    input: z.object({ grievanceId: z.string(), body: ActionBody, bulk: BulkMark.optional() }),
    output: z.object({ actionId: z.string(), grievance: Grievance }),
  },
  'sync.state': { input: none, output: SyncState },
  /** Pull now rather than waiting for the event stream. */
  'sync.now': { input: none, output: SyncState },
  'conflicts.list': { input: none, output: z.array(Conflict) },
  'conflicts.dismiss': { input: z.object({ actionId: z.string() }), output: z.array(Conflict) },
  /** Supervisors and admins: the X read budget and ingestion sources, fetched live; null for officers. */
  'ingestion.status': { input: none, output: IngestionStatus.nullable() },
  /** Ignored tweets on the server, searchable by text or author, newest first (fetched live). */
  'review.ignored': {
    input: z.object({
      q: z.string().max(LIMITS.searchQueryChars).optional(),
      before: z
        .string()
        .max(LIMITS.idChars * 2)
        .optional(),
    }),
    output: IgnoredResponse,
  },
  /** Make a ticket of an ignored tweet; the grievance then arrives through the changes feed. */
  'review.ticket': {
    input: z.object({
      tweetId: z.string().min(1).max(LIMITS.idChars),
      division: z.string().max(LIMITS.nameChars).optional(),
    }),
    output: IgnoredTicketResponse,
  },
  /** The signed-in officer's settings; all null when nobody is signed in. */
  'settings.get': { input: none, output: UserSettings },
  /** Saves the signed-in officer's settings (the fields given) and answers the whole set. */
  'settings.set': { input: UserSettings.partial().strict(), output: UserSettings },
  /**
   * What the officer is doing on a grievance, told to the server and repeated while it
   * lasts; `left` ends it. Best effort: offline or signed out it does nothing.
   */
  'presence.set': {
    input: z.object({ grievanceId: z.string().min(1).max(LIMITS.idChars), state: PresenceState }),
    output: z.object({}),
  },
  /** Supervisor and admin screens: one request to the server's staff API (online only). */
  'staff.request': { input: StaffRequest, output: StaffResponse },
  /** Downloads an export; `download-progress` events report it; cancellable by its id. */
  'staff.download': { input: StaffDownloadRequest, output: StaffDownload },
  'staff.download-cancel': { input: z.object({ id: z.string().min(1).max(LIMITS.nameChars) }), output: z.object({}) },
  /** The desk update waiting for this machine, if any (always null in the browser desk). */
  'updates.state': { input: none, output: UpdateNotice.nullable() },
} as const

export type DeskApi = typeof deskApi
export type DeskMethod = keyof DeskApi
export type DeskInput<M extends DeskMethod> = z.input<DeskApi[M]['input']>
export type DeskOutput<M extends DeskMethod> = z.infer<DeskApi[M]['output']>
export const DESK_METHODS = Object.keys(deskApi) as DeskMethod[]

export const DeskEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sync'), state: SyncState }),
  z.object({ type: z.literal('grievances-changed'), ids: z.array(z.string()) }),
  z.object({ type: z.literal('conflict'), conflict: Conflict }),
  z.object({ type: z.literal('session'), session: Session }),
  /** The organisation (divisions, templates) arrived or changed after sign-in. */
  z.object({ type: z.literal('org'), org: OrgSummary }),
  /** The others on a grievance now (from the server's event stream, or its answer to presence.set). */
  PresenceList.extend({ type: z.literal('presence') }),
  /** How far a staff.download has come (totalBytes null when the server streams without a length). */
  z.object({
    type: z.literal('download-progress'),
    id: z.string(),
    receivedBytes: z.number().int(),
    totalBytes: z.number().int().nullable(),
  }),
  /** The Electron desk's updater found, fetched or deferred a build (null: nothing waiting). */
  z.object({ type: z.literal('update'), update: UpdateNotice.nullable() }),
])
export type DeskEvent = z.infer<typeof DeskEvent>

export { DESK_EVENT_CHANNEL, DESK_INVOKE_CHANNEL, type DeskError, type SevaBridge } from './desk-bridge'
