// A reply as it will go out on X: placeholders filled, the ticket reference added when
// the officer did not write one, and split into a numbered thread when it is longer than
// one post. The server posts exactly these posts and the composer counts exactly these,
// so what the officer sees (272/280, or "3 posts") is what the citizen gets.
import { TICKET_PATTERN } from '../grievance'
import { LIMITS } from '../limits'
import { fillTemplate } from '../org'
import { splitIntoThread } from './thread'
import { MAX_TWEET_WEIGHT, weightedLength } from './weighted-length'

/** Values for a reply's placeholders: {ticket}, {name}, {division}. */
export interface ReplyValues {
  ticket: string
  name?: string | undefined
  division?: string | undefined
}

/** The reference every public answer carries, so the citizen can quote the ticket. */
export function ticketRef(ticket: string): string {
  return `(Ref: ${ticket})`
}

/** The officer's text with placeholders filled, trimmed. */
export function fillReply(text: string, values: ReplyValues): string {
  return fillTemplate(text, { ticket: values.ticket, name: values.name, division: values.division }).trim()
}

/** The reference to append, or '' when the text already names a ticket. */
function refToAdd(filled: string, ticket: string): string {
  return TICKET_PATTERN.test(filled) ? '' : ticketRef(ticket)
}

/** The whole reply as one text (before any split): what the PII guard reads. */
export function replyText(text: string, values: ReplyValues): string {
  const filled = fillReply(text, values)
  if (!filled) return ''
  const ref = refToAdd(filled, values.ticket)
  return ref ? `${filled} ${ref}` : filled
}

/**
 * The posts exactly as they will be posted, in order: one when the reply (with its
 * reference) fits in a post, otherwise "1/n …" parts that each fit, the reference on the
 * last real part. Empty for an empty reply.
 */
export function replyAsPosted(text: string, values: ReplyValues, max = MAX_TWEET_WEIGHT): string[] {
  const filled = fillReply(text, values)
  if (!filled) return []
  const ref = refToAdd(filled, values.ticket)
  return splitIntoThread(filled, { max, ...(ref ? { tail: ref } : {}) })
}

/** Why these posts cannot be sent as one reply, in a sentence; null when they can. */
export function replyPostsProblem(posts: readonly string[], max = MAX_TWEET_WEIGHT): string | null {
  if (posts.length === 0) return 'The reply is empty.'
  if (posts.length > LIMITS.replyMaxPosts) {
    return `The reply would be a thread of ${posts.length} posts; at most ${LIMITS.replyMaxPosts} are allowed. Shorten it.`
  }
  if (posts.some((p) => weightedLength(p) > max)) {
    return `The reply is longer than ${max} characters as X counts them and cannot be split.`
  }
  return null
}
