// Training with calibration folds (`seva model train --folds K`): K fold models over the
// train and calibration slices, Platt scaling and thresholds on their out-of-fold scores,
// the model their mean. The default (folds 1) is pinned byte for byte by triage-model.test.ts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseLabelled } from '../../src/cli/model'
import { OrgConfig } from '../../src/shared/org'
import { compileOrg } from '../../src/shared/routing'
import { serialiseModel, splitOf, trainTriageModel } from '../../src/shared/triage-model'
import { foldOf } from '../../src/shared/triage-model/calibrate'
import { ROOT } from './corpus-metrics'

const org = OrgConfig.parse(JSON.parse(readFileSync(join(ROOT, 'resources', 'orgs', 'mha.json'), 'utf8')))
const { tweets } = parseLabelled(readFileSync(join(ROOT, 'tests', 'fixtures', 'training', 'mha.jsonl'), 'utf8'))
const train = (folds?: number) => trainTriageModel(compileOrg(org), tweets, { createdFrom: 'folds-test', folds })

describe('calibration folds', () => {
  it('cuts train + calibration into folds by id, each holding a fair share', () => {
    const pool = tweets.filter((t) => splitOf(t.id) !== 'validation')
    const sizes = [0, 0, 0, 0, 0]
    for (const t of pool) sizes[foldOf(t.id, 5)]++
    for (const n of sizes) {
      expect(n).toBeGreaterThan(pool.length * 0.15)
      expect(n).toBeLessThan(pool.length * 0.25)
    }
    // The fold is the id's, not the text's or the seed's.
    expect(foldOf(pool[0].id, 5)).toBe(foldOf(pool[0].id, 5))
  })

  // Three trainings, one of five fold models (≈ 2 s of CPU each): a budget for a loaded
  // shared machine, not a timing assertion.
  it('calibrates on every pooled tweet out of fold, deterministically, and keeps the ticket band precise', () => {
    const one = train()
    const five = train(5)
    expect(serialiseModel(train(5).model)).toBe(serialiseModel(five.model))
    expect(five.report.folds).toBe(5)
    expect(five.model.training.calibrationFolds).toBe(5)
    expect(one.model.training.calibrationFolds).toBeUndefined()
    // Calibrated on the two slices' tweets (noisy copies aside), not the calibration slice alone.
    expect(five.report.calibration).toBeGreaterThan(4 * one.report.calibration)
    expect(five.report.train).toBeGreaterThan(one.report.train)
    // The same validation slice, never fitted on, measures both.
    expect(five.report.validation).toBe(one.report.validation)
    expect(five.report.validationFigures.ticketPrecision).toBeGreaterThanOrEqual(0.95)
    expect(five.report.validationFigures.ticketOrReviewRecall).toBeGreaterThanOrEqual(0.95)
  }, 300_000)

  it('refuses a fold count that is not a whole number from 1 to 10', () => {
    for (const folds of [0, 1.5, 11]) expect(() => train(folds)).toThrow(/folds must be a whole number/)
  })
})
