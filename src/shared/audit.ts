// The audit log's contract: what an entry is, how admins page and search it. The log
// itself is server-side (src/server/audit); this is what crosses the wire.
import { z } from 'zod'
import { LIMITS, safeString } from './limits'

export const AUDIT_PATHS = {
  /** Admins: newest first, `?limit=N&before=SEQ&q=&action=&actor=`. */
  audit: '/api/v1/admin/audit',
  /** Admins: the same query as CSV (UTF-8 with BOM); the export is itself audited. */
  auditCsv: '/api/v1/admin/audit.csv',
  /** Admins: re-computes the hash chain over the whole log and says where it breaks. */
  auditVerify: '/api/v1/admin/audit/verify',
} as const

/**
 * What was done, as `area.verb`. Open-ended on purpose (each capability adds its own),
 * but these are the ones the product writes and admins filter on.
 */
export const AUDIT_ACTIONS = [
  'auth.sign-in',
  'auth.sign-in-failed',
  'auth.sign-out',
  'auth.password-changed',
  'auth.sign-in-code-asked',
  'auth.two-factor-failed',
  'two-factor.enrolment-started',
  'two-factor.enabled',
  'two-factor.recovery-codes-made',
  'two-factor.requirement-changed',
  'two-factor.reset',
  'user.created',
  'user.updated',
  'user.disabled',
  'user.enabled',
  'user.role-changed',
  'config.changed',
  'config.rolled-back',
  'config.imported',
  'config.exported',
  'grievance.reassigned',
  'grievance.bulk-changed',
  'review.ticket-made',
  'triage.quality-read',
  'model.rolled-back',
  'model.upload',
  'model.deploy',
  'model.rollback',
  'model.quality-read',
  'sla.recomputed',
  'report.exported',
  'audit.exported',
  'handle.added',
  'handle.removed',
  'handle.connected',
  'handle.disconnected',
] as const

const queryInt = safeString(20)
  .regex(/^\d+$/, { message: 'must be a non-negative integer' })
  .transform(Number)
  .pipe(z.number().max(Number.MAX_SAFE_INTEGER))

export const AuditQuery = z.object({
  limit: queryInt.transform((n) => Math.min(LIMITS.auditPage, Math.max(1, n))).default(100),
  /** Entries older than this sequence number (the `next` of the previous page). */
  before: queryInt.optional(),
  /** Free text over actor, action, target and details. */
  q: safeString(LIMITS.searchQueryChars).optional(),
  action: safeString(LIMITS.nameChars).optional(),
  actor: safeString(LIMITS.nameChars).optional(),
})
export type AuditQuery = z.infer<typeof AuditQuery>

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  /** Username, `system` for the server's own work, or the name tried at a failed sign-in. */
  actor: z.string(),
  action: z.string(),
  /** What it was done to: a username, a grievance ticket, a config version… */
  target: z.string().nullable(),
  clientAddress: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** sha256 over the previous entry's hash and this entry's fields. */
  hash: z.string(),
})
export type AuditEntry = z.infer<typeof AuditEntry>

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  /** Pass as `before` for the next (older) page; null on the last. */
  next: z.number().int().nullable(),
})
export type AuditPage = z.infer<typeof AuditPage>

export const AuditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** The first entry whose hash does not follow from its fields and its predecessor. */
  brokenAt: z.number().int().nullable(),
})
export type AuditVerification = z.infer<typeof AuditVerification>
