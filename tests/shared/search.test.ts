// The desk's forgiving search: routing's normaliser on both sides, tickets by number.
import { describe, expect, it } from 'vitest'
import {
  isEmptyQuery,
  matchesSearchQuery,
  parseSearchQuery,
  searchHaystack,
  ticketMatches,
} from '../../src/shared/search'

const TICKET = 'MHA-26-000001'
const finds = (text: string, query: string, ticket = TICKET) =>
  matchesSearchQuery(searchHaystack([ticket], [text]), ticket, parseSearchQuery(query))

describe('search normalisation', () => {
  it('finds वीज़ा (nukta, precomposed or combining) when वीजा is typed, and the other way round', () => {
    expect(finds('मेरा वीज़ा अभी तक नहीं आया', 'वीजा')).toBe(true)
    expect(finds('मेरा वी\u095Bा अभी तक नहीं आया', 'वीजा')).toBe(true)
    expect(finds('मेरा वीजा अभी तक नहीं आया', 'वीज़ा')).toBe(true)
    expect(finds('मेरा पासपोर्ट अभी तक नहीं आया', 'वीजा')).toBe(false)
  })

  it('folds chandrabindu to anusvara, a half nasal to anusvara, and long matras to short', () => {
    expect(finds('हिन्दी में जवाब दें', 'हिंदी')).toBe(true)
    expect(finds('मैं परेशान हूँ', 'हूं')).toBe(true)
    expect(finds('पुलिस सत्यापन', 'पूलिस')).toBe(true)
  })

  it('forgives romanised spellings and ignores zero-width characters', () => {
    expect(finds('my passport is delayed', 'paasport')).toBe(true)
    expect(finds('shikayat darj karo', 'shikayath')).toBe(true)
    expect(finds('पुलिस\u200D सत्यापन', 'पुलिस')).toBe(true)
  })

  it('splits hashtags and keeps mentioned handles searchable', () => {
    expect(finds('#PassportDelay since March', 'passport delay')).toBe(true)
    expect(finds('#PassportDelay since March', '#PassportDelay')).toBe(true)
    expect(finds('please help @HMOIndia', '@hmoindia')).toBe(true)
  })

  it('requires every term', () => {
    expect(finds('visa pending at FRRO', 'visa frro')).toBe(true)
    expect(finds('visa pending at FRRO', 'visa passport')).toBe(false)
    expect(isEmptyQuery(parseSearchQuery('   '))).toBe(true)
  })
})

describe('ticket numbers', () => {
  it('match in any case and with or without leading zeros', () => {
    expect(ticketMatches(TICKET, parseSearchQuery('mha-26-1').tickets[0])).toBe(true)
    expect(finds('anything', 'mha-26-1')).toBe(true)
    expect(finds('anything', 'MHA-26-000001')).toBe(true)
    expect(finds('anything', 'mha-26-0001')).toBe(true)
    expect(finds('anything', 'mha-26-000001')).toBe(true)
  })

  it('do not match another ticket, year or prefix', () => {
    expect(finds('anything', 'mha-26-1', 'MHA-26-000010')).toBe(false)
    expect(finds('anything', 'mha-26-1', 'MHA-25-000001')).toBe(false)
    expect(finds('anything', 'mea-26-1')).toBe(false)
  })

  it('match while being typed, and with Devanagari digits', () => {
    expect(finds('anything', 'mha-26-0000')).toBe(true)
    expect(finds('anything', 'MHA-२६-१')).toBe(true)
    expect(finds('anything', '000001')).toBe(true)
  })
})
