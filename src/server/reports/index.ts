// The reports capability: a facts table kept in step with every grievance write (facts.ts),
// the summary over it (summary.ts), the CSV and XLSX exports (export.ts) and their routes.
export { recordGrievanceFacts, firstResponseAt } from './facts'
export { registerReportsRoutes } from './routes'
export { reportSummary } from './summary'
export { reportSelection } from './query'
