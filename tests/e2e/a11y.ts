// Accessibility with axe-core: the violations on the page (or part of it) at or above an
// impact, in a form that reads well in a failed assertion.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

export interface A11yViolation {
  id: string
  impact: string
  help: string
  /** CSS selectors of the offending nodes (the first few). */
  targets: string[]
}

const IMPACTS = ['minor', 'moderate', 'serious', 'critical'] as const
export type Impact = (typeof IMPACTS)[number]

export async function seriousA11yViolations(
  page: Page,
  opts: { include?: string; disableRules?: string[] } = {},
): Promise<A11yViolation[]> {
  return a11yViolations(page, { ...opts, atLeast: 'serious' })
}

export async function a11yViolations(
  page: Page,
  opts: { include?: string; disableRules?: string[]; atLeast: Impact },
): Promise<A11yViolation[]> {
  const floor = IMPACTS.indexOf(opts.atLeast)
  let builder = new AxeBuilder({ page })
  if (opts.include) builder = builder.include(opts.include)
  if (opts.disableRules?.length) builder = builder.disableRules(opts.disableRules)
  const results = await builder.analyze()
  return results.violations
    .filter((v) => IMPACTS.indexOf((v.impact ?? 'critical') as Impact) >= floor)
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    }))
}
