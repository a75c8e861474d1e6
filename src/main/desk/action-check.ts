// The desk checks an action against the server's contract before it enters the outbox:
// an action the server can never accept would otherwise sit at the head of the queue,
// refused on every retry, with the officer's later work stuck behind it.
import { LIMITS, isStorableText } from '../../shared/limits'
import { Action, type ActionBody } from '../../shared/protocol'
import { PUSH_BATCH_BYTES, actionBytes } from './outbox-batch'

/** Why the server would refuse this action, or null when it may be queued and sent. */
export function whyUnsendable(action: Action): string | null {
  const parsed = Action.safeParse(action)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return `${issue?.path.join('.') || 'action'}: ${issue?.message ?? 'invalid'}`
  }
  // The schema carries these rules too; checked again so the desk never depends on a
  // schema version that forgot one (a NUL reached PostgreSQL and failed the whole batch).
  for (const [field, text, max] of stringFields(action)) {
    if (text.length > max) return `${field}: at most ${max} characters (this one has ${text.length})`
    if (!isStorableText(text)) return `${field}: contains a NUL character or malformed Unicode (a lone surrogate)`
  }
  const bytes = actionBytes(action)
  if (bytes > PUSH_BATCH_BYTES) return `the action is ${bytes} bytes; at most ${PUSH_BATCH_BYTES} can be sent`
  return null
}

function stringFields(action: Action): [field: string, text: string, max: number][] {
  const fields: [string, string, number][] = [
    ['id', action.id, LIMITS.idChars],
    ['grievanceId', action.grievanceId, LIMITS.idChars],
    ['at', action.at, LIMITS.timestampChars],
  ]
  const body: ActionBody = action.body
  switch (body.type) {
    case 'reply':
      fields.push(['body.text', body.text, LIMITS.replyChars])
      break
    case 'note':
      fields.push(['body.text', body.text, LIMITS.noteChars])
      break
    case 'forward':
      fields.push(['body.toDivision', body.toDivision, LIMITS.nameChars])
      if (body.note !== undefined) fields.push(['body.note', body.note, LIMITS.noteChars])
      break
    case 'resolve':
      if (body.note !== undefined) fields.push(['body.note', body.note, LIMITS.noteChars])
      break
    case 'reject':
      // Looser than the server's own bound may be: if that is shorter, the server
      // refuses this one action and the rest of the outbox flows on.
      fields.push(['body.reason', body.reason, LIMITS.noteChars])
      break
    case 'retry-reply':
      fields.push(['body.entryId', body.entryId, LIMITS.idChars])
      break
    case 'assign':
      fields.push(['body.assignee', body.assignee, LIMITS.nameChars])
      break
    default:
      break
  }
  return fields
}

const BODY_TEXT_LIMITS: Record<string, number> = {
  note: LIMITS.noteChars,
  reason: LIMITS.reasonChars,
  toDivision: LIMITS.nameChars,
  entryId: LIMITS.idChars,
}
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function displayable(text: string, max: number): string {
  const clean = text.replace(UNSTORABLE, '\uFFFD')
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…`
}

/**
 * A refused action as the officer is shown it: the same action with its texts made
 * storable and cut to the contract's lengths, so the conflicts list (which the desk API
 * validates) can hold it. Null when even that is not an action (an unknown type, a bad id).
 */
export function refusedActionForDisplay(action: Action): Action | null {
  const body: Record<string, unknown> = { ...action.body }
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string' || key === 'type') continue
    const max = key === 'text' ? (body.type === 'reply' ? LIMITS.replyChars : LIMITS.noteChars) : BODY_TEXT_LIMITS[key]
    body[key] = displayable(value, max ?? LIMITS.reasonChars)
  }
  const parsed = Action.safeParse({ ...action, at: displayable(action.at, LIMITS.timestampChars), body })
  return parsed.success ? parsed.data : null
}
