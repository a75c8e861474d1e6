// Desk updates: what the Electron desk tells the renderer about a new signed build, and
// the officer's choice to put it off. Only the Electron desk has an updater; the browser
// desk answers `updates.state` with null and never sends the `update` event.
import { z } from 'zod'
import { LIMITS } from './limits'

/**
 * `downloading`: offered to this machine and being fetched; `ready`: downloaded and
 * verified, installs when the desk quits; `deferred`: offered, but the signed-in officer
 * put it off until `deferredUntil`.
 */
export const UpdateStage = z.enum(['downloading', 'ready', 'deferred'])
export type UpdateStage = z.infer<typeof UpdateStage>

export const UpdateNotice = z.object({
  version: z.string().max(LIMITS.nameChars),
  stage: UpdateStage,
  deferredUntil: z.string().datetime().nullable(),
})
export type UpdateNotice = z.infer<typeof UpdateNotice>

/** Days an officer may put an update off at most (a signed fix must not wait forever). */
export const UPDATE_DEFER_MAX_DAYS = LIMITS.updateDeferMaxDays

/**
 * The officer's deferral as stored in desk settings: an ISO time no further than
 * UPDATE_DEFER_MAX_DAYS ahead, or null for "install on quit" (the default).
 */
export const UpdateDeferUntil = z
  .string()
  .max(LIMITS.timestampChars)
  .datetime()
  .nullable()
  .refine((at) => at === null || Date.parse(at) <= Date.now() + UPDATE_DEFER_MAX_DAYS * 86_400_000, {
    message: `an update can be deferred by at most ${UPDATE_DEFER_MAX_DAYS} days`,
  })
