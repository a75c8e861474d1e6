// The server search's terms and what its rows index (src/shared/grievance-search.ts): word
// beginnings from the minimum prefix up to the indexed length, shorter words whole, tickets
// exactly or by their beginning, and the shared refusal of queries of only short words.
import { describe, expect, it } from 'vitest'
import {
  GRIEVANCE_SEARCH_LIMITS,
  SearchText,
  asksTooLittle,
  indexedPrefix,
  indexedPrefixesOf,
  serverSearchTerms,
} from '../../src/shared/grievance-search'

describe('indexedPrefixesOf', () => {
  it('holds the word and its beginnings from the minimum prefix on', () => {
    expect(indexedPrefixesOf('pasport')).toEqual(['pas', 'pasp', 'paspo', 'paspor', 'pasport'])
    expect(indexedPrefixesOf('pas')).toEqual(['pas'])
    expect(indexedPrefixesOf('my')).toEqual(['my'])
  })

  it('counts Devanagari in code points, matras included', () => {
    expect(indexedPrefixesOf('विजा')).toEqual(['विज', 'विजा'])
  })

  it('stops at the indexed length, and keeps the whole word', () => {
    const word = '1234567890123456789012345'
    const keys = indexedPrefixesOf(word)
    expect(keys.at(-2)).toBe(word.slice(0, GRIEVANCE_SEARCH_LIMITS.maxIndexedPrefixChars))
    expect(keys.at(-1)).toBe(word)
    expect(keys).toHaveLength(
      GRIEVANCE_SEARCH_LIMITS.maxIndexedPrefixChars - GRIEVANCE_SEARCH_LIMITS.minPrefixChars + 2,
    )
    expect(indexedPrefix(word)).toEqual({ key: word.slice(0, 20), cut: true })
    expect(indexedPrefix('pasport')).toEqual({ key: 'pasport', cut: false })
  })
})

describe('serverSearchTerms', () => {
  it('folds as the desk does and parts short words from beginnings', () => {
    expect(serverSearchTerms('my Passport वीज़ा')).toEqual({ tickets: [], words: ['my'], prefixes: ['pasport', 'विजा'] })
  })

  it('keeps a ticket both as its number and as typed', () => {
    expect(serverSearchTerms('mha-25-9000').tickets).toEqual([{ exact: 'MHA-25-009000', prefix: 'MHA-25-9000' }])
  })
})

describe('the minimum prefix in the contract', () => {
  it('refuses only words shorter than it, and nothing else', () => {
    for (const q of ['pa', 'my is', 'ब', 'है']) {
      expect(asksTooLittle(q), q).toBe(true)
      expect(SearchText.safeParse(q).success, q).toBe(false)
    }
    for (const q of ['', '!!!', 'pas', 'my pas', 'mha-25-1', 'विज']) {
      expect(asksTooLittle(q), q).toBe(false)
      expect(SearchText.safeParse(q).success, q).toBe(true)
    }
  })
})
