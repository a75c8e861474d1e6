// Quality on the held-out corpora (tests/fixtures/heldout, heldout-b): tweets written by
// hand by people who never saw the keyword rules, and never used to tune them. These numbers
// say how the rules generalise; the floors sit below what they reach today so that a
// change that makes them worse fails loudly.
import { describe, expect, it } from 'vitest'
import { loadCorpus, scoreCorpus } from './corpus-metrics'

// Two sets by two writers (tests/fixtures/heldout, tests/fixtures/heldout-b).
const FLOORS: Record<'heldout' | 'heldout-b', Record<string, { f1: number; division: number }>> = {
  heldout: {
    mha: { f1: 0.86, division: 0.82 },
    mea: { f1: 0.85, division: 0.72 },
    railways: { f1: 0.86, division: 0.72 },
  },
  'heldout-b': {
    mha: { f1: 0.88, division: 0.74 },
    mea: { f1: 0.86, division: 0.66 },
    railways: { f1: 0.85, division: 0.66 },
  },
}

describe.each(['heldout', 'heldout-b'] as const)('held-out corpus %s', (set) => {
  for (const [org, floor] of Object.entries(FLOORS[set])) {
    it(`${org}: actionable F1 ≥ ${floor.f1}, division accuracy ≥ ${floor.division}`, () => {
      expect(loadCorpus(org, set).length).toBeGreaterThanOrEqual(150)
      const s = scoreCorpus(org, set)
      console.log(
        `[${set} ${org}] ${s.tweets} tweets: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}, ` +
          `F1 ${s.f1.toFixed(3)}, division accuracy ${s.divisionAccuracy.toFixed(3)}`,
      )
      expect(s.f1).toBeGreaterThanOrEqual(floor.f1)
      expect(s.divisionAccuracy).toBeGreaterThanOrEqual(floor.division)
    })
  }
})
