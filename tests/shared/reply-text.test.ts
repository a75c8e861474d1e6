// The reply as posted: the composer counts and the server posts these same posts.
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../src/shared/limits'
import {
  MAX_TWEET_WEIGHT,
  replyAsPosted,
  replyPostsProblem,
  replyText,
  splitIntoThread,
  weightedLength,
} from '../../src/shared/text'

const values = { ticket: 'MHA-26-000123', name: 'ravi_k', division: 'Cyber Crime (I4C)' }
const REF = '(Ref: MHA-26-000123)'

describe('replyAsPosted', () => {
  it('fills placeholders and adds the ticket reference when the text has none', () => {
    expect(replyAsPosted('  @{name} your case is with {division}.  ', values)).toEqual([
      `@ravi_k your case is with Cyber Crime (I4C). ${REF}`,
    ])
    expect(replyAsPosted('Ticket {ticket} is being handled.', values)).toEqual([
      'Ticket MHA-26-000123 is being handled.',
    ])
    expect(replyText('Done.', values)).toBe(`Done. ${REF}`)
    expect(replyAsPosted('   ', values)).toEqual([])
  })

  it('never posts the reference on its own: a 272-character reply is one thread with the ref on a real part', () => {
    const text = 'Your complaint has been examined and sent onward. '.repeat(6).slice(0, 272).trim()
    expect(weightedLength(text)).toBeLessThanOrEqual(272)
    const posts = replyAsPosted(text, values)
    expect(posts.length).toBe(2)
    for (const [i, post] of posts.entries()) {
      expect(post.startsWith(`${i + 1}/2 `)).toBe(true)
      expect(weightedLength(post)).toBeLessThanOrEqual(MAX_TWEET_WEIGHT)
      // Every part carries some of the officer's words, not only the numbering and the ref.
      expect(
        post
          .replace(/^\d+\/\d+ /, '')
          .replace(REF, '')
          .trim().length,
      ).toBeGreaterThan(0)
    }
    expect(posts[1]!.endsWith(REF)).toBe(true)
    expect(posts.filter((p) => p.includes(REF))).toHaveLength(1)
  })

  it('keeps the reference whole after a last word too long for one post', () => {
    const posts = replyAsPosted(`Note ${'x'.repeat(300)}`, values)
    expect(posts.at(-1)!.endsWith(REF)).toBe(true)
    for (const post of posts) expect(weightedLength(post)).toBeLessThanOrEqual(MAX_TWEET_WEIGHT)
    const words = posts.map((p) => p.replace(/^\d+\/\d+ /, '').replace(REF, '')).join('')
    expect(words.replace(/\s+/g, '')).toBe(`Note${'x'.repeat(300)}`)
  })

  it('moves the last word to the part that carries the reference', () => {
    const text = 'a'.repeat(200) + ' ' + 'b'.repeat(72)
    expect(replyAsPosted(text, values)).toEqual([`1/2 ${'a'.repeat(200)}`, `2/2 ${'b'.repeat(72)} ${REF}`])
    // The splitter alone with a tail does the same; without one nothing is added.
    expect(splitIntoThread(text, { tail: REF }).at(-1)).toBe(`2/2 ${'b'.repeat(72)} ${REF}`)
    expect(splitIntoThread(text)).toEqual([text])
  })
})

describe('replyPostsProblem', () => {
  it('accepts up to the thread limit and explains anything longer', () => {
    const sentence = 'The division has examined your application and will write again. '
    const fits = replyAsPosted(sentence.repeat(8), values)
    expect(fits.length).toBeGreaterThan(1)
    expect(fits.length).toBeLessThanOrEqual(LIMITS.replyMaxPosts)
    expect(replyPostsProblem(fits)).toBeNull()
    const tooMany = replyAsPosted(sentence.repeat(20), values)
    expect(tooMany.length).toBeGreaterThan(LIMITS.replyMaxPosts)
    expect(replyPostsProblem(tooMany)).toMatch(new RegExp(`at most ${LIMITS.replyMaxPosts}`))
    expect(replyPostsProblem([])).toMatch(/empty/)
  })
})
