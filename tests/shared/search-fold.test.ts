// The cheap fold (src/shared/search-fold.ts) must hand out exactly the keys of the
// reference fold (normalise() per text, keysOf() per name), in the same order: on the desk
// bench corpus, on generated text full of what the fold handles by hand (Devanagari nukta
// forms, half nasals, matras, digits, zero-width characters, case that depends on context,
// astral letters, lone surrogates, entities next to words), after its table of words has
// filled and started again, and for what is typed in the search box.
import { describe, expect, it } from 'vitest'
import { makeGrievance, random } from '../../bench/desk/corpus'
import { foldDevanagari } from '../../src/shared/routing/normalise'
import { parseSearchQuery, referenceSearchKeys, searchKeys, searchKeysOnce } from '../../src/shared/search'

const partsOf = (i: number, version = 1) => {
  const g = makeGrievance(i, version)
  return {
    names: [g.ticket, g.source.authorUsername, g.source.authorName ?? ''],
    texts: [g.source.text, ...g.thread.map((entry) => entry.text)],
  }
}

/** Each key once, where it first appears. */
const distinct = (keys: readonly string[]) => [...new Set(keys)]

const PIECES = [
  'passport',
  'paasport',
  'PASSPORT',
  'delayed',
  'issues',
  'fired',
  'Shikayath',
  'phone',
  'MHA-26-000123',
  '4521789632',
  'abc123',
  'वीज़ा',
  'वी\u095Bा',
  'वीजा',
  'हिन्दी',
  'हिंदी',
  'हूँ',
  'पूलिस',
  'ऊपर',
  'ईमेल',
  '०१२३',
  '१क',
  '\u093C',
  'क\u093C',
  'न्क',
  'न्\u093Cक',
  'म्',
  'ङ्ग',
  'पुलिस\u200D',
  'pass\u200Bport',
  '\u00AD',
  '\uFEFF',
  'A\u0301',
  'café',
  'ΑΣ',
  'ΑΣ.Β',
  'ΟΔΟΣ',
  '\u212A',
  'İstanbul',
  'ß',
  'ﬁle',
  'ஐயா',
  'اردو',
  'ਖ਼',
  '𝐀𝐁',
  '𐐀',
  '\uD800',
  '\uDC00',
  '🙏',
  '👨‍👩‍👧',
  '₹5000',
  '①',
  '½',
  '#PassportDelay',
  '#OCI_card',
  '#Train12951',
  '#वीज़ा२०२४',
  '#help12',
  '@HMOIndia',
  '@ravi_k',
  '@abcमेरा',
  '＠HMOIndia',
  '＃help',
  'a@b.com',
  'https://t.co/abc123',
  'mha.gov.in/pageमेरा',
  'www.gov.in',
  'x.info',
  "can't",
  'tt',
  '—',
  '।',
  ',',
  '.',
  '(',
  ')',
  ' ',
  '\n',
  '\t',
]
const SEPARATORS = [' ', '', ' ', ', ', '\n', '.', '']

function generatedText(r: () => number): string {
  let text = ''
  const pieces = 1 + Math.floor(r() * 12)
  for (let k = 0; k < pieces; k++) {
    text += PIECES[Math.floor(r() * PIECES.length)]! + SEPARATORS[Math.floor(r() * SEPARATORS.length)]!
  }
  return text
}

describe('the cheap search fold', () => {
  it('gives the reference keys, in order, for every grievance of the bench corpus (and again, from its table)', () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 1_500; i++) {
        const { names, texts } = partsOf(i, 1 + (i % 3))
        const reference = referenceSearchKeys(names, texts)
        expect(searchKeys(names, texts)).toEqual(reference)
        expect(distinct(searchKeysOnce(names, texts))).toEqual(distinct(reference))
      }
    }
  })

  it('gives the reference keys for generated Hindi, romanised and mixed-script text', () => {
    const r = random(13)
    for (let n = 0; n < 4_000; n++) {
      const texts = [generatedText(r), generatedText(r)]
      const names = [generatedText(r)]
      const reference = referenceSearchKeys(names, texts)
      const context = JSON.stringify({ names, texts })
      expect(searchKeys(names, texts), context).toEqual(reference)
      expect(distinct(searchKeysOnce(names, texts)), context).toEqual(distinct(reference))
    }
  })

  it('folds the spellings the search forgives to one key', () => {
    const keyOf = (text: string) => searchKeys([], [text])
    expect(keyOf('वीज़ा')).toEqual(keyOf('वीजा'))
    expect(keyOf('वी\u095Bा')).toEqual(keyOf('वीजा'))
    expect(keyOf('हिन्दी')).toEqual(keyOf('हिंदी'))
    expect(keyOf('पूलिस')).toEqual(keyOf('पुलिस'))
    expect(keyOf('paasport')).toEqual(keyOf('passport'))
    expect(keyOf('पुलिस\u200D')).toEqual(keyOf('पुलिस'))
    // Nothing is left of a lone nukta, as the reference drops it.
    expect(keyOf('\u093C')).toEqual([])
  })

  it('stays right once its table of words has filled and started again', () => {
    // More distinct words than the table holds (1 << 17), then words it saw before the reset.
    const words = Array.from(
      { length: 140_000 },
      (_, i) => `w${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]!)}ing`,
    )
    for (let at = 0; at < words.length; at += 1_000) {
      const text = words.slice(at, at + 1_000).join(' ')
      expect(searchKeys([], [text])).toEqual(referenceSearchKeys([], [text]))
    }
    const again = `${words.slice(0, 50).join(' ')} ${words.slice(-50).join(' ')} वीज़ा passports`
    expect(searchKeys([], [again])).toEqual(referenceSearchKeys([], [again]))
  })

  it('folds what is typed in the search box as the reference folds it', () => {
    const r = random(29)
    for (let n = 0; n < 2_000; n++) {
      const typed = generatedText(r)
      const expected: string[] = []
      for (const raw of typed.split(/\s+/)) {
        if (!raw) continue
        const term = foldDevanagari(raw.normalize('NFC'))
        if (/^([a-z]{2,10})-(\d{1,2})-(\d{1,9})$/.test(term.toLowerCase())) continue
        const keys = term.startsWith('@') ? referenceSearchKeys([term.slice(1)], []) : referenceSearchKeys([], [term])
        expected.push(...keys)
      }
      expect(parseSearchQuery(typed).keys, typed).toEqual(expected)
    }
  })
})
