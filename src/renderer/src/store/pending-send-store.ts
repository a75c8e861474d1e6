// Undo send: a reply the officer sent waits here for a few seconds (their desk setting,
// default DEFAULT_UNDO_SEND_SECONDS) before it goes to the desk's outbox, so a reply sent
// to the wrong citizen or with a slip can be taken back. Kept outside the composer: a
// pending reply survives switching grievances and is sent when its own timer fires.
import { create, type StoreApi, type UseBoundStore } from 'zustand'
import type { ActionBody } from '../../../shared/protocol'
import { describeError, invokeDesk } from '../lib/bridge'
import { useGrievanceStore } from './grievance-store'

export const DEFAULT_UNDO_SEND_SECONDS = 8

type ReplyBody = Extract<ActionBody, { type: 'reply' }>

export interface PendingSend {
  id: number
  grievanceId: string
  body: ReplyBody
  /** When it goes to the outbox (ms since the epoch). */
  dueAt: number
  /** Set when the desk refused it: it waits for the officer to take it back. */
  error?: string
}

export interface PendingSendDeps {
  /** The officer's delay in seconds (0 = send at once). */
  delaySeconds(): Promise<number>
  submit(grievanceId: string, body: ReplyBody): Promise<void>
  now?: () => number
}

export interface PendingSendState {
  pending: PendingSend[]
  /** Holds the reply for the delay; false when the delay is off (the caller sends it at once). */
  queue(grievanceId: string, body: ReplyBody): Promise<boolean>
  /** Takes the reply back before it is sent; answers it (for the composer) or null if too late. */
  undo(id: number): PendingSend | null
  /** Sends it now (the timer fired). */
  fire(id: number): Promise<void>
}

export function createPendingSendStore(deps: PendingSendDeps): UseBoundStore<StoreApi<PendingSendState>> {
  const timers = new Map<number, ReturnType<typeof setTimeout>>()
  const queueing = new Set<string>()
  const now = deps.now ?? Date.now
  let nextId = 1
  const store = create<PendingSendState>((set, get) => ({
    pending: [],
    async queue(grievanceId, body) {
      // A second Send while the first is still reading the setting (a double click) is the same reply.
      const key = `${grievanceId}\n${body.text}`
      if (queueing.has(key)) return true
      queueing.add(key)
      let seconds: number
      try {
        seconds = await deps.delaySeconds()
      } catch {
        seconds = DEFAULT_UNDO_SEND_SECONDS
      } finally {
        queueing.delete(key)
      }
      if (seconds <= 0) return false
      const item: PendingSend = { id: nextId++, grievanceId, body, dueAt: now() + seconds * 1000 }
      set((s) => ({ pending: [...s.pending, item] }))
      timers.set(
        item.id,
        setTimeout(() => void get().fire(item.id), seconds * 1000),
      )
      return true
    },
    undo(id) {
      const item = get().pending.find((p) => p.id === id)
      if (!item) return null
      clearTimeout(timers.get(id))
      timers.delete(id)
      set((s) => ({ pending: s.pending.filter((p) => p.id !== id) }))
      return item
    },
    async fire(id) {
      timers.delete(id)
      const item = get().pending.find((p) => p.id === id)
      if (!item || item.error) return
      try {
        await deps.submit(item.grievanceId, item.body)
        set((s) => ({ pending: s.pending.filter((p) => p.id !== id) }))
      } catch (error) {
        const message = describeError(error)
        set((s) => ({ pending: s.pending.map((p) => (p.id === id ? { ...p, error: message } : p)) }))
      }
    },
  }))
  return store
}

export const usePendingSends = createPendingSendStore({
  async delaySeconds() {
    const { undoSendSeconds } = await invokeDesk('settings.get', {})
    return undoSendSeconds ?? DEFAULT_UNDO_SEND_SECONDS
  },
  async submit(grievanceId, body) {
    const { grievance } = await invokeDesk('actions.submit', { grievanceId, body })
    useGrievanceStore.getState().upsert(grievance)
  },
})
