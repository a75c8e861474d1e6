// The posting window shared between people and acknowledgements: acknowledgements stop
// while only the people's share is left, and a waiting reply's estimate follows its place.
import { describe, expect, it } from 'vitest'
import { PostingWindow, POST_ENDPOINT } from '../../src/server/replies/posting-window'
import { RateLimitPacer } from '../../src/server/x/rate-limits'

const NOW = 1_800_000_000_000

function windowWith(remaining: number, limit = 200, resetInMs = 600_000): PostingWindow {
  const pacer = new RateLimitPacer({ now: () => NOW })
  pacer.observe(POST_ENDPOINT, { limit, remaining, reset: (NOW + resetInMs) / 1000 })
  return new PostingWindow(pacer, 0.25, () => NOW)
}

describe('posting window', () => {
  it('lets acknowledgements post only while more than the people’s share is left', () => {
    expect(new PostingWindow(undefined).automaticAllowed()).toBe(true)
    expect(windowWith(51).automaticAllowed()).toBe(true)
    expect(windowWith(50).automaticAllowed()).toBe(false)
    expect(windowWith(0).automaticResumeAt()).toBe(NOW + 600_000)
    // A window that has reset is unknown again: acknowledgements may go.
    expect(windowWith(0, 200, -1).automaticAllowed()).toBe(true)
  })

  it('estimates a waiting reply from its place, what is left and the reset', () => {
    const w = windowWith(3)
    expect(w.estimate(1, 0)).toBe(NOW)
    expect(w.estimate(3, 0)).toBe(NOW)
    expect(w.estimate(4, 0)).toBe(NOW + 600_000)
    expect(w.estimate(203, 0)).toBe(NOW + 600_000)
    expect(w.estimate(204, 0)).toBe(NOW + 600_000 + 15 * 60_000)
    // Not before a 429's pause.
    expect(windowWith(3).estimate(1, NOW + 5_000)).toBe(NOW + 5_000)
  })
})
