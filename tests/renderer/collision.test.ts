// The composer's collision warning: replies that arrived since the officer started
// writing, by someone else.
import { describe, expect, it } from 'vitest'
import type { ThreadEntry } from '../../src/shared/grievance'
import { repliedSince, replyIds } from '../../src/renderer/src/features/presence/collision'
import { isolate } from '../../src/renderer/src/features/presence/isolate'

const entry = (id: string, kind: ThreadEntry['kind'], by?: string): ThreadEntry => ({
  id,
  kind,
  text: id,
  at: '2026-12-02T00:00:00.000Z',
  ...(by ? { by } : {}),
})

describe('repliedSince', () => {
  const before = [entry('t0', 'citizen', 'citizen'), entry('r1', 'reply', 'meera')]
  it('names who replied after the officer started writing, each once, not the officer nor notes', () => {
    const baseline = replyIds(before)
    const now = [
      ...before,
      entry('n1', 'note', 'ravi'),
      entry('r2', 'reply', 'me'),
      entry('r3', 'reply', 'ravi'),
      entry('t1', 'citizen', 'citizen'),
      entry('r4', 'reply', 'ravi'),
    ]
    expect(repliedSince(baseline, now, 'me')).toEqual(['ravi'])
    expect(repliedSince(baseline, before, 'me')).toEqual([])
  })
})

describe('isolate', () => {
  it('wraps a name in an isolate and drops its own bidi controls', () => {
    expect(isolate('Meera\u202E Iyer')).toBe('\u2068Meera Iyer\u2069')
  })
})
