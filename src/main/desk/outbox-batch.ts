// Which outbox actions go to the server together, and how a settled action moves the
// base version of the ones queued behind it.
import { LIMITS } from '../../shared/limits'
import { APPEND_ONLY_ACTIONS, type Action } from '../../shared/protocol'
import type { OutboxEntry } from './desk-files'

/**
 * Bytes of one POST /actions body the desk aims for: half the server's limit, so a
 * batch never comes near it whatever the JSON escaping or a proxy's framing adds.
 */
export const PUSH_BATCH_BYTES = Math.floor(LIMITS.actionsBodyBytes / 2)

/** `{"actions":[` + `]}`: what a body adds around its actions. */
const ENVELOPE_BYTES = Buffer.byteLength('{"actions":[]}')

/** The size an action adds to a POST /actions body (its JSON and a comma). */
export function actionBytes(action: Action): number {
  return Buffer.byteLength(JSON.stringify(action), 'utf-8') + 1
}

/**
 * The next batch, in outbox order, at most `maxActions` (never above the protocol's
 * LIMITS.actionsPerBatch) and `maxBytes` of body; the first action always goes, alone
 * if it must, so an oversized one still gets its answer. It stops before a
 * state-changing action for a grievance already in the batch: that action was based on
 * the desk's view *after* the earlier one, so it must wait until the earlier one is
 * settled and rebased.
 */
export function nextPushBatch(
  entries: readonly OutboxEntry[],
  maxActions: number,
  maxBytes: number = PUSH_BATCH_BYTES,
): Action[] {
  const limit = Math.max(1, Math.min(maxActions, LIMITS.actionsPerBatch))
  const batch: Action[] = []
  const touched = new Set<string>()
  let bytes = ENVELOPE_BYTES
  for (const { action } of entries) {
    if (batch.length >= limit) break
    if (touched.has(action.grievanceId) && !APPEND_ONLY_ACTIONS.includes(action.body.type)) break
    const size = actionBytes(action)
    if (batch.length > 0 && bytes + size > maxBytes) break
    batch.push(action)
    bytes += size
    touched.add(action.grievanceId)
  }
  return batch
}

/**
 * After `settled` was applied and the grievance went from version B to R = B + 1 (only
 * our action happened in between), the actions queued behind it on the same grievance
 * and based on B were really based on R. When R > B + 1 somebody else changed the
 * grievance too: leave them stale so the server reports the conflict to the officer.
 */
export function rebaseQueued(entries: readonly OutboxEntry[], settled: Action, resultVersion: number): OutboxEntry[] {
  if (resultVersion !== settled.baseVersion + 1) return [...entries]
  return entries.map((entry) =>
    entry.action.grievanceId === settled.grievanceId && entry.action.baseVersion === settled.baseVersion
      ? { ...entry, action: { ...entry.action, baseVersion: resultVersion } }
      : entry,
  )
}
