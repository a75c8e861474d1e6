// Which outbox actions go to the server together, and how a settled action moves the
// base version of the ones queued behind it.
import { APPEND_ONLY_ACTIONS, type Action } from '../../shared/protocol'
import type { OutboxEntry } from './desk-files'

/**
 * The next batch, in outbox order. It stops before a state-changing action for a
 * grievance already in the batch: that action was based on the desk's view *after*
 * the earlier one, so it must wait until the earlier one is settled and rebased.
 */
export function nextPushBatch(entries: readonly OutboxEntry[], maxSize: number): Action[] {
  const batch: Action[] = []
  const touched = new Set<string>()
  for (const { action } of entries) {
    if (batch.length >= maxSize) break
    if (touched.has(action.grievanceId) && !APPEND_ONLY_ACTIONS.includes(action.body.type)) break
    batch.push(action)
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
