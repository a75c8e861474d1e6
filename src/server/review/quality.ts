// How the deployed triage model (or any registered version) does on officers' decisions of
// the last 30 days: each decided tweet triaged again now, its band against the label the
// officer gave it.
import type { IncomingTweet } from '../../shared/analysis'
import { LIMITS } from '../../shared/limits'
import type { TriageQuality } from '../../shared/protocol'
import { triageTweet, type Triage, type TriageBand } from '../../shared/triage-model'
import type { ServerContext } from '../context'
import type { Queryable } from '../db/database'
import { latestLabels, type StoredLabel } from './labels'

export const QUALITY_WINDOW_DAYS = 30

interface Counts {
  tp: number
  fp: number
  fn: number
}

function rate(c: Counts): TriageQuality['ticket'] {
  return {
    precision: c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null,
    recall: c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : null,
    truePositives: c.tp,
    falsePositives: c.fp,
    falseNegatives: c.fn,
  }
}

function count(c: Counts, predicted: boolean, actual: boolean): void {
  if (predicted && actual) c.tp++
  else if (predicted) c.fp++
  else if (actual) c.fn++
}

/** Officers' decisions of the quality window ending `now`: the latest per tweet. */
export async function decisionsSince(db: Queryable, now: Date): Promise<{ since: Date; labels: StoredLabel[] }> {
  const since = new Date(now.getTime() - QUALITY_WINDOW_DAYS * 86_400_000)
  return { since, labels: await latestLabels(db, since, LIMITS.qualityLabels) }
}

export type MeasuredQuality = Pick<TriageQuality, 'decisions' | 'actionable' | 'ticket' | 'ticketOrReview' | 'bands'>

/**
 * Each decided tweet triaged again by `triage` (the deployed model, or any registered
 * version: src/server/models), its band against the officer's label. Synchronous: a
 * Triage is not reentrant.
 */
export function measureQuality(labels: readonly StoredLabel[], triage: Triage): MeasuredQuality {
  const ticket: Counts = { tp: 0, fp: 0, fn: 0 }
  const reached: Counts = { tp: 0, fp: 0, fn: 0 }
  const bands: Record<TriageBand, number> = { ticket: 0, review: 0, ignore: 0 }
  let actionable = 0
  for (const l of labels) {
    const tweet: IncomingTweet = {
      id: l.tweet_id,
      text: l.text,
      authorId: l.author_username,
      authorUsername: l.author_username,
      conversationId: l.tweet_id,
      ...(l.via_handle ? { viaHandle: l.via_handle } : {}),
    }
    const { band } = triageTweet(triage, tweet)
    bands[band]++
    if (l.actionable) actionable++
    count(ticket, band === 'ticket', l.actionable)
    count(reached, band !== 'ignore', l.actionable)
  }
  return { decisions: labels.length, actionable, ticket: rate(ticket), ticketOrReview: rate(reached), bands }
}

export async function triageQuality(ctx: ServerContext, now: Date): Promise<TriageQuality> {
  const { since, labels } = await decisionsSince(ctx.db, now)
  const m = ctx.models.model
  const measured = measureQuality(labels, ctx.triage())
  const trainedAt = m && typeof m.training.trainedAt === 'string' ? m.training.trainedAt : null
  return {
    since: since.toISOString(),
    model: m ? { org: m.org, trainedAt, createdFrom: m.createdFrom } : null,
    ...measured,
  }
}
