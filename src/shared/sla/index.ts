// The SLA engine (issue 11): working calendar, policy and the grievance's SLA record.
export * from './calendar'
export * from './policy'
export * from './engine'
export * from './contract'
export * from './alerts'
export * from './admin'
