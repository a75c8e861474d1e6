// What the desk keeps in memory for every cached grievance: only what the desk core asks of
// the cache without reading a document — the ids for the queue, the version for
// upsert-if-newer and an action's base, status and last change for the working set. The
// renderer builds its own queue table from the documents (grievances.get-many), so the
// ticket, author, dates and tweet text stay on disk with the document (2–4 KB) and are read
// on demand.
//
// Why so little (issue 13, peak RSS at 100,000): a full queue row (ticket, three ISO
// dates, author, language, tweet text) was ~1 KB of live heap per grievance, ~135 MB at
// 100,000, and V8 lets the heap grow to several times the live size before a full
// collection, so the churn of a sync peaked at 460–570 MB RSS. Measured in
// `npm run bench desk` (figures in the README).
import type { Grievance } from '../../../shared/grievance'

/**
 * Bump when QueueRow or its tuple changes. Index files of version 1 (the full queue row)
 * are read without a rebuild (`rowFromStored`); any other version is rebuilt from the
 * documents once.
 */
export const QUEUE_ROW_VERSION = 2

export interface QueueRow {
  readonly id: string
  readonly version: number
  readonly status: Grievance['status']
  /** ISO time of the last change: the working set forgets finished work by it. */
  readonly updatedAt: string
}

export function queueRow(g: Grievance): QueueRow {
  return { id: g.id, version: g.version, status: g.status, updatedAt: g.updatedAt }
}

/** A row in an index file, after [id, version, file, offset, length]: no key names. */
export type RowTuple = [status: QueueRow['status'], updatedAt: string]

export function rowToTuple(r: QueueRow): RowTuple {
  return [r.status, r.updatedAt]
}

/**
 * The row part of an index record of `rowVersion`, or null when that version is not
 * readable here (the row is then rebuilt from its document). Version 1 was the full row:
 * [ticket, status, priority, division, assignee, slaDueAt, createdAt, updatedAt, …].
 */
export function rowFromStored(rowVersion: number, t: readonly unknown[]): RowTuple | null {
  const [status, updatedAt] = rowVersion === QUEUE_ROW_VERSION ? t : rowVersion === 1 ? [t[1], t[7]] : []
  if (typeof status !== 'string' || typeof updatedAt !== 'string') return null
  return [status as QueueRow['status'], updatedAt]
}
