// The citizen scenario: reproducible with a seed, varied, realistic and within X's rules.

import { describe, expect, it } from 'vitest'
import { ScenarioEngine } from '../../src/twitter-sim/scenario/engine'
import { DEFAULT_HANDLES, SimStore } from '../../src/twitter-sim/store'
import { weightedLength } from '../../src/twitter-sim/text'

function run(seed: number, count: number): SimStore {
  let clock = Date.UTC(2026, 4, 1)
  const store = new SimStore(() => (clock += 1000))
  store.reset(DEFAULT_HANDLES)
  const engine = new ScenarioEngine(store, { seed })
  for (let i = 0; i < count; i++) engine.step()
  return store
}

describe('scenario engine', () => {
  it('is reproducible with a seed', () => {
    const a = run(42, 200).timeline.map(
      (t) => `${t.author}|${t.text}|${t.inReplyToTweetId ?? ''}|${t.retweetOfId ?? ''}`,
    )
    const b = run(42, 200).timeline.map(
      (t) => `${t.author}|${t.text}|${t.inReplyToTweetId ?? ''}|${t.retweetOfId ?? ''}`,
    )
    const c = run(43, 200).timeline.map((t) => `${t.author}|${t.text}`)
    expect(a).toEqual(b)
    expect(c).not.toEqual(a.map((line) => line.split('|').slice(0, 2).join('|')))
  })

  it('produces hundreds of distinct, valid tweets in Hindi, English and romanised Hindi', () => {
    const store = run(7, 600)
    const tweets = store.timeline
    expect(new Set(tweets.map((t) => t.text)).size).toBeGreaterThan(450)
    expect(tweets.every((t) => t.retweetOfId !== undefined || weightedLength(t.text) <= 280)).toBe(true)
    const langs = new Set(tweets.map((t) => t.lang))
    expect(langs.has('hi')).toBe(true)
    expect(langs.has('en')).toBe(true)
    expect(tweets.some((t) => /[\u0900-\u097F]/u.test(t.text))).toBe(true)
    expect(tweets.some((t) => /\b(nahi|hai|sir)\b/.test(t.text) && !/[\u0900-\u097F]/u.test(t.text))).toBe(true)
    const handles = new Set(DEFAULT_HANDLES.map((h) => h.toLowerCase()))
    // Every non-retweet mentions at least one org handle; each handle gets traffic.
    for (const handle of handles) expect(store.mentionsOf(handle).length, handle).toBeGreaterThan(10)
    expect(tweets.every((t) => /^[A-Za-z0-9_]{1,15}$/.test(t.author))).toBe(true)
  })

  it('covers the grievance kinds and the noise, with follow-ups in the same conversation', () => {
    const tweets = run(11, 600).timeline
    const has = (re: RegExp): boolean => tweets.some((t) => re.test(t.text))
    for (const re of [
      /visa|वीज़ा/i,
      /OCI/,
      /FRRO|एफआरआरओ/i,
      /police verification|पुलिस सत्यापन|PV pending/i,
      /CRPF|BSF|CISF|ITBP|SSB|Assam Rifles/,
      /UPI|यूपीआई/,
      /digital arrest|डिजिटल अरेस्ट/i,
      /flood|बाढ़|baadh/i,
      /landslide|भूस्खलन/i,
      /stalking|पीछा|pareshan/i,
      /https?:\/\//,
      /Thank you|धन्यवाद|dhanyavaad/i,
      /Shame|Sharam|शर्म/i,
    ]) {
      expect(has(re), String(re)).toBe(true)
    }
    expect(tweets.some((t) => t.retweetOfId !== undefined && t.text.startsWith('RT @'))).toBe(true)
    const followUps = tweets.filter((t) => t.inReplyToTweetId !== undefined)
    expect(followUps.length).toBeGreaterThan(20)
    expect(followUps.every((t) => t.conversationId !== t.id)).toBe(true)
    expect(tweets.some((t) => /^(@\w+\s*)+(🙏|\?\?)?$/u.test(t.text))).toBe(true) // bare mentions
  })

  it('follows up on the org reply when the org answered', () => {
    let clock = Date.UTC(2026, 4, 1)
    const store = new SimStore(() => (clock += 1000))
    store.reset(DEFAULT_HANDLES)
    const engine = new ScenarioEngine(store, { seed: 5 })
    store.onTweet((t) => {
      if (
        t.source === 'scenario' &&
        !t.inReplyToTweetId &&
        !t.retweetOfId &&
        t.mentionedUsernames.includes('hmoindia')
      ) {
        store.addTweet({ author: 'HMOIndia', text: `@${t.author} Registered.`, inReplyToTweetId: t.id, source: 'api' })
      }
    })
    for (let i = 0; i < 400; i++) engine.step()
    const orgIds = new Set(store.tweetsBy('HMOIndia').map((t) => t.id))
    expect(
      store.timeline.some(
        (t) => t.source === 'scenario' && t.inReplyToTweetId !== undefined && orgIds.has(t.inReplyToTweetId),
      ),
    ).toBe(true)
  })
})
