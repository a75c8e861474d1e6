// Scoring the grievance intelligence against a labelled corpus (shared by the corpus
// test and anyone tuning rules): precision/recall/F1 of `actionable`, accuracy of
// `division` on the tweets both the label and the system call actionable.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { OrgConfig } from '../../src/shared/org'
import { analyseTweet, compileOrg } from '../../src/shared/routing'
import type { TweetAnalysis } from '../../src/shared/analysis'

export interface LabelledTweet {
  id: string
  text: string
  author: string
  viaHandle?: string
  label: { actionable: boolean; division: string | null }
}

export interface CorpusScore {
  org: string
  tweets: number
  precision: number
  recall: number
  f1: number
  divisionAccuracy: number
  errors: { tweet: LabelledTweet; got: TweetAnalysis }[]
}

export const ROOT = join(import.meta.dirname, '..', '..')

export function loadOrg(org: string): OrgConfig {
  return OrgConfig.parse(JSON.parse(readFileSync(join(ROOT, 'resources', 'orgs', `${org}.json`), 'utf8')))
}

/**
 * `corpus`: the development set rules were tuned on; `heldout` and `heldout-b`: written by
 * hand by people who never saw the rules (each by a different writer), never tuned on.
 */
export type CorpusSet = 'corpus' | 'heldout' | 'heldout-b'

export function loadCorpus(org: string, set: CorpusSet = 'corpus'): LabelledTweet[] {
  return readFileSync(join(ROOT, 'tests', 'fixtures', set, `${org}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledTweet)
}

export function scoreCorpus(org: string, set: CorpusSet = 'corpus'): CorpusScore {
  const compiled = compileOrg(loadOrg(org))
  const corpus = loadCorpus(org, set)
  let tp = 0
  let fp = 0
  let fn = 0
  let divisionRight = 0
  let divisionTotal = 0
  const errors: CorpusScore['errors'] = []
  for (const t of corpus) {
    const got = analyseTweet(compiled, {
      id: t.id,
      text: t.text,
      authorId: t.author,
      authorUsername: t.author,
      viaHandle: t.viaHandle,
    })
    if (got.actionable && t.label.actionable) {
      tp++
      divisionTotal++
      if (got.division === t.label.division) divisionRight++
      else errors.push({ tweet: t, got })
    } else if (got.actionable) {
      fp++
      errors.push({ tweet: t, got })
    } else if (t.label.actionable) {
      fn++
      errors.push({ tweet: t, got })
    }
  }
  const precision = tp / Math.max(1, tp + fp)
  const recall = tp / Math.max(1, tp + fn)
  return {
    org,
    tweets: corpus.length,
    precision,
    recall,
    f1: (2 * precision * recall) / Math.max(1e-9, precision + recall),
    divisionAccuracy: divisionRight / Math.max(1, divisionTotal),
    errors,
  }
}
