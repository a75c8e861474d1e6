// `seva rules test`: the rules report (src/shared/routing/rules-report.ts) as text.
import type { RulesReport } from '../shared/routing'

export { rulesReport, type RuleStats, type RulesReport } from '../shared/routing'

export function formatRulesReport(report: RulesReport): string[] {
  const lines = [`${report.tweets} tweets; rules matching more than ${report.floodPercent}% are flagged FLOOD`]
  for (const r of report.rules) {
    const flag = r.flooding ? '  FLOOD: too broad, would swamp the queue' : r.matches === 0 ? '  (no matches)' : ''
    lines.push(
      `${r.id} → ${r.division}: ${r.matches} tweets (${r.percent.toFixed(1)}%), ${r.actionable} actionable${flag}`,
    )
    for (const ex of r.examples) lines.push(`    e.g. ${ex}`)
  }
  lines.push(`actionable tweets no rule matched (go to the default division): ${report.unmatchedActionable}`)
  const flooding = report.rules.filter((r) => r.flooding).map((r) => r.id)
  if (flooding.length > 0) lines.push(`WARNING: ${flooding.length} rule(s) too broad: ${flooding.join(', ')}`)
  return lines
}
