// The budget section's form: from the server's report to what is typed, and back to the
// two configuration sections it saves (sources kept, pause shares in fractions, order moved).
import { describe, expect, it } from 'vitest'
import type { BudgetReport } from '../../src/shared/budget'
import { BudgetConfig } from '../../src/shared/budget'
import { IngestionConfig } from '../../src/shared/org'
import { formFromReport, moveSource, sectionsFromForm } from '../../src/renderer/src/features/admin/budget/budget-form'

const report: BudgetReport = {
  period: '2026-12',
  currency: 'USD',
  prices: { postRead: 0.005, postCreated: 0.015, postWithUrl: 0.2 },
  monthlyBudget: 500,
  spent: { counts: { reads: 0, posts: 0, urlPosts: 0 }, reads: 0, posts: 0, urlPosts: 0, total: 0 },
  projection: { monthEnd: 0, dailyRate: 0, windowDays: 7, overBudget: false },
  perGrievance: { grievances: 0, cost: null },
  ingestion: {
    sources: { mentions: true, search: true, stream: false, followUps: true },
    monthlyPostsCap: 15_000,
    priority: ['mentions', 'follow-ups', 'stream', 'search'],
    pauseBelow: [0, 0.05, 0.1, 0.2],
  },
  editable: true,
  configVersion: 4,
}

describe('budget form', () => {
  it('shows pause shares as percentages and saves them back as the same fractions', () => {
    const form = formFromReport(report)
    expect(form.pauseBelowPercent).toEqual({ mentions: '0', 'follow-ups': '5', stream: '10', search: '20' })
    const sections = sectionsFromForm(form, report)
    if ('invalid' in sections) throw new Error(`unexpected invalid ${sections.invalid}`)
    // What the config API will validate: the org schema's own blocks.
    expect(BudgetConfig.parse(sections.budget)).toEqual({
      prices: report.prices,
      monthlyBudget: 500,
      projectionDays: 7,
    })
    expect(IngestionConfig.parse(sections.ingestion)).toEqual({
      sources: report.ingestion.sources,
      budget: { monthlyPostsCap: 15_000, priority: report.ingestion.priority, pauseBelow: [0, 0.05, 0.1, 0.2] },
    })
  })

  it('moves a source with its pause share, and stops at the ends', () => {
    const form = formFromReport(report)
    const priority = moveSource(form.priority, 'search', -1)
    expect(priority).toEqual(['mentions', 'follow-ups', 'search', 'stream'])
    expect(moveSource(priority, 'mentions', -1)).toEqual(priority)
    const sections = sectionsFromForm({ ...form, priority }, report)
    if ('invalid' in sections) throw new Error('unexpected invalid')
    expect((sections.ingestion as { budget: { pauseBelow: number[] } }).budget.pauseBelow).toEqual([0, 0.05, 0.2, 0.1])
  })

  it('names the first field that is not a number instead of saving', () => {
    const form = formFromReport(report)
    expect(sectionsFromForm({ ...form, postWithUrl: '' }, report)).toEqual({ invalid: 'postWithUrl' })
    expect(sectionsFromForm({ ...form, monthlyBudget: 'lots' }, report)).toEqual({ invalid: 'monthlyBudget' })
    expect(
      sectionsFromForm({ ...form, pauseBelowPercent: { ...form.pauseBelowPercent, stream: 'x' } }, report),
    ).toEqual({ invalid: 'pauseBelowPercent' })
  })
})
