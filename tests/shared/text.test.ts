import { describe, expect, it } from 'vitest'
import {
  findPii,
  piiMessage,
  splitIntoThread,
  verhoeffValid,
  weightedLength,
  MAX_TWEET_WEIGHT,
  fitsInTweet,
} from '../../src/shared/text'

/** Append the Verhoeff check digit, so tests build valid Aadhaar-like numbers. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (verhoeffValid(body + d)) return body + d
  throw new Error('no check digit')
}

describe('weighted length', () => {
  it('counts Latin and Devanagari as 1, CJK and emoji as 2, URLs as 23', () => {
    expect(weightedLength('hello')).toBe(5)
    expect(weightedLength('नमस्ते')).toBe(6)
    expect(weightedLength('故人')).toBe(4)
    expect(weightedLength('🙏')).toBe(2)
    expect(weightedLength('see https://example.com/a/very/long/path/that/is/long')).toBe(4 + 23)
  })
  it('knows the 280 limit', () => {
    expect(MAX_TWEET_WEIGHT).toBe(280)
    expect(fitsInTweet('x'.repeat(280))).toBe(true)
    expect(fitsInTweet('x'.repeat(281))).toBe(false)
    expect(fitsInTweet('   ')).toBe(false)
  })
})

describe('thread split', () => {
  it('keeps a short reply whole', () => {
    expect(splitIntoThread('Your ticket is MHA-26-000123.')).toEqual(['Your ticket is MHA-26-000123.'])
  })
  it('numbers parts that each fit, and loses no words', () => {
    const text = Array.from({ length: 90 }, (_, i) => `शब्द${i} word${i}.`).join(' ')
    const parts = splitIntoThread(text)
    expect(parts.length).toBeGreaterThan(1)
    parts.forEach((p, i) => {
      expect(p.startsWith(`${i + 1}/${parts.length} `)).toBe(true)
      expect(weightedLength(p)).toBeLessThanOrEqual(MAX_TWEET_WEIGHT)
    })
    const rejoined = parts.map((p) => p.replace(/^\d+\/\d+ /, '')).join(' ')
    expect(rejoined.split(/\s+/)).toEqual(text.split(/\s+/))
  })
  it('cuts a word longer than a post and honours a custom max', () => {
    const parts = splitIntoThread('a'.repeat(100), { max: 40 })
    for (const p of parts) expect(weightedLength(p)).toBeLessThanOrEqual(40)
    expect(parts.map((p) => p.replace(/^\d+\/\d+ /, '')).join('')).toBe('a'.repeat(100))
  })
})

describe('PII guard', () => {
  const aadhaar = withCheckDigit('23456789012')
  it('finds an Aadhaar in 4-4-4 (space, hyphen, dot) or solid form, Verhoeff-valid or not', () => {
    const spaced = `${aadhaar.slice(0, 4)} ${aadhaar.slice(4, 8)} ${aadhaar.slice(8)}`
    expect(findPii(`my aadhaar ${spaced}`).map((f) => f.kind)).toEqual(['aadhaar'])
    expect(findPii(`aadhaar ${aadhaar}`).map((f) => f.kind)).toEqual(['aadhaar'])
    // A mistyped Aadhaar (check digit wrong) is still the citizen's Aadhaar.
    expect(verhoeffValid('234567890123')).toBe(false)
    for (const shaped of ['2345 6789 0123', '2345-6789-0123', '2345.6789.0123', '234567890123']) {
      const found = findPii(`my number is ${shaped}.`)
      expect(found.map((f) => [f.kind, f.match])).toEqual([['aadhaar', shaped]])
    }
    // First digit 0 or 1 is never an Aadhaar.
    const leadingOne = withCheckDigit('13456789012')
    expect(findPii(leadingOne).filter((f) => f.kind === 'aadhaar')).toEqual([])
  })
  it('does not take tweet ids, mixed separators or a +91 mobile for an Aadhaar', () => {
    expect(findPii('see tweet 1900000000000000123')).toEqual([])
    expect(findPii('2345 6789-0123').filter((f) => f.kind === 'aadhaar')).toEqual([])
    expect(findPii('call +919876543210').map((f) => f.kind)).toEqual(['phone'])
  })
  it('finds a PAN in capitals or not, and not inside a longer word', () => {
    expect(findPii('PAN ABCDE1234F please').map((f) => [f.kind, f.match])).toEqual([['pan', 'ABCDE1234F']])
    expect(findPii('pan abcde1234f').map((f) => f.kind)).toEqual(['pan'])
    expect(findPii('code XABCDE1234F or ABCDE1234FG')).toEqual([])
    expect(piiMessage(findPii('ABCDE1234F'))).toMatch(/PAN/)
  })
  it('finds passport, mobile, PNR and e-mail with their position', () => {
    const text = 'passport J8369854, call +91 98765 43210, PNR 4521789632, mail ravi.k@example.in'
    const found = findPii(text)
    expect(found.map((f) => f.kind)).toEqual(['passport', 'phone', 'pnr', 'email'])
    for (const f of found) expect(text.slice(f.index, f.index + f.match.length)).toBe(f.match)
  })
  it('catches Devanagari digits', () => {
    expect(findPii('मेरा नंबर ९८७६५४३२१० है').map((f) => f.kind)).toEqual(['phone'])
  })
  it('does not flag ticket numbers, train numbers, dates or amounts', () => {
    expect(findPii('Your ticket MHA-26-000123 for train 12951 on 12/05/2026, refund Rs 4500')).toEqual([])
    expect(findPii('a ten digit reference 1234567890 with no context')).toEqual([])
  })
  it('explains what to remove and suggests a DM', () => {
    const msg = piiMessage(findPii('mobile 9876543210 and mail a@b.co'))
    expect(msg).toMatch(/mobile number/)
    expect(msg).toMatch(/e-mail/)
    expect(msg).toMatch(/Direct Message|DM/)
    expect(piiMessage([])).toBe('')
  })
})
