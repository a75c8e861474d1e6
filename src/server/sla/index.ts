// The SLA capability on the server: the org's compiled policy, the record kept up to date
// on every write that moves it, the leader's pass, and the breached-items route.
export { indiaCentralHolidays, slaPolicyOf } from './policy'
export { withResponse, withSla, withSlaFrom } from './record'
export { checkSla, runSlaCheck, SLA_CHECK_INTERVAL_MS, type SlaTransition } from './check'
export { registerSlaRoutes } from './routes'
