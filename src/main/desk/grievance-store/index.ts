// The grievance cache store (issue 13): writes cost what changed. See log-store.ts for the design.
export { LogGrievanceStore, type LogStoreOptions, type OpenReport, type StoreEvent } from './log-store'
export { QUEUE_ROW_VERSION, queueRow, type QueueRow } from './queue-row'
export type { CacheMeta, GrievanceCacheStore, StoreCounters } from './types'
export { importLegacyCache, importWholeFileCache, type LegacyImport } from './import-legacy'
