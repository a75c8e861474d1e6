// Public face of the desk core (plain Node; never imports electron).
export { createDeskCore, normaliseServerUrl, type DeskCore, type DeskCoreOptions, type DeskLogger } from './desk-core'
export { applyActionLocally, rebasePending, LOCAL_ENTRY_PREFIX } from './apply-action'
export { FileTokenStore, MemoryTokenStore, type TokenStore } from './token-store'
export { DeskCoreError, toDeskError } from './errors'
export type { SyncTiming } from './sync-engine'
