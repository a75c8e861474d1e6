// The configuration capability: the organisation as versions in the database (store.ts),
// applied live on every instance (live-org.ts, sync.ts), its admin routes and the keyword
// rules preview (routes.ts, preview.ts).
export { LiveOrg, liveTriage, primaryHandleOf, rulesOnlyOrg, snapshotOf, type OrgSnapshot } from './live-org'
export { ConfigSync, CONFIG_CHECK_MS } from './sync'
export { CONFIG_CHANNEL, latestConfig, seedConfig } from './store'
export { registerConfigRoutes } from './routes'
export { validOrg } from './validate'
