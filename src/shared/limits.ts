// Every limit of the protocol and the desk API in one place: the server, the desk core
// and the renderer all validate with these, so a value one side accepts is never refused
// (or worse, crashes) on the other. Texts are counted in UTF-16 code units, as JavaScript
// and zod count them; a reply's weight as X counts it is checked separately.
import { z } from 'zod'

export const LIMITS = {
  /** Usernames, division ids, template ids, handle names. */
  nameChars: 64,
  /** Passwords as typed (scrypt takes any length; this caps the work per request). */
  passwordChars: 256,
  /** The shortest password the policy accepts (src/shared/password-policy.ts). */
  passwordMinChars: 12,
  /** Divisions one user may work in, and languages one user may answer in. */
  userDivisions: 50,
  userLanguages: 10,
  /** Open grievances the allocator gives one officer at most (their capacity). */
  userCapacity: 1_000,
  /** Users one GET /api/v1/admin/users lists (a ministry has hundreds, not this many). */
  usersListed: 5_000,
  /** Ids made by the server or the desk (UUIDs, tweet ids, entry ids). */
  idChars: 128,
  /** Free-text short fields: display names, labels, rejection reasons. */
  reasonChars: 1_000,
  /** An internal note: a few thousand characters. */
  noteChars: 4_000,
  /** A reply, before it is split into a thread: at most REPLY_MAX_POSTS posts of 280. */
  replyChars: 1_200,
  /** How many posts a single reply may become when split into a thread. */
  replyMaxPosts: 4,
  /** A timestamp string (ISO 8601). */
  timestampChars: 40,
  /** Actions in one POST /api/v1/actions. */
  actionsPerBatch: 200,
  /** Body of one POST /api/v1/actions in bytes; the desk keeps its batches well under it. */
  actionsBodyBytes: 1_048_576,
  /** Body of any other request in bytes (login, small admin forms). */
  smallBodyBytes: 16_384,
  /** One renderer → desk request over the browser desk host's WebSocket, in bytes. */
  deskMessageBytes: 256 * 1024,
  /** Grievances one `grievances.get-many` reads: the renderer takes a sync page's changes in one answer (~1.5 MB). */
  deskGrievancesPerRead: 500,
  /** A grievance document may grow to this many bytes (JSON); actions that would pass it are refused. */
  grievanceBytes: 512 * 1024,
  /** Entries in one grievance's thread. */
  threadEntries: 500,
  /** Page size of GET /api/v1/changes. */
  changesPage: 500,
  /** Bytes of grievances in one page of GET /api/v1/changes; a page stops early past it (never before its first). */
  changesPageBytes: 4 * 1024 * 1024,
  /** Open event streams per session. */
  streamsPerSession: 4,
  /** Characters of a desk search query that are read (the rest of a pasted paragraph is not). */
  searchQueryChars: 200,
  /** Grievances one bulk action may touch: one desk action each, so as many as one server batch. */
  bulkGrievances: 200,
  /** Others listed as present on one grievance (more are not news to the officer). */
  presenceUsers: 20,
  /** Presence lasts this long unless the desk says it again (it does every ~10 s while there). */
  presenceTtlMs: 30_000,
  /** The longest an officer may have a sent reply wait for Undo (desk setting; 0 = off). */
  undoSendMaxSeconds: 30,
  /** Ignored tweets in one page of GET /api/v1/review/ignored. */
  ignoredPage: 200,
  /** Officers' decisions (labels) the triage quality figures read at most. */
  qualityLabels: 20_000,
  /** Audit entries in one page of GET /api/v1/admin/audit (and rows of one CSV export). */
  auditPage: 1_000,
  /** Bytes of one audit entry's details (JSON): what changed, not whole documents. */
  auditDetailsBytes: 8_192,
  /** Query parameters of one staff-API request relayed by the desk (reports, admin screens). */
  staffQueryParams: 30,
  /** A file the desk downloads for the renderer (an XLSX, CSV or PDF export), in bytes. */
  downloadBytes: 64 * 1024 * 1024,
  /** The longest an officer may put off a desk update (desk setting). */
  updateDeferMaxDays: 14,
  /** An X price per Post in dollars (a typo of 200 for 0.20 is refused). */
  xPriceMaxDollars: 10,
  /** A monthly X budget in dollars. */
  monthlyBudgetMaxDollars: 10_000_000,
  /** Recent days the budget's month-end projection may take its rate from. */
  budgetProjectionMaxDays: 31,
  /** Body of a config save or import (the whole organisation document), in bytes. */
  configBodyBytes: 1_048_576,
  /** Keyword rules in one organisation. */
  configRules: 500,
  /** Terms (or exclusions) of one keyword rule. */
  ruleTerms: 300,
  /** Characters of one rule term or exclusion. */
  ruleTermChars: 100,
  /** Reply templates in one organisation. */
  configTemplates: 200,
  /** Divisions in one organisation. */
  configDivisions: 100,
  /** Versions in one page of GET /api/v1/admin/config/versions (newest first). */
  configVersionsPage: 200,
  /** Captured tweets a rules preview runs over at most (the newest of the chosen days). */
  rulesPreviewTweets: 5_000,
  /** Days back a rules preview may look. */
  rulesPreviewMaxDays: 90,
  /** Examples a rules preview returns for each kind of difference. */
  rulesPreviewExamples: 10,
  /** Breached grievances in one answer of GET /api/v1/sla/breached (oldest breach first). */
  slaBreachedList: 500,
  /** A language code as X detects it (en, hi, und, zh-Hant…). */
  languageChars: 16,
  /** Days one report (summary or export) may cover: a year, leap day included. */
  reportRangeDays: 366,
  /** Officers listed in one report's per-officer table (the busiest first). */
  reportOfficers: 500,
  /** Keyword rules listed as the top matches of one report. */
  reportTopRules: 10,
  /** Grievances one export may hold; a larger range is refused with a 400 asking to narrow it. */
  reportExportRows: 200_000,
  /** An X username (X: 1–15 letters, digits or _). */
  xUsernameChars: 15,
  /** X handles one organisation manages (Twitter Seva: about ten). */
  handlesMax: 50,
  /** The OAuth `state`, `code` and `error` X sends back to the callback. */
  oauthParamChars: 1_000,
} as const

// A NUL or a lone surrogate cannot be stored in PostgreSQL text or JSONB, and a lone
// surrogate is not text at all: both are refused at the boundary instead of failing deep
// in a query with a 500.
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Whether a string can be stored and shown as text: no NUL, no lone surrogate. */
export function isStorableText(value: string): boolean {
  return !NUL.test(value) && !LONE_SURROGATE.test(value)
}

/** A string of at most `max` code units, without NUL and with well-formed Unicode. */
export function safeString(max: number) {
  return z
    .string()
    .max(max, { message: `at most ${max} characters` })
    .refine(isStorableText, { message: 'contains a NUL character or malformed Unicode (a lone surrogate)' })
}

/** A non-empty safeString. */
export function safeText(max: number) {
  return safeString(max).min(1, { message: 'must not be empty' })
}

/** An integer JavaScript can hold exactly (|n| ≤ 2^53 − 1). */
export const safeInt = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)
export const safeNonNegativeInt = safeInt.min(0)
