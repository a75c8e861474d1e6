// The audit capability: an append-only, hash-chained log of sign-ins, configuration and
// role changes, exports, reassignments and model rollbacks (log.ts), and its admin routes.
export { audit, canonicalJson, listAudit, recordAudit, verifyAuditChain, type AuditRecord } from './log'
export { registerAuditRoutes } from './routes'
