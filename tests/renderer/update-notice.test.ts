// The update notice's store: it shows what the desk says (nothing in the browser desk,
// which answers null and sends no update events), follows update events, and saves the
// officer's deferral through the desk settings.
import { describe, expect, it } from 'vitest'
import type { DeskEvent } from '../../src/shared/desk-api'
import { deskApi } from '../../src/shared/desk-api'
import type { UpdateNotice } from '../../src/shared/updates'
import { createUpdateStore, DEFER_DAYS, type UpdateDesk } from '../../src/renderer/src/features/updates/update-store'

function fakeDesk(current: UpdateNotice | null | Error) {
  const listeners = new Set<(event: DeskEvent) => void>()
  const saved: (string | null)[] = []
  const desk: UpdateDesk = {
    current: async () => {
      if (current instanceof Error) throw current
      return current
    },
    listen: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    saveDeferral: async (until) => {
      // As the desk core would: the settings contract decides what is acceptable.
      const parsed = deskApi['settings.set'].input.safeParse({ updateDeferUntil: until })
      if (!parsed.success) throw new Error(parsed.error.issues[0]!.message)
      saved.push(until)
    },
  }
  const emit = (event: DeskEvent) => listeners.forEach((l) => l(event))
  return { desk, saved, emit, listeners }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))
const ready: UpdateNotice = { version: '1.5.0', stage: 'ready', deferredUntil: null }

describe('update notice store', () => {
  it('shows nothing where the desk has no updater (the browser desk)', async () => {
    const { desk, emit } = fakeDesk(null)
    const store = createUpdateStore(desk)
    store.getState().connect()
    await tick()
    emit({
      type: 'sync',
      state: { status: 'online', pending: 0, lastSyncedAt: null, lastError: null, serverUrl: null },
    })
    expect(store.getState().notice).toBeNull()
  })

  it('shows the current notice and follows update events until disconnected', async () => {
    const { desk, emit, listeners } = fakeDesk(ready)
    const store = createUpdateStore(desk)
    const stop = store.getState().connect()
    await tick()
    expect(store.getState().notice).toEqual(ready)
    const deferred: UpdateNotice = { version: '1.5.0', stage: 'deferred', deferredUntil: '2026-12-09T10:00:00.000Z' }
    emit({ type: 'update', update: deferred })
    expect(store.getState().notice).toEqual(deferred)
    emit({ type: 'update', update: null })
    expect(store.getState().notice).toBeNull()
    stop()
    expect(listeners.size).toBe(0)
  })

  it('a desk without the method shows nothing rather than failing', async () => {
    const { desk } = fakeDesk(new Error('Unknown desk method: updates.state'))
    const store = createUpdateStore(desk)
    store.getState().connect()
    await tick()
    expect(store.getState().notice).toBeNull()
  })

  it('defers by a week (within the desk limit) and takes the deferral back', async () => {
    const { desk, saved } = fakeDesk(ready)
    const store = createUpdateStore(desk)
    const now = Date.now()
    await store.getState().defer(now)
    expect(saved).toEqual([new Date(now + DEFER_DAYS * 86_400_000).toISOString()])
    await store.getState().installOnQuit()
    expect(saved[1]).toBeNull()
    expect(store.getState().error).toBeNull()
  })

  it('keeps a refused deferral as the error to show', async () => {
    const { desk, saved } = fakeDesk(ready)
    const store = createUpdateStore(desk)
    // Far in the past "now" is fine; far in the future is past the limit.
    await store.getState().defer(Date.now() + 365 * 86_400_000)
    expect(saved).toEqual([])
    expect(store.getState().error).toBeInstanceOf(Error)
  })
})
