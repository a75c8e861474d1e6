// The query matcher shared by search/recent and filtered-stream rules.

import { describe, expect, it } from 'vitest'
import { matchesQuery, parseQuery, QueryError } from '../../src/twitter-sim/query'
import { SimStore } from '../../src/twitter-sim/store'

const store = new SimStore(() => Date.UTC(2026, 0, 10))
store.reset(['HMOIndia', 'CyberDost'])
const root = store.addTweet({
  author: 'rahul_sharma',
  text: '@HMOIndia My e-Visa is pending for 40 days. #Help',
  source: 'inject',
})
const reply = store.addTweet({
  author: 'HMOIndia',
  text: '@rahul_sharma Please share your ARN by DM.',
  inReplyToTweetId: root.id,
  source: 'inject',
})
const hindi = store.addTweet({
  author: 'priya_verma',
  text: '@CyberDost मेरे साथ यूपीआई ठगी हुई, कृपया मदद करें',
  source: 'inject',
})
const retweet = store.addTweet({ author: 'amit99', text: '', retweetOf: root.id, source: 'inject' })
const promo = store.addTweet({
  author: 'visa_agent',
  text: 'Fast visa service! https://bit.ly/abc @HMOIndia',
  source: 'inject',
})
const all = [root, reply, hindi, retweet, promo]

function matching(query: string): string[] {
  const node = parseQuery(query)
  return all.filter((t) => matchesQuery(node, t, store)).map((t) => t.id)
}

describe('query matcher', () => {
  it('bare terms are ANDed, tokenized and case-insensitive', () => {
    expect(matching('visa pending')).toEqual([root.id, retweet.id])
    expect(matching('VISA')).toEqual([root.id, retweet.id, promo.id])
    expect(matching('visas')).toEqual([])
    expect(matching('help')).toEqual([root.id, retweet.id]) // matches the hashtag text too
  })

  it('quoted phrases need the words in order', () => {
    expect(matching('"pending for 40 days"')).toEqual([root.id, retweet.id])
    expect(matching('"days pending"')).toEqual([])
    expect(matching('"यूपीआई ठगी"')).toEqual([hindi.id])
  })

  it('OR, parentheses and AND precedence', () => {
    expect(matching('ठगी OR ARN')).toEqual([reply.id, hindi.id])
    expect(matching('(visa OR ठगी) -is:retweet')).toEqual([root.id, hindi.id, promo.id])
    // AND binds tighter than OR: "fast visa OR ठगी" = (fast AND visa) OR ठगी
    expect(matching('fast visa OR ठगी')).toEqual([hindi.id, promo.id])
  })

  it('negation, is:, has:, lang:', () => {
    expect(matching('@HMOIndia -is:retweet')).toEqual([root.id, promo.id])
    expect(matching('@HMOIndia is:retweet')).toEqual([retweet.id])
    expect(matching('from:HMOIndia is:reply')).toEqual([reply.id])
    expect(matching('@HMOIndia has:links')).toEqual([promo.id])
    expect(matching('@CyberDost lang:hi')).toEqual([hindi.id])
    expect(matching('@HMOIndia -visa')).toEqual([])
  })

  it('@mention, #hashtag, from:, to:, conversation_id:', () => {
    expect(matching('@cyberdost')).toEqual([hindi.id])
    expect(matching('#help')).toEqual([root.id, retweet.id])
    expect(matching('from:priya_verma')).toEqual([hindi.id])
    expect(matching('to:rahul_sharma')).toEqual([reply.id])
    expect(matching(`conversation_id:${root.id}`)).toEqual([root.id, reply.id, retweet.id])
  })

  it('rejects invalid queries with a reason', () => {
    const bad = [
      '',
      '   ',
      '(visa',
      'visa)',
      '"open phrase',
      'visa OR',
      'OR visa',
      'is:retweet',
      '-visa',
      'lang:hi -is:reply',
      'foo:bar visa',
      'is:banana visa',
      '-(visa OR oci)',
      '()',
      'visa - ',
      'x'.repeat(600),
    ]
    for (const query of bad) expect(() => parseQuery(query), query).toThrow(QueryError)
  })
})
