// Critical reports are tickets: a family stranded in flood water, a medical emergency on a
// train, a woman being followed, a missing child, a fire. tests/fixtures/critical holds such
// reports per org, written by hand for this test (not from any corpus, never trained on);
// with the committed model each must land in band `ticket`, so it is allocated and
// acknowledged at once. The rules' critical cue floors the band only where the model leans
// grievance too, and never for an affiliated account or a rule an admin stopped.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { IncomingTweet } from '../../src/shared/analysis'
import { OrgConfig } from '../../src/shared/org'
import { compileOrg } from '../../src/shared/routing'
import {
  CRITICAL_TICKET_CONFIDENCE,
  parseModel,
  prepareTriage,
  toIncoming,
  triageTweet,
  type LabelledTweet,
} from '../../src/shared/triage-model'
import { ROOT } from './corpus-metrics'

const ORGS = ['mha', 'mea', 'railways'] as const
const orgConfig = (org: string) =>
  OrgConfig.parse(JSON.parse(readFileSync(join(ROOT, 'resources', 'orgs', `${org}.json`), 'utf8')))
const committedModel = (org: string) =>
  parseModel(JSON.parse(readFileSync(join(ROOT, 'resources', 'models', `${org}.model.json`), 'utf8')))
const criticalCases = (org: string): LabelledTweet[] =>
  readFileSync(join(ROOT, 'tests', 'fixtures', 'critical', `${org}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledTweet)

describe.each(ORGS)('%s: critical reports', (org) => {
  const triage = prepareTriage(compileOrg(orgConfig(org)), committedModel(org))
  const cases = criticalCases(org)

  it('are all band ticket', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8)
    // Kept apart from what the model was trained on.
    const training = new Set(
      readFileSync(join(ROOT, 'tests', 'fixtures', 'training', `${org}.jsonl`), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as LabelledTweet).text),
    )
    expect(cases.filter((t) => training.has(t.text))).toEqual([])
    const wrong: string[] = []
    let divisionRight = 0
    for (const t of cases) {
      const v = triageTweet(triage, toIncoming(t))
      if (v.band !== 'ticket') wrong.push(`${v.band} ${v.confidence.toFixed(3)}: ${t.text}`)
      if (v.division === t.label.division) divisionRight++
    }
    console.log(`[critical ${org}] ${cases.length} reports, division right ${divisionRight}/${cases.length}`)
    expect(wrong).toEqual([])
  })
})

describe('the critical floor', () => {
  const base = orgConfig('mha')
  const model = committedModel('mha')
  const report = (author = 'arjun_p'): IncomingTweet => ({
    id: 'x',
    text: '@NDMA_India we are stranded in flood water near the bridge, please send rescue',
    authorId: author,
    authorUsername: author,
    viaHandle: 'NDMA_India',
  })

  it('raises a critical report the model is unsure of from review to ticket, with the reason', () => {
    const triage = prepareTriage(compileOrg(base), model)
    const v = triageTweet(triage, report())
    expect(v.analysis.priority).toBe('critical')
    expect(v.confidence).toBeGreaterThanOrEqual(CRITICAL_TICKET_CONFIDENCE)
    expect(v.band).toBe('ticket')
    expect(v.division).toBe('disaster')
    // Whatever the band, the model's own confidence is reported unchanged.
    const strict = prepareTriage(
      compileOrg({ ...base, triage: { thresholds: { ticket: 0.999, review: 0.25 } } }),
      model,
    )
    const again = triageTweet(strict, report())
    expect(again.confidence).toBe(v.confidence)
    expect(again.band).toBe('ticket')
    expect(again.reasons.join(' ')).toMatch(/critical: safety, medical or disaster/)
  })

  it('does not lift a critical report the model finds no grievance in, nor one below the floor', () => {
    // The same report with thresholds above its confidence: only review, then ignore.
    const c = triageTweet(prepareTriage(compileOrg(base), model), report()).confidence
    const at = (ticket: number, review: number) =>
      triageTweet(prepareTriage(compileOrg({ ...base, triage: { thresholds: { ticket, review } } }), model), report())
        .band
    expect(at(0.999, Math.min(1, c + 1e-9))).toBe('ignore')
    // A critical cue alone is not a critical report: a hashtag on an opinion stays out.
    const opinion = triageTweet(prepareTriage(compileOrg(base), model), {
      ...report(),
      text: '@NDMA_India the government never learns, every year the same speeches #Flood #SaveUs',
    })
    expect(opinion.band).not.toBe('ticket')
  })

  it('never applies to an affiliated account', () => {
    const triage = prepareTriage(
      compileOrg({ ...base, affiliatedAccounts: { usernames: ['sdma_assam'], patterns: [] } }),
      model,
    )
    const v = triageTweet(triage, report('sdma_assam'))
    expect(v.band).toBe('ignore')
    expect(v.reasons.join(' ')).toMatch(/affiliated/)
  })
})
