// Undo send: a reply waits for the officer's delay before it reaches the desk; Undo in
// that time takes it back unsent; a failed send stays for the officer to take back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPendingSendStore, DEFAULT_UNDO_SEND_SECONDS } from '../../src/renderer/src/store/pending-send-store'

const reply = (text: string) => ({ type: 'reply' as const, text })

let sent: { grievanceId: string; text: string }[]
let delay: number | Error
let failWith: Error | null

function makeStore() {
  return createPendingSendStore({
    delaySeconds: async () => {
      if (delay instanceof Error) throw delay
      return delay
    },
    submit: async (grievanceId, body) => {
      if (failWith) throw failWith
      sent.push({ grievanceId, text: body.text })
    },
  })
}

beforeEach(() => {
  vi.useFakeTimers()
  sent = []
  delay = 8
  failWith = null
})
afterEach(() => {
  vi.useRealTimers()
})

describe('pending sends', () => {
  it('sends a reply only when its delay has passed', async () => {
    const store = makeStore()
    expect(await store.getState().queue('g-1', reply('hello'))).toBe(true)
    expect(store.getState().pending).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(7_900)
    expect(sent).toEqual([])
    await vi.advanceTimersByTimeAsync(200)
    expect(sent).toEqual([{ grievanceId: 'g-1', text: 'hello' }])
    expect(store.getState().pending).toEqual([])
  })

  it('a double click on Send queues the reply once', async () => {
    const store = makeStore()
    const [first, second] = await Promise.all([
      store.getState().queue('g-1', reply('once')),
      store.getState().queue('g-1', reply('once')),
    ])
    expect([first, second]).toEqual([true, true])
    await vi.advanceTimersByTimeAsync(10_000)
    expect(sent).toEqual([{ grievanceId: 'g-1', text: 'once' }])
  })

  it('Undo before the delay takes the reply back unsent, with its text', async () => {
    const store = makeStore()
    await store.getState().queue('g-1', reply('wrong citizen'))
    const [item] = store.getState().pending
    await vi.advanceTimersByTimeAsync(3_000)
    expect(store.getState().undo(item!.id)?.body.text).toBe('wrong citizen')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sent).toEqual([])
    expect(store.getState().pending).toEqual([])
    // Too late (already gone): nothing to take back.
    expect(store.getState().undo(item!.id)).toBeNull()
  })

  it('keeps each pending reply on its own timer, whichever grievance is open', async () => {
    const store = makeStore()
    await store.getState().queue('g-1', reply('first'))
    await vi.advanceTimersByTimeAsync(4_000)
    await store.getState().queue('g-2', reply('second'))
    await vi.advanceTimersByTimeAsync(4_000)
    expect(sent.map((s) => s.text)).toEqual(['first'])
    await vi.advanceTimersByTimeAsync(4_000)
    expect(sent.map((s) => s.text)).toEqual(['first', 'second'])
  })

  it('with the delay off (0) the caller sends at once; an unreadable setting means the default', async () => {
    delay = 0
    const store = makeStore()
    expect(await store.getState().queue('g-1', reply('now'))).toBe(false)
    expect(store.getState().pending).toEqual([])
    delay = new Error('desk gone')
    await store.getState().queue('g-1', reply('later'))
    await vi.advanceTimersByTimeAsync(DEFAULT_UNDO_SEND_SECONDS * 1000 - 100)
    expect(sent).toEqual([])
    await vi.advanceTimersByTimeAsync(200)
    expect(sent.map((s) => s.text)).toEqual(['later'])
  })

  it('a reply the desk refuses stays, with the reason, until the officer takes it back', async () => {
    failWith = new Error("Error invoking remote method 'seva:invoke': Error: Sign in before acting on grievances.")
    const store = makeStore()
    await store.getState().queue('g-1', reply('kept'))
    await vi.advanceTimersByTimeAsync(8_000)
    expect(store.getState().pending).toMatchObject([{ error: 'Sign in before acting on grievances.' }])
    expect(store.getState().undo(store.getState().pending[0]!.id)?.body.text).toBe('kept')
  })
})
