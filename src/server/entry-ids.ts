// Ids of the thread entries the server makes itself. An officer's action gives its first
// thread entry the action's own id, chosen by the desk (protocol ACTION_ID_PATTERN: no ':'),
// so every id made here contains a ':' and no client can pick one: a reply whose id equalled
// an acknowledgement's would share its reply_outbox row and never be posted.
import { randomUUID } from 'node:crypto'

/** What made the entry: a citizen's tweet, an acknowledgement, a system note. */
export type EntryNamespace = 'citizen' | 'ack' | 'system' | 'idle'

export function serverEntryId(namespace: EntryNamespace): string {
  return `${namespace}:${randomUUID()}`
}

/** The id of the n-th post (n ≥ 2) of a reply split into a thread; the first is the action's id. */
export function replyPartId(actionId: string, part: number): string {
  return `${actionId}:${part}`
}
