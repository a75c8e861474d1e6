// Honest quality numbers on the labelled development corpus (tests/fixtures/corpus).
// Floors sit a little below what the rules reach today, so a regression fails loudly.
import { describe, expect, it } from 'vitest'
import { loadCorpus, scoreCorpus } from './corpus-metrics'

const FLOORS: Record<string, { f1: number; division: number }> = {
  mha: { f1: 0.95, division: 0.9 },
  mea: { f1: 0.95, division: 0.9 },
  railways: { f1: 0.92, division: 0.9 },
}

describe('labelled corpus', () => {
  for (const [org, floor] of Object.entries(FLOORS)) {
    it(`${org}: actionable F1 ≥ ${floor.f1}, division accuracy ≥ ${floor.division}`, () => {
      const corpus = loadCorpus(org)
      expect(corpus.length).toBeGreaterThanOrEqual(400)
      const s = scoreCorpus(org)
      console.log(
        `[corpus ${org}] ${s.tweets} tweets: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}, ` +
          `F1 ${s.f1.toFixed(3)}, division accuracy ${s.divisionAccuracy.toFixed(3)}`,
      )
      expect(s.f1).toBeGreaterThanOrEqual(floor.f1)
      expect(s.divisionAccuracy).toBeGreaterThanOrEqual(floor.division)
    })
  }
})
