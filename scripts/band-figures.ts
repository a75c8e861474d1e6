// The figures both triage scripts print for a labelled set (triage-figures.ts on the
// held-out sets in aggregate, division-dev.ts on development data): precision, recall and
// F1 of band `ticket`, recall of ticket + review, and the division accuracy of what
// reached a person. `onMisrouted` sees each actionable tweet sent to the wrong division.
import {
  toIncoming,
  triageTweet,
  type LabelledTweet,
  type Triage,
  type TriageOutcome,
} from '../src/shared/triage-model'

export interface BandFigures {
  tweets: number
  ticketP: number
  ticketR: number
  ticketF1: number
  ticketOrReviewR: number
  division: number
}

export function bandFigures(
  triage: Triage,
  tweets: LabelledTweet[],
  onMisrouted?: (tweet: LabelledTweet, verdict: TriageOutcome) => void,
): BandFigures {
  let ticketAll = 0
  let ticketTrue = 0
  let positives = 0
  let caught = 0
  let divisionRight = 0
  for (const t of tweets) {
    const v = triageTweet(triage, toIncoming(t))
    if (v.band === 'ticket') {
      ticketAll++
      if (t.label.actionable) ticketTrue++
    }
    if (!t.label.actionable) continue
    positives++
    if (v.band === 'ignore') continue
    caught++
    if (v.division === t.label.division) divisionRight++
    else onMisrouted?.(t, v)
  }
  const p = ticketTrue / Math.max(1, ticketAll)
  const r = ticketTrue / Math.max(1, positives)
  return {
    tweets: tweets.length,
    ticketP: p,
    ticketR: r,
    ticketF1: (2 * p * r) / Math.max(1e-9, p + r),
    ticketOrReviewR: caught / Math.max(1, positives),
    division: divisionRight / Math.max(1, caught),
  }
}
