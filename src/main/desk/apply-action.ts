// The optimistic effect of an officer's action on a grievance, applied by the desk
// before the server has seen it. It mirrors the server's effect closely enough for the
// officer's screen; the server's copy replaces it once the action is settled.
import { assertTransition, type Grievance, type ThreadEntry } from '../../shared/grievance'
import type { Action, User } from '../../shared/protocol'
import { DeskCoreError } from './errors'

/** Thread entries made on the desk carry this prefix until the server's copy arrives. */
export const LOCAL_ENTRY_PREFIX = 'local-'

export function applyActionLocally(grievance: Grievance, action: Action, user: Pick<User, 'username'>): Grievance {
  if (action.grievanceId !== grievance.id) {
    throw new DeskCoreError('invalid-input', `Action ${action.id} is for ${action.grievanceId}, not ${grievance.id}`)
  }
  const body = action.body
  const next: Grievance = { ...grievance, updatedAt: action.at }
  const entry = (kind: ThreadEntry['kind'], text: string, extra: Partial<ThreadEntry> = {}): ThreadEntry => ({
    id: `${LOCAL_ENTRY_PREFIX}${action.id}`,
    kind,
    text,
    at: action.at,
    by: user.username,
    ...extra,
  })

  switch (body.type) {
    case 'reply':
      next.thread = [...grievance.thread, entry('reply', body.text, { post: { state: 'pending', attempts: 0 } })]
      return next
    case 'note':
      next.thread = [...grievance.thread, entry('note', body.text)]
      return next
    case 'claim':
      assertTransition(grievance.status, 'assigned')
      next.status = 'assigned'
      next.assignee = user.username
      return next
    case 'start':
      assertTransition(grievance.status, 'in_progress')
      next.status = 'in_progress'
      next.assignee = grievance.assignee ?? user.username
      return next
    case 'forward':
      assertTransition(grievance.status, 'forwarded')
      next.status = 'forwarded'
      next.division = body.toDivision
      // Forwarded work goes back to the other division's queue.
      next.assignee = null
      if (body.note) next.thread = [...grievance.thread, entry('note', body.note)]
      return next
    case 'resolve':
      assertTransition(grievance.status, 'resolved')
      next.status = 'resolved'
      next.statusReason = body.note ?? null
      return next
    case 'reject':
      assertTransition(grievance.status, 'rejected')
      next.status = 'rejected'
      next.statusReason = body.reason
      return next
    case 'accept':
      // The server allocates it and queues the acknowledgement; the desk shows it a ticket.
      next.triage = { ...grievance.triage, band: 'ticket' }
      return next
    case 'close':
      assertTransition(grievance.status, 'closed')
      next.status = 'closed'
      return next
    case 'set-priority':
      next.priority = body.priority
      return next
    case 'take-longer':
      // The server sets the interim reply's due time; the desk shows the officer's note at once.
      next.thread = [...grievance.thread, entry('note', body.reason)]
      return next
    case 'assign':
      // A supervisor's named assignment; the server checks the officer and the role.
      assertTransition(grievance.status, 'assigned')
      next.status = 'assigned'
      next.assignee = body.assignee
      return next
    case 'retry-reply': {
      const target = grievance.thread.find((e) => e.id === body.entryId)
      if (!target || target.kind !== 'reply') {
        throw new DeskCoreError('not-found', `No reply ${body.entryId} on ${grievance.ticket}`)
      }
      if (target.post?.state !== 'failed') {
        throw new DeskCoreError('invalid-input', `Reply ${body.entryId} has not failed; nothing to retry`)
      }
      next.thread = grievance.thread.map((e) =>
        e.id === body.entryId ? { ...e, post: { state: 'pending', attempts: e.post?.attempts ?? 0 } } : e,
      )
      return next
    }
  }
}

/**
 * The grievance as the officer sees it: the server's copy with the still-pending actions
 * replayed on top (Actual-style rebase). An action that no longer applies (the server
 * moved the grievance on) is left out of the view; the server will settle it as a conflict.
 */
export function rebasePending(
  serverCopy: Grievance,
  pending: readonly Action[],
  user: Pick<User, 'username'>,
): Grievance {
  let view = serverCopy
  for (const action of pending) {
    if (action.grievanceId !== serverCopy.id) continue
    try {
      view = applyActionLocally(view, action, user)
    } catch {
      // Deliberately skipped: see the comment above.
    }
  }
  return view
}
