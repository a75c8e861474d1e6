// The supervisors' live monitor: per division the open queue and its SLA standing, per
// officer their presence and load. Computed on the server from the mirrored columns
// (src/server/monitor); this is what crosses the wire.
import { z } from 'zod'
import { LIMITS, safeNonNegativeInt, safeString } from './limits'

export const MONITOR_PATHS = {
  /** Supervisors (their divisions, or all with ORG_WIDE) and admins (all); officers 403. */
  monitor: '/api/v1/monitor',
} as const

/** online: a desk is connected and its officer acted lately; away: idle or only polling; offline: neither. */
export const OfficerPresence = z.enum(['online', 'away', 'offline'])
export type OfficerPresence = z.infer<typeof OfficerPresence>

/** The oldest open grievance of a division or an officer. */
export const OldestItem = z.object({
  id: safeString(LIMITS.idChars),
  ticket: safeString(LIMITS.idChars),
  createdAt: safeString(LIMITS.timestampChars),
})
export type OldestItem = z.infer<typeof OldestItem>

export const DivisionLoad = z.object({
  id: safeString(LIMITS.nameChars),
  name: safeString(LIMITS.reasonChars),
  nameHi: safeString(LIMITS.reasonChars).optional(),
  /** Open tickets (the review band is counted apart: nobody's work until a person decides). */
  open: safeNonNegativeInt,
  /** Open tickets nobody is assigned. */
  unassigned: safeNonNegativeInt,
  /** Waiting in the review band. */
  review: safeNonNegativeInt,
  atRisk: safeNonNegativeInt,
  breached: safeNonNegativeInt,
  oldest: OldestItem.nullable(),
})
export type DivisionLoad = z.infer<typeof DivisionLoad>

export const OfficerLoad = z.object({
  username: safeString(LIMITS.nameChars),
  displayName: safeString(LIMITS.reasonChars),
  divisions: z.array(safeString(LIMITS.nameChars)),
  presence: OfficerPresence,
  /** An event stream of theirs is open on the server that answered. */
  connected: z.boolean(),
  /** Their last action or pull of changes (ISO time), null when never seen. */
  lastActiveAt: safeString(LIMITS.timestampChars).nullable(),
  /** Takes new work (not marked unavailable). */
  available: z.boolean(),
  load: safeNonNegativeInt,
  capacity: safeNonNegativeInt,
  oldest: OldestItem.nullable(),
})
export type OfficerLoad = z.infer<typeof OfficerLoad>

/** GET /api/v1/monitor */
export const MonitorSnapshot = z.object({
  at: safeString(LIMITS.timestampChars),
  /** Idle this long with a desk connected counts as away. */
  awayAfterMs: safeNonNegativeInt,
  divisions: z.array(DivisionLoad),
  officers: z.array(OfficerLoad),
})
export type MonitorSnapshot = z.infer<typeof MonitorSnapshot>
