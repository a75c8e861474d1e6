// The desk's presence reporting: said at once, repeated while it lasts, stopped by
// "left" and by the end of the session; a failed post (offline) is no error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DeskPresence } from '../../src/main/desk/presence'
import type { ServerClient } from '../../src/main/desk/server-client'
import type { PresenceList } from '../../src/shared/protocol'

let posts: [string, string][]
let offline: boolean
let heard: PresenceList[]

function makePresence(): DeskPresence {
  const client = {
    presence: async (grievanceId: string, state: string) => {
      posts.push([grievanceId, state])
      if (offline) throw new Error('Cannot reach the server')
      return { grievanceId, users: [] }
    },
  } as unknown as ServerClient
  return new DeskPresence(client, (list) => heard.push(list), 10_000)
}

beforeEach(() => {
  vi.useFakeTimers()
  posts = []
  heard = []
  offline = false
})
afterEach(() => vi.useRealTimers())

describe('DeskPresence', () => {
  it('posts on change and every refresh while there; left ends the refreshes', async () => {
    const presence = makePresence()
    presence.set('g-1', 'viewing')
    await vi.advanceTimersByTimeAsync(0)
    expect(posts).toEqual([['g-1', 'viewing']])
    expect(heard).toEqual([{ grievanceId: 'g-1', users: [] }])
    presence.set('g-1', 'replying')
    await vi.advanceTimersByTimeAsync(25_000)
    expect(posts).toEqual([
      ['g-1', 'viewing'],
      ['g-1', 'replying'],
      ['g-1', 'replying'],
      ['g-1', 'replying'],
    ])
    presence.set('g-1', 'left')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(posts.at(-1)).toEqual(['g-1', 'left'])
    expect(posts).toHaveLength(5)
  })

  it('ignores a late "left" for a grievance already switched away from, and is quiet offline and after stop', async () => {
    const presence = makePresence()
    presence.set('g-2', 'viewing')
    presence.set('g-1', 'left')
    offline = true
    await vi.advanceTimersByTimeAsync(10_000)
    expect(posts).toEqual([
      ['g-2', 'viewing'],
      ['g-2', 'viewing'],
    ])
    presence.stop()
    presence.set('g-3', 'viewing')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(posts).toHaveLength(2)
  })
})
