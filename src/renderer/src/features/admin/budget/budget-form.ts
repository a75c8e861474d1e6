// The budget section's form: the figures as typed (strings, so a half-typed "0." is kept)
// and the configuration sections they become when saved. Pure, for the unit test.
import type { BudgetReport } from '../../../../../shared/budget'

export interface BudgetForm {
  postRead: string
  postCreated: string
  postWithUrl: string
  monthlyBudget: string
  monthlyPostsCap: string
  /** Source names, most important first. */
  priority: string[]
  /** Percent of the read budget left below which each source (by name) pauses. */
  pauseBelowPercent: Record<string, string>
}

export function formFromReport(report: BudgetReport): BudgetForm {
  const pause: Record<string, string> = {}
  report.ingestion.priority.forEach((name, i) => {
    pause[name] = String(Math.round((report.ingestion.pauseBelow[i] ?? 0) * 1000) / 10)
  })
  return {
    postRead: String(report.prices.postRead),
    postCreated: String(report.prices.postCreated),
    postWithUrl: String(report.prices.postWithUrl),
    monthlyBudget: String(report.monthlyBudget),
    monthlyPostsCap: String(report.ingestion.monthlyPostsCap),
    priority: [...report.ingestion.priority],
    pauseBelowPercent: pause,
  }
}

/** Moves a source one place up (-1) or down (+1) in the priority order. */
export function moveSource(priority: readonly string[], name: string, by: -1 | 1): string[] {
  const from = priority.indexOf(name)
  const to = from + by
  if (from < 0 || to < 0 || to >= priority.length) return [...priority]
  const next = [...priority]
  next[from] = priority[to]!
  next[to] = name
  return next
}

const number = (text: string): number => (text.trim() === '' ? NaN : Number(text))

/**
 * The `budget` and `ingestion` sections to save, or the name of the first field that is not
 * a number (the server checks ranges and answers with the reason).
 */
export function sectionsFromForm(
  form: BudgetForm,
  report: BudgetReport,
): { budget: unknown; ingestion: unknown } | { invalid: keyof BudgetForm } {
  const fields = ['postRead', 'postCreated', 'postWithUrl', 'monthlyBudget', 'monthlyPostsCap'] as const
  for (const field of fields) if (!Number.isFinite(number(form[field]))) return { invalid: field }
  const pauseBelow = form.priority.map((name) => number(form.pauseBelowPercent[name] ?? '') / 100)
  if (pauseBelow.some((p) => !Number.isFinite(p))) return { invalid: 'pauseBelowPercent' }
  return {
    budget: {
      prices: {
        postRead: number(form.postRead),
        postCreated: number(form.postCreated),
        postWithUrl: number(form.postWithUrl),
      },
      monthlyBudget: number(form.monthlyBudget),
      projectionDays: report.projection.windowDays,
    },
    ingestion: {
      sources: report.ingestion.sources,
      budget: { monthlyPostsCap: number(form.monthlyPostsCap), priority: form.priority, pauseBelow },
    },
  }
}
