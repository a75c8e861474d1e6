// The X budget in money: prices from the org's `budget` block, this month's spend, its
// projection to month end and the cost per grievance (report.ts), and its route.
export { buildBudgetReport, type BudgetReportInput } from './report'
export { registerBudgetRoutes } from './routes'
