// What the desk keeps in memory for every cached grievance: the fields the queue shows,
// filters and sorts on. The full document (thread and all, 2–4 KB) stays on disk and is
// read on demand, so 100,000 grievances cost tens of megabytes of memory, not a gigabyte.
import type { Grievance } from '../../../shared/grievance'

/** Bump when QueueRow changes: stored rows of another version are rebuilt from the documents. */
export const QUEUE_ROW_VERSION = 1

export interface QueueRow {
  id: string
  ticket: string
  version: number
  status: Grievance['status']
  priority: Grievance['priority']
  division: string | null
  assignee: string | null
  slaDueAt: string
  createdAt: string
  updatedAt: string
  authorUsername: string
  authorName?: string
  language: string
  /** The source tweet (≤ 280 characters on X): enough for the row and a first search. */
  text: string
}

export function queueRow(g: Grievance): QueueRow {
  const row: QueueRow = {
    id: g.id,
    ticket: g.ticket,
    version: g.version,
    status: g.status,
    priority: g.priority,
    division: g.division,
    assignee: g.assignee,
    slaDueAt: g.slaDueAt,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
    authorUsername: g.source.authorUsername,
    language: g.source.language,
    text: g.source.text,
  }
  if (g.source.authorName !== undefined) row.authorName = g.source.authorName
  return row
}

/**
 * A row as a positional array, for the index file: no key names, so 100,000 rows are about
 * half the bytes to write and to parse at start-up. Order is part of QUEUE_ROW_VERSION.
 */
export type RowTuple = [
  ticket: string,
  status: QueueRow['status'],
  priority: QueueRow['priority'],
  division: string | null,
  assignee: string | null,
  slaDueAt: string,
  createdAt: string,
  updatedAt: string,
  authorUsername: string,
  authorName: string | null,
  language: string,
  text: string,
]

export function rowToTuple(r: QueueRow): RowTuple {
  return [
    r.ticket,
    r.status,
    r.priority,
    r.division,
    r.assignee,
    r.slaDueAt,
    r.createdAt,
    r.updatedAt,
    r.authorUsername,
    r.authorName ?? null,
    r.language,
    r.text,
  ]
}

export function rowFromTuple(id: string, version: number, t: RowTuple): QueueRow {
  const row: QueueRow = {
    id,
    ticket: t[0],
    version,
    status: t[1],
    priority: t[2],
    division: t[3],
    assignee: t[4],
    slaDueAt: t[5],
    createdAt: t[6],
    updatedAt: t[7],
    authorUsername: t[8],
    language: t[10],
    text: t[11],
  }
  if (t[9] !== null) row.authorName = t[9]
  return row
}
