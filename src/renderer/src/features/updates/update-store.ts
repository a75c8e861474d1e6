// The desk update the Electron desk told us about, and the officer's choice. The browser
// desk has no updater: `updates.state` answers null and no `update` event ever comes, so
// the notice never shows there.
import { create } from 'zustand'
import type { DeskEvent } from '../../../../shared/desk-api'
import type { UpdateNotice } from '../../../../shared/updates'
import { invokeDesk, onDeskEvent } from '../../lib/bridge'

/** "Defer" puts the update off this long (the desk refuses more than LIMITS.updateDeferMaxDays). */
export const DEFER_DAYS = 7

export interface UpdateDesk {
  current(): Promise<UpdateNotice | null>
  listen(listener: (event: DeskEvent) => void): () => void
  saveDeferral(until: string | null): Promise<void>
}

export interface UpdateStoreState {
  notice: UpdateNotice | null
  busy: boolean
  error: unknown
  /** Asks for the current notice and follows `update` events; returns the unsubscribe. */
  connect(): () => void
  defer(now?: number): Promise<void>
  installOnQuit(): Promise<void>
}

export function createUpdateStore(desk: UpdateDesk) {
  return create<UpdateStoreState>((set, get) => {
    const save = async (until: string | null) => {
      if (get().busy) return
      set({ busy: true, error: null })
      try {
        // The updater decides again and sends the new notice as an event.
        await desk.saveDeferral(until)
        set({ busy: false })
      } catch (error) {
        set({ busy: false, error })
      }
    }
    return {
      notice: null,
      busy: false,
      error: null,
      connect() {
        const stop = desk.listen((event) => {
          if (event.type === 'update') set({ notice: event.update })
        })
        desk.current().then(
          (notice) => set({ notice }),
          () => set({ notice: null }), // An older desk without the method: nothing to show.
        )
        return stop
      },
      defer: (now = Date.now()) => save(new Date(now + DEFER_DAYS * 86_400_000).toISOString()),
      installOnQuit: () => save(null),
    }
  })
}

export const useUpdateStore = createUpdateStore({
  current: () => invokeDesk('updates.state', {}),
  listen: onDeskEvent,
  saveDeferral: async (until) => {
    await invokeDesk('settings.set', { updateDeferUntil: until })
  },
})
