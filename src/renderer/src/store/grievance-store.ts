// The renderer's mirror of the desk cache. The desk core is the source of truth; this
// store re-reads what the desk says changed and swaps whole grievance objects, so
// memoised filters and rows notice changes by identity.
import { create } from 'zustand'
import type { Grievance } from '../../../shared/grievance'
import { problemFromError, type Problem } from '../i18n/problem'
import { invokeDesk } from '../lib/bridge'
import { fillSearchIndex, updateSearchIndex, type SearchIndex } from '../features/queue/search-index'

/** Past this many changed ids one `grievances.list` is cheaper than many `get`s. */
const RELIST_ABOVE = 40
/** Bursts of change events (a sync page) are folded into one refresh. */
const COALESCE_MS = 120

interface GrievanceStore {
  byId: ReadonlyMap<string, Grievance>
  list: readonly Grievance[]
  /** id → folded search text, rebuilt only for grievances that changed. */
  searchIndex: SearchIndex
  loaded: boolean
  error: Problem | null
  /** The grievance shown in the detail pane. */
  openId: string | null
  /** The keyboard cursor in the queue. */
  cursorId: string | null
  loadAll(): Promise<void>
  refresh(ids: readonly string[]): void
  upsert(grievance: Grievance): void
  open(id: string | null): void
  setCursor(id: string | null): void
  clear(): void
}

let listGeneration = 0
let pendingIds = new Set<string>()
let pendingTimer: ReturnType<typeof setTimeout> | null = null
/** How long the last full list took: during an initial sync of thousands, pages arrive
 * faster than the queue can be re-listed, so refreshes wait at least twice that long (the
 * desk spends at most a third of its time re-listing) instead of piling up. */
let lastListMs = 0
let listing = false
const MAX_COALESCE_MS = 3_000

function coalesceMs(): number {
  return Math.min(MAX_COALESCE_MS, Math.max(COALESCE_MS, 2 * lastListMs))
}

export const useGrievanceStore = create<GrievanceStore>()((set, get) => {
  const replace = (byId: Map<string, Grievance>) => {
    const before = get()
    const { index, pending } = updateSearchIndex(before.byId, before.searchIndex, byId)
    set({ byId, list: Array.from(byId.values()), searchIndex: index })
    if (pending.length > 0) foldLater(index, byId, pending)
  }
  // A big load is folded slice by slice between tasks; a newer replace takes over.
  const foldLater = (index: Map<string, string>, byId: ReadonlyMap<string, Grievance>, pending: string[]) => {
    setTimeout(() => {
      if (get().searchIndex !== index) return
      const rest = fillSearchIndex(index, byId, pending)
      if (rest.length > 0) foldLater(index, byId, rest)
    }, 0)
  }

  async function flushRefresh(): Promise<void> {
    pendingTimer = null
    // A full list is still on its way: its answer may already hold these; look again after.
    if (listing) {
      pendingTimer = setTimeout(() => void flushRefresh(), coalesceMs())
      return
    }
    const ids = Array.from(pendingIds)
    pendingIds = new Set()
    if (ids.length > RELIST_ABOVE || !get().loaded) return get().loadAll()
    const generation = listGeneration
    try {
      const fetched = await Promise.all(ids.map((id) => invokeDesk('grievances.get', { id })))
      // A full list that started after us already holds fresher data.
      if (generation !== listGeneration) return
      const byId = new Map(get().byId)
      ids.forEach((id, i) => {
        const grievance = fetched[i]
        if (grievance) byId.set(id, grievance)
        else byId.delete(id) // out of scope now, or removed on the server
      })
      replace(byId)
    } catch (error) {
      set({ error: problemFromError(error) })
    }
  }

  return {
    byId: new Map(),
    list: [],
    searchIndex: new Map(),
    loaded: false,
    error: null,
    openId: null,
    cursorId: null,

    async loadAll() {
      const generation = ++listGeneration
      const started = Date.now()
      listing = true
      try {
        const grievances = await invokeDesk('grievances.list', {})
        if (generation !== listGeneration) return
        replace(new Map(grievances.map((g) => [g.id, g])))
        set({ loaded: true, error: null })
      } catch (error) {
        if (generation === listGeneration) set({ error: problemFromError(error) })
      } finally {
        listing = false
        lastListMs = Date.now() - started
      }
    },

    refresh(ids) {
      for (const id of ids) pendingIds.add(id)
      if (pendingTimer === null) pendingTimer = setTimeout(() => void flushRefresh(), coalesceMs())
    },

    upsert(grievance) {
      const byId = new Map(get().byId)
      byId.set(grievance.id, grievance)
      replace(byId)
    },

    open(id) {
      set(id === null ? { openId: null } : { openId: id, cursorId: id })
    },

    setCursor(id) {
      set({ cursorId: id })
    },

    clear() {
      listGeneration++
      pendingIds = new Set()
      if (pendingTimer !== null) clearTimeout(pendingTimer)
      pendingTimer = null
      lastListMs = 0
      set({
        byId: new Map(),
        list: [],
        searchIndex: new Map(),
        loaded: false,
        error: null,
        openId: null,
        cursorId: null,
      })
    },
  }
})
