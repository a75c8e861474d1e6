// What the SLA capability puts on the wire: supervisors' list of breached work in scope.
import { z } from 'zod'
import { Priority, SlaEscalationLevel } from '../grievance'
import { LIMITS } from '../limits'

export const SLA_PATHS = {
  /** Supervisors and admins: open grievances in their scope whose SLA is breached, oldest breach first. */
  breached: '/api/v1/sla/breached',
  /** Admins: the default holiday list (resources/holidays/india-central.json) the SLA section shows. */
  defaultHolidays: '/api/v1/admin/sla/holidays',
} as const

export const SlaBreachedItem = z.object({
  id: z.string(),
  ticket: z.string(),
  division: z.string().nullable(),
  assignee: z.string().nullable(),
  priority: Priority,
  breachedAt: z.string(),
  escalationLevel: SlaEscalationLevel,
  interimOwed: z.boolean(),
})
export type SlaBreachedItem = z.infer<typeof SlaBreachedItem>

export const SlaBreachedResponse = z.object({
  items: z.array(SlaBreachedItem).max(LIMITS.slaBreachedList),
  /** More breached items than the list holds. */
  truncated: z.boolean(),
})
export type SlaBreachedResponse = z.infer<typeof SlaBreachedResponse>
