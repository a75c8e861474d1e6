// The review band's two keys: t makes the highlighted review-band grievance a ticket
// (the server allocates it and acknowledges it on X, once), d dismisses it as not a
// grievance (no public reply, ever). Both are labels the triage model learns from.
import { inReview, type Grievance } from '../../../../shared/grievance'
import type { ActionBody } from '../../../../shared/protocol'
import { LIMITS } from '../../../../shared/limits'

export const MAKE_TICKET_KEY = 't'
export const DISMISS_KEY = 'd'

/** The action a review key means for `g`, or null when the key does not apply to it. */
export function reviewAction(key: string, g: Grievance | undefined, dismissReason: string): ActionBody | null {
  if (!g || !inReview(g) || g.status !== 'new') return null
  if (key === MAKE_TICKET_KEY) return { type: 'accept' }
  if (key === DISMISS_KEY)
    return { type: 'reject', reason: dismissReason.slice(0, LIMITS.reasonChars), notGrievance: true }
  return null
}
