// The renderer's mirror of the desk cache. The desk core is the source of truth; this
// store reads what the desk says changed and applies it as a delta to one mutable table
// with its indexes (features/queue/queue-index.ts), then publishes a new revision.
//
// Why it is built this way (measured at 20,000 grievances in tests/e2e/queue-scale.spec.ts):
// re-reading the whole list after every sync page (`grievances.list`: ~60 MB of JSON,
// validated, sent, parsed, then a new Map, a new array and a new search index) made the
// initial sync take minutes and starved searches and the detail pane behind it. Now:
// - a sign-in reads the ids, then the grievances in slices of LIMITS.deskGrievancesPerRead;
// - a `grievances-changed` event reads only those ids, ahead of a slice still loading;
// - reads run one at a time, so an answer is never overwritten by an older one;
// - each answer is applied to the table per grievance; what the screens see (`byId`,
//   `list`, `revision`) is published at most every `publishEveryMs()`, so a burst of pages
//   costs one array copy and one queue re-sort, not one per page.
// Whole grievance objects are still swapped, so memoised rows notice changes by identity.
import { create } from 'zustand'
import type { Grievance } from '../../../shared/grievance'
import { LIMITS } from '../../../shared/limits'
import { problemFromError, type Problem } from '../i18n/problem'
import { invokeDesk } from '../lib/bridge'
import { QueueIndex } from '../features/queue/queue-index'

interface GrievanceStore {
  /** Read-only view of the table as of `revision`. */
  byId: ReadonlyMap<string, Grievance>
  list: readonly Grievance[]
  /** The table with its filter and search indexes; read it together with `revision`. */
  queue: QueueIndex
  /** Bumped on every publish: memos over `queue` key on it. */
  revision: number
  /** The first full read after sign-in is done (earlier, rows are still arriving). */
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

/** Published at least this far apart while answers keep coming (one re-sort per frame or so). */
const PUBLISH_MIN_MS = 100
/** …and further apart for a big cache: the queue's sort grows with it (~40 ms at 100,000 here). */
const PUBLISH_MAX_MS = 1_500

export function publishEveryMs(size: number): number {
  return Math.min(PUBLISH_MAX_MS, PUBLISH_MIN_MS + Math.floor(size / 100))
}

/** A ReadonlyMap over the live table: a new object per publish, so selectors see a change. */
function mapView(index: QueueIndex): ReadonlyMap<string, Grievance> {
  const view: ReadonlyMap<string, Grievance> = {
    get size() {
      return index.size
    },
    get: (id) => index.get(id),
    has: (id) => index.has(id),
    keys: () => index.ids(),
    values: () => index.values(),
    entries: () => entriesOf(index),
    forEach(callback, thisArg?: unknown) {
      for (const g of index.values()) callback.call(thisArg, g, g.id, view)
    },
    [Symbol.iterator]: () => entriesOf(index),
  }
  return view
}

function* entriesOf(index: QueueIndex): MapIterator<[string, Grievance]> {
  for (const g of index.values()) yield [g.id, g]
}

export const useGrievanceStore = create<GrievanceStore>()((set, get) => {
  const table = new QueueIndex()
  /** Changed ids to read: events first, then the sign-in's slices. */
  let urgent = new Set<string>()
  let bulk = new Set<string>()
  let reading = false
  /** Bumped by clear() and loadAll(): answers for an older generation are dropped. */
  let generation = 0
  /** The sign-in read: `loaded` turns true once `bulk` drains for this generation. */
  let loading: number | null = null
  let publishTimer: ReturnType<typeof setTimeout> | null = null
  let lastPublish = 0

  const publishNow = () => {
    if (publishTimer !== null) clearTimeout(publishTimer)
    publishTimer = null
    lastPublish = Date.now()
    set((s) => ({ byId: mapView(table), list: Array.from(table.values()), revision: s.revision + 1 }))
  }
  const publishSoon = () => {
    if (publishTimer !== null) return
    const wait = Math.max(0, lastPublish + publishEveryMs(table.size) - Date.now())
    publishTimer = setTimeout(publishNow, wait)
  }

  /** The next slice to read: the open grievance first, then events, then the bulk load. */
  function nextSlice(): string[] {
    const slice: string[] = []
    const openId = get().openId
    if (openId !== null && (urgent.delete(openId) || bulk.delete(openId))) slice.push(openId)
    for (const from of [urgent, bulk]) {
      for (const id of from) {
        if (slice.length >= LIMITS.deskGrievancesPerRead) break
        from.delete(id)
        slice.push(id)
      }
    }
    return slice
  }

  async function readPending(): Promise<void> {
    if (reading) return
    reading = true
    const mine = generation
    try {
      while (urgent.size + bulk.size > 0 && mine === generation) {
        const ids = nextSlice()
        let got: Grievance[]
        try {
          got = await invokeDesk('grievances.get-many', { ids })
        } catch (error) {
          if (mine !== generation) return
          // Kept for the next event or sign-in to read again (not retried here: the desk
          // may be gone for a while).
          for (const id of ids) urgent.add(id)
          set({ error: problemFromError(error) })
          return
        }
        if (mine !== generation) return
        const found = new Set<string>()
        for (const g of got) {
          found.add(g.id)
          table.put(g)
        }
        // Not cached any more: out of scope now, or removed on the server.
        for (const id of ids) if (!found.has(id)) table.remove(id)
        if (loading === mine && bulk.size === 0 && urgent.size === 0) {
          loading = null
          publishNow()
          set({ loaded: true, error: null })
        } else publishSoon()
      }
    } finally {
      reading = false
      // A newer generation queued work while this one was winding down.
      if (mine !== generation && urgent.size + bulk.size > 0) void readPending()
    }
  }

  return {
    byId: mapView(table),
    list: [],
    queue: table,
    revision: 0,
    loaded: false,
    error: null,
    openId: null,
    cursorId: null,

    async loadAll() {
      const mine = ++generation
      let ids: string[]
      try {
        ids = await invokeDesk('grievances.ids', {})
      } catch (error) {
        if (mine === generation) set({ error: problemFromError(error) })
        return
      }
      if (mine !== generation) return
      const listed = new Set(ids)
      for (const id of Array.from(table.ids())) if (!listed.has(id)) table.remove(id)
      // Grievances not on screen yet first, so the queue fills before known rows are re-read.
      bulk = new Set([...ids.filter((id) => !table.has(id)), ...ids.filter((id) => table.has(id))])
      loading = mine
      if (ids.length === 0 && urgent.size === 0) {
        loading = null
        publishNow()
        set({ loaded: true, error: null })
        return
      }
      await readPending()
    },

    refresh(ids) {
      for (const id of ids) {
        bulk.delete(id)
        urgent.add(id)
      }
      void readPending()
    },

    upsert(grievance) {
      // The officer's own action shows at once (the desk's change event for it follows).
      table.put(grievance)
      publishNow()
    },

    open(id) {
      set(id === null ? { openId: null } : { openId: id, cursorId: id })
    },

    setCursor(id) {
      set({ cursorId: id })
    },

    clear() {
      generation++
      urgent = new Set()
      bulk = new Set()
      loading = null
      table.clear()
      if (publishTimer !== null) clearTimeout(publishTimer)
      publishTimer = null
      lastPublish = 0
      set((s) => ({
        byId: mapView(table),
        list: [],
        revision: s.revision + 1,
        loaded: false,
        error: null,
        openId: null,
        cursorId: null,
      }))
    },
  }
})
