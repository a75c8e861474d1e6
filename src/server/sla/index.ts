// The SLA capability on the server: the org's compiled policy, the record kept up to date
// on every write that moves it, the leader's pass, the recompute after a policy change, and
// the breached-items route.
export { indiaCentralHolidays, slaPolicyOf } from './policy'
export { withResponse, withSla, withSlaFrom } from './record'
export { checkSla, runSlaCheck, SLA_CHECK_INTERVAL_MS, type SlaTransition } from './check'
export { registerSlaRoutes } from './routes'
export {
  runSlaRefresh,
  slaPolicyFingerprint,
  slaRefresher,
  SLA_REFRESH_ACTION,
  SLA_REFRESH_CHECK_MS,
  type SlaRefreshOutcome,
} from './refresh'
