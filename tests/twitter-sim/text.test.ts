// Entities, language guess and X's weighted length.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { detectLanguage, extractEntities, weightedLength } from '../../src/twitter-sim/text'

describe('text analysis', () => {
  it('extracts mentions, hashtags and urls with code-point indices', () => {
    const text = '😀 @HMOIndia help #पासपोर्ट https://example.in/a, thanks'
    const e = extractEntities(text)
    expect(e.mentions).toEqual([{ start: 2, end: 11, username: 'HMOIndia' }])
    expect(e.hashtags.map((h) => h.tag)).toEqual(['पासपोर्ट'])
    expect(e.urls).toEqual([expect.objectContaining({ expanded_url: 'https://example.in/a' })])
    expect(extractEntities('mail me at a@b.com').mentions).toEqual([])
  })

  it('guesses hi for Devanagari and romanised Hindi, qme for bare mentions', () => {
    const lang = (t: string): string => detectLanguage(t, extractEntities(t))
    expect(lang('@HMOIndia मेरा पासपोर्ट')).toBe('hi')
    expect(lang('@HMOIndia sir mera passport abhi tak nahi aaya hai')).toBe('hi')
    expect(lang('@HMOIndia my passport is delayed')).toBe('en')
    expect(lang('@HMOIndia @CyberDost')).toBe('qme')
  })

  it('weighs text like twitter-text: URLs 23, CJK 2, emoji 2', () => {
    expect(weightedLength('hello')).toBe(5)
    expect(weightedLength('see https://example.com/a/very/long/path/that/goes/on')).toBe(4 + 23)
    expect(weightedLength('日本語')).toBe(6)
    expect(weightedLength('नमस्ते')).toBe(6)
    expect(weightedLength('👍🏽')).toBe(2)
  })

  it('agrees with the shared twitter-text conformance cases for plain text', () => {
    const doc = parse(
      readFileSync(new URL('../../../shared/conformance/twitter-text/validate.yml', import.meta.url), 'utf8'),
    ) as {
      tests: Record<string, Array<{ description: string; text: string; expected: { weightedLength?: number } }>>
    }
    // v3 config (emoji discounted); our simple counter skips bare-domain and IDN URL rules.
    const cases = (doc.tests.WeightedTweetsWithDiscountedEmojiCounterTest ?? []).filter(
      (c) => typeof c.expected?.weightedLength === 'number' && !/url|domain|host|punycode/i.test(c.description),
    )
    expect(cases.length).toBeGreaterThan(3)
    const mismatches = cases
      .filter((c) => weightedLength(c.text) !== c.expected.weightedLength)
      .map((c) => c.description)
    expect(mismatches).toEqual([])
  })
})
