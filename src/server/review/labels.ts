// Officers' decisions as training labels: whether a tweet is a grievance, and whose. Each
// decision is a row (history kept); the latest per tweet is the label that counts.
import type { Grievance } from '../../shared/grievance'
import type { Queryable } from '../db/database'

/** Where a decision came from. */
export type LabelSource =
  /** "Make a ticket" on a review-band grievance. */
  | 'review-accept'
  /** Dismissed from the review band: not a grievance. */
  | 'review-dismiss'
  /** A ticket rejected as not a grievance. */
  | 'reject-not-grievance'
  /** An ignored tweet made a ticket. */
  | 'ignored-ticket'
  /** Forwarded: the grievance is another division's (a division label). */
  | 'forward'

export interface TriageLabel {
  tweetId: string
  text: string
  authorUsername: string
  viaHandle: string | null
  actionable: boolean
  division: string | null
  source: LabelSource
  username: string
}

export async function recordLabel(tx: Queryable, label: TriageLabel): Promise<void> {
  await tx.query(
    `INSERT INTO triage_labels (tweet_id, text, author_username, via_handle, actionable, division, source, username)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      label.tweetId,
      label.text,
      label.authorUsername,
      label.viaHandle,
      label.actionable,
      label.actionable ? label.division : null,
      label.source,
      label.username,
    ],
  )
}

/** A label about the tweet a grievance came from. */
export function labelOf(
  g: Grievance,
  decision: Pick<TriageLabel, 'actionable' | 'division' | 'source' | 'username'>,
): TriageLabel {
  return {
    tweetId: g.source.tweetId,
    text: g.source.text,
    authorUsername: g.source.authorUsername,
    viaHandle: g.source.via.handle ?? null,
    ...decision,
  }
}

export interface StoredLabel {
  [key: string]: unknown
  tweet_id: string
  text: string
  author_username: string
  via_handle: string | null
  actionable: boolean
  division: string | null
  source: string
  at: Date | string
}

/** The latest label of each tweet decided since `since` (all when null), oldest first. */
export async function latestLabels(tx: Queryable, since: Date | null, limit: number): Promise<StoredLabel[]> {
  return tx.query<StoredLabel>(
    `SELECT * FROM (
       SELECT DISTINCT ON (tweet_id) tweet_id, text, author_username, via_handle, actionable, division, source, at, id
       FROM triage_labels WHERE ($1::timestamptz IS NULL OR at >= $1::timestamptz)
       ORDER BY tweet_id, id DESC) l
     ORDER BY id DESC LIMIT $2`,
    [since ? since.toISOString() : null, limit],
  )
}

/** A label as a line of `seva model train --in` (src/cli/model.ts parseLabelled). */
export function trainingLine(l: StoredLabel): string {
  return JSON.stringify({
    id: l.tweet_id,
    text: l.text,
    author: l.author_username,
    ...(l.via_handle ? { viaHandle: l.via_handle } : {}),
    label: { actionable: l.actionable, division: l.actionable ? l.division : null },
  })
}
