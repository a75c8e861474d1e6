// The model registry capability: an org's triage models as versions in the database
// (store.ts), the deployed one applied live on every instance (live-model.ts, sync.ts),
// and its admin routes (routes.ts).
export { LiveModel, type DeployedModel } from './live-model'
export { ModelSync } from './sync'
export { MODEL_CHANNEL, registerFileModel } from './store'
export { registerModelRoutes } from './routes'
