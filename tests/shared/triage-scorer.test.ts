// The fast scorer (scorer.ts: weights of fixed features looked up once per model, rules'
// data packed, division rows summed only for review and ticket) must give every
// tweet exactly what the straightforward path gives (extractFeatures + seenScore +
// rankDivisions, the implementation the committed models were trained and tuned with):
// same band, confidence to the last bit, division, ranking and reasons — on every tweet
// of the corpus and the training sets, for each org's committed model.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OrgConfig } from '../../src/shared/org'
import { compileOrg } from '../../src/shared/routing'
import { parseModel, prepareTriage, toIncoming, triageTweet } from '../../src/shared/triage-model'
import { ROOT } from './corpus-metrics'

const ORGS = ['mha', 'mea', 'railways'] as const
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'))
const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))

describe('triage scorer', () => {
  for (const org of ORGS) {
    it(`gives ${org}'s corpus and training tweets the reference scorer's outcome exactly`, () => {
      const config = OrgConfig.parse(json(join(ROOT, 'resources', 'orgs', `${org}.json`)))
      const model = parseModel(json(join(ROOT, 'resources', 'models', `${org}.model.json`)))
      // Separate compiled orgs: each triage's matcher state belongs to its own run.
      const fast = prepareTriage(compileOrg(config), model)
      const reference = prepareTriage(compileOrg(config), model, { referenceScorer: true })
      const tweets = [
        ...lines(join(ROOT, 'tests', 'fixtures', 'corpus', `${org}.jsonl`)),
        ...lines(join(ROOT, 'tests', 'fixtures', 'training', `${org}.jsonl`)),
      ].map(toIncoming)
      expect(tweets.length).toBeGreaterThan(3000)
      const bands = { ticket: 0, review: 0, ignore: 0 }
      for (const t of tweets) {
        const got = triageTweet(fast, t)
        const want = triageTweet(reference, t)
        expect({ id: t.id, ...got }).toStrictEqual({ id: t.id, ...want })
        bands[got.band]++
      }
      // Every band occurs, so ranking and the early returns are both compared.
      expect(bands.ticket).toBeGreaterThan(50)
      expect(bands.review).toBeGreaterThan(50)
      expect(bands.ignore).toBeGreaterThan(50)
    })
  }
})
