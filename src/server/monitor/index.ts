export { ActivityBoard } from './activity'
export { registerMonitorRoutes, type MonitorSources } from './routes'
export { DEFAULT_AWAY_AFTER_MS, monitorSnapshot, presenceOf } from './snapshot'
