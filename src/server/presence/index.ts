// Presence: who else is viewing or replying to a grievance, live, so two officers do
// not answer one citizen twice. In memory per instance, relayed between instances on
// PostgreSQL (pg-relay.ts), delivered to desks on the event stream (http/events.ts).
export { PresenceBoard, type PresenceChange, type PresenceEntry, type PresencePlace } from './board'
export { PgPresenceRelay, PRESENCE_CHANNEL } from './pg-relay'
export { registerPresenceRoutes } from './routes'
