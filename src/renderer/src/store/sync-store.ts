// Sync state and the conflicts the server handed back, as the desk reports them.
import { create } from 'zustand'
import type { Conflict, SyncState } from '../../../shared/desk-api'
import { problemFromError, type Problem } from '../i18n/problem'
import { invokeDesk } from '../lib/bridge'

interface SyncStore {
  state: SyncState | null
  conflicts: readonly Conflict[]
  /** Conflicts the officer has seen (hid the banner, or opened the grievance): the banner shrinks to a counter. */
  seen: ReadonlySet<string>
  markSeen(actionIds: readonly string[]): void
  error: Problem | null
  load(): Promise<void>
  syncNow(): Promise<void>
  setState(state: SyncState): void
  addConflict(conflict: Conflict): void
  dismiss(actionId: string): Promise<void>
  clearConflicts(): void
}

export const useSyncStore = create<SyncStore>()((set, get) => ({
  state: null,
  conflicts: [],
  seen: new Set(),
  error: null,

  markSeen(actionIds) {
    set({ seen: new Set([...get().seen, ...actionIds]) })
  },

  async load() {
    try {
      const [state, conflicts] = await Promise.all([invokeDesk('sync.state', {}), invokeDesk('conflicts.list', {})])
      set({ state, conflicts, error: null })
    } catch (error) {
      set({ error: problemFromError(error) })
    }
  },

  async syncNow() {
    try {
      set({ state: await invokeDesk('sync.now', {}), error: null })
    } catch (error) {
      set({ error: problemFromError(error) })
    }
  },

  setState(state) {
    set({ state })
  },

  addConflict(conflict) {
    // The same action can be reported again (e.g. after a restart); keep one entry.
    const others = get().conflicts.filter((c) => c.action.id !== conflict.action.id)
    set({ conflicts: [...others, conflict] })
  },

  clearConflicts() {
    set({ conflicts: [], seen: new Set() })
  },

  async dismiss(actionId) {
    try {
      set({ conflicts: await invokeDesk('conflicts.dismiss', { actionId }), error: null })
    } catch (error) {
      set({ error: problemFromError(error) })
    }
  },
}))
