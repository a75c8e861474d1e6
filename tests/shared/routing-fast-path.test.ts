// analyseTweet's single pass (TweetMatcher.run) must see exactly what the reference path
// (normalise() + detectLanguage(), words fed to the automaton one by one) sees: the same
// words in the same order, cues, rule hits and exclusions, entities and language. Every
// tweet is run both ways on the labelled corpus and on generated text full of the cases
// the pass folds by hand (Devanagari nukta, virama, zero-width characters, hashtags,
// mentions, URLs, emoji, other Indian scripts).
import { describe, expect, it } from 'vitest'
import { compileOrg, keysOf, normalise, TweetMatcher, type CompiledOrg } from '../../src/shared/routing'
import { OrgConfig } from '../../src/shared/org'
import { isHinglishWord, latinLanguage, scriptLanguage } from '../../src/shared/routing/language'
import { WORD_HASHES, numberShape } from '../../src/shared/routing/tweet-matcher'
import { detectLanguage } from '../../src/shared/routing'
import { loadCorpus, loadOrg } from './corpus-metrics'

const PIECES = [
  'my',
  'passport',
  'visa',
  'pending',
  'please',
  'help',
  'urgent',
  'mera',
  'nahi',
  'hai',
  'since',
  '3',
  'months',
  'PNR',
  '4521789632',
  'DL1067123456789',
  'MHA-26-000123',
  '@HMOIndia',
  '@CyberDost',
  'RT',
  'rT@x',
  '@',
  '＠abc',
  '@user/list-name',
  'a@b.com',
  '#PassportDelay',
  '#OCI_card',
  '#Train12951',
  '#ABCdef',
  '#aBcD',
  '#वीज़ा२०२४',
  '#क1',
  '#१क',
  '#',
  '＃tag',
  '#ab·cd.com',
  'https://t.co/abc123',
  'http://example.com/path?x=1',
  'www.gov.in',
  'mha.gov.in/page).',
  'example.com',
  'foo.bar',
  'x.info',
  'y.inf',
  'मेरा',
  'वीज़ा',
  'वीजा',
  'हिन्दी',
  'पाँच',
  'ज\u093Cरूरी',
  '\u095Bरूरी',
  'ऩ्क',
  'न्\u200Dक',
  'न्न्क',
  '़',
  'क़्',
  'क॑ष',
  'न्॑क',
  'क॒॑',
  '०१२३',
  'मला',
  'आहे',
  '।',
  'pass\u200Bport',
  '\u00AD',
  '\uFEFF',
  'A\u0301',
  'café',
  'ஐயா',
  'பாஸ்போர்ட்',
  'মারো',
  'আমার',
  'ਮੇਰਾ',
  'ਖ਼',
  'اردو',
  'آ',
  'ক্ষ',
  '🙏',
  '❤️',
  '👨‍👩‍👧',
  '₹5000',
  '’',
  '—',
  '\u202Atext\u202C',
  '①',
  '½',
  '\uD800',
  '𝐀',
  'ok.',
  'x,',
  '(y)',
  'a_b',
  'thanks for nothing',
  'resolved',
  'fraud',
  'ambulance',
  'news',
  'idiot',
  'earn money',
  'kripya',
  'jaldi',
  '\n',
  ' ',
  // Entities whose edge falls inside a word the single pass reads (it must notice and
  // start over), nukta forms next to hashtags and URLs, full-width signs, slugs, RT forms.
  'mha.gov.in/pageमेरा',
  'http://x.co/aवीजा',
  '@abcमेरा',
  '@HMOIndiaनहीं',
  'http://\u095Bx.com',
  'http://ज\u093Cx.com/a',
  '#ज\u093C१',
  '#\u095B१',
  '#ऩ्क',
  'x＠y',
  '＠HMOIndia',
  '＃help',
  'RT @abc:',
  'rt@x',
  '@abc/list',
  'a.b@c.com',
  'pass@12',
  '@HMOIndia\u200Bx',
  'my@HMOIndia',
  'www.x.com#tag',
  '@@x',
  'http://t.co/abc123xyz',
  'passport.',
  'visa.in',
  'seva.gov',
  'my passport',
  'not received',
  '#MyPassport',
  'कृपया',
  'मदद करें',
]

function generated(count: number): string[] {
  let seed = 99
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff
    return seed / 0x80000000
  }
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    let s = rand() < 0.5 ? '@HMOIndia ' : ''
    const n = 1 + Math.floor(rand() * 12)
    for (let k = 0; k < n; k++) s += PIECES[Math.floor(rand() * PIECES.length)] + (rand() < 0.8 ? ' ' : '')
    out.push(s)
  }
  return out
}

const corpus = ['mha', 'mea', 'railways'].flatMap((org) => loadCorpus(org).map((t) => t.text))
const texts = [...corpus, ...generated(2500)]

function snapshot(m: TweetMatcher, rules: number) {
  const touched = Array.from(m.touched.subarray(0, m.touchedCount))
    .sort((a, b) => a - b)
    .map((r) => [r, m.hitWords(r)])
  const excluded: number[] = []
  for (let r = 0; r < rules; r++) if (m.excluded(r)) excluded.push(r)
  return {
    words: m.wordCount,
    cues: m.cues,
    touched,
    excluded: rules <= 100 ? excluded : null,
    urls: m.urlCount,
    hashtags: m.hashtagCount,
    mentions: [...m.mentions],
    language: m.language,
    digits: m.hasDigitRun,
    digitsAt: m.digitRunAt,
  }
}

function expectSamePaths(compiled: CompiledOrg, matcher: TweetMatcher = compiled.matcher): void {
  const differ: { text: string; fast: string; reference: string }[] = []
  for (const text of texts) {
    matcher.run(text)
    const fast = JSON.stringify(snapshot(matcher, compiled.rules.length))
    matcher.runReference(text)
    const reference = JSON.stringify(snapshot(matcher, compiled.rules.length))
    if (fast !== reference) differ.push({ text, fast, reference })
  }
  expect(differ.slice(0, 3)).toEqual([])
}

describe('single-pass matcher', () => {
  it('carries the corpus itself and sends only what it cannot fold elsewhere', () => {
    const m = compileOrg(loadOrg('mha')).matcher
    const routes = { single: 0, 'two-pass': 0, reference: 0 }
    for (const text of corpus) {
      m.run(text)
      routes[m.route]++
    }
    expect(routes.single).toBeGreaterThan(corpus.length * 0.9)
    for (const text of generated(2500)) {
      m.run(text)
      routes[m.route]++
    }
    // The generated text reaches every route, so the comparisons below cover all three.
    expect(routes['two-pass']).toBeGreaterThan(50)
    expect(routes.reference).toBeGreaterThan(50)
  })
  it('starts over on the two-pass route when an entity edge cuts a word, and still agrees', () => {
    const compiled = compileOrg(loadOrg('mha'))
    const m = compiled.matcher
    for (const text of ['see mha.gov.in/pageमेरा now', 'hi @abcमेरा passport', 'x http://x.co/aवीजा y']) {
      m.run(text)
      expect(m.route, text).toBe('two-pass')
      const fast = JSON.stringify(snapshot(m, compiled.rules.length))
      m.runReference(text)
      expect(fast, text).toBe(JSON.stringify(snapshot(m, compiled.rules.length)))
    }
    m.run('@HMOIndia my passport is pending, see mha.gov.in/page #PassportDelay')
    expect(m.route).toBe('single')
    expect([...m.mentions]).toEqual(['hmoindia'])
    expect([m.urlCount, m.hashtagCount]).toEqual([1, 1])
  })
  it('reads other Indian scripts and Urdu in the single pass when NFC leaves the text alone', () => {
    const compiled = compileOrg(loadOrg('mha'))
    const m = compiled.matcher
    const single = [
      '@HMOIndia আমার পাসপোর্ট pending #PassportDelay',
      'பாஸ்போர்ட் 4521789632 கிடைக்கவில்லை please help',
      'میرا ویزا اب تک نہیں آیا https://t.co/abc123',
      'मेरा वीजा ਮੇਰਾ ক্ষ ஐயா',
    ]
    // Gurmukhi khha (U+0A59) and Bengali yya (U+09DF) decompose under NFC; "ো" written as
    // its two halves composes: these go the two-pass way, which normalises first.
    const twoPass = ['\u0a59ਬਰ my passport', 'আমায় \u09df help', 'মারে\u09c7\u09be pending']
    for (const text of [...single, ...twoPass]) {
      m.run(text)
      expect(m.route, text).toBe(single.includes(text) ? 'single' : 'two-pass')
      const fast = JSON.stringify(snapshot(m, compiled.rules.length))
      m.runReference(text)
      expect(fast, text).toBe(JSON.stringify(snapshot(m, compiled.rules.length)))
    }
  })
  it('agrees with the reference path on the MHA rules (terms, exclusions, cues)', () => {
    expectSamePaths(compileOrg(loadOrg('mha')))
  })
  it('sees the same words in the same order: every word and word pair of every text is a rule', () => {
    const terms = new Set<string>()
    for (const text of texts) {
      const words = normalise(text).words
      words.forEach((w, i) => {
        terms.add(w)
        if (i + 1 < words.length) terms.add(`${w} ${words[i + 1]}`)
      })
    }
    const base = loadOrg('mha')
    const org = OrgConfig.parse({
      ...base,
      rules: [...terms].map((t, i) => ({ id: `w${i}`, division: base.divisions[0].id, terms: [t] })),
    })
    expectSamePaths(compileOrg(org))
  })
  it('keeps agreeing when its word table fills up and starts over', () => {
    const compiled = compileOrg(loadOrg('mha'))
    const tiny = new TweetMatcher(compiled.automaton, compiled.matcher.phraseCodes, compiled.rules, 16)
    expectSamePaths(compiled, tiny)
  })

  // record() tells a repeated phrase by a bit per term for a rule's first 31 term phrases
  // and by phraseSeen beyond: both must give a rule its distinct phrases' words, once each.
  it('scores each rule by its distinct term phrases found in the tokens, as a plain search does', () => {
    const base = loadOrg('mha')
    const made = Array.from({ length: 40 }, (_, i) => `zq${String.fromCharCode(97 + (i % 26))}${i >= 26 ? 'x' : ''}`)
    const wide = {
      id: 'wide',
      division: base.rules[0].division,
      terms: [...made, 'my passport', 'visa'],
      exclude: [],
      priorityBoost: 0,
      enabled: true,
    }
    const compiled = compileOrg({ ...base, rules: [...base.rules, wide] })
    let seed = 5
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff
      return seed / 0x80000000
    }
    const pieces = [...made, 'my', 'passport', 'visa', 'pending']
    const extra = Array.from({ length: 1500 }, () =>
      Array.from({ length: 3 + Math.floor(rand() * 30) }, () => pieces[Math.floor(rand() * pieces.length)]).join(' '),
    )
    const m = compiled.matcher
    const wideRule = compiled.rules.length - 1
    const terms: { rule: number; keys: string[]; late: boolean }[] = []
    for (const target of compiled.targets) {
      if (target.kind !== 'term') continue
      const earlier = terms.filter((t) => t.rule === target.rule).length
      terms.push({ rule: target.rule, keys: keysOf(target.term), late: target.rule === wideRule && earlier >= 31 })
    }
    let wideHits = 0
    for (const text of [...texts.filter((_, i) => i % 2 === 0), ...extra]) {
      m.run(text)
      const got: Record<number, number> = {}
      for (let t = 0; t < m.touchedCount; t++) got[m.touched[t]] = m.hitWords(m.touched[t])
      const tokens = normalise(text).tokens
      const want: Record<number, number> = {}
      let late = false
      for (const { rule, keys, late: isLate } of terms) {
        if (!tokens.some((_, i) => keys.every((k, j) => tokens[i + j] === k))) continue
        want[rule] = (want[rule] ?? 0) + keys.length
        late ||= isLate
      }
      expect(got, text).toEqual(want)
      if (late) wideHits++
    }
    // Texts where the wide rule counts phrases past its 31st, so both ways are compared.
    expect(wideHits).toBeGreaterThan(100)
  })

  // The reference route hashes its keyed tokens (what the committed models were trained
  // on for such tweets), so the single and two-pass routes are checked against the words
  // normalise() folds, hashed the plain way: what the word table keeps for each word.
  it("gives the triage model each folded word's hash and head, from its table entry", () => {
    const compiled = compileOrg(loadOrg('mha'))
    for (const m of [
      compiled.matcher,
      new TweetMatcher(compiled.automaton, compiled.matcher.phraseCodes, compiled.rules, 16),
    ]) {
      let compared = 0
      for (const text of texts) {
        m.run(text)
        if (m.route === 'reference') continue
        const words = normalise(text).words.slice(0, WORD_HASHES)
        const got = {
          hashes: Array.from(m.wordHashes.subarray(0, m.wordHashCount)),
          heads: Array.from(m.wordHeads.subarray(0, m.wordHashCount)),
        }
        expect(got, text).toEqual({ hashes: words.map(modelHash), heads: words.map(modelHead) })
        compared++
      }
      expect(compared).toBeGreaterThan(2500)
    }
  })
})

const fnv = (s: string) => {
  let h = 0x811c9dc5 | 0
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h
}
/** A word's hash for the model: FNV-1a, or for a number or id the hash of its shape's label. */
const modelHash = (word: string) => (numberShape(word) === 0 ? fnv(word) : fnv(`#number${numberShape(word)}`))
/** The hash of a longer word's first four characters (0 for short words and numbers). */
function modelHead(word: string): number {
  if (word.length <= 5 || numberShape(word) !== 0) return 0
  const head01 = word.charCodeAt(0) | (word.charCodeAt(1) << 16)
  const head23 = word.charCodeAt(2) | (word.charCodeAt(3) << 16)
  return Math.imul(head01 ^ Math.imul(head23, 0x5bd1e995), 0x01000193) | 1
}

/** detectLanguage as first written (regexes), the reference for its one-pass ASCII route. */
function referenceLanguage(text: string): string {
  const script = scriptLanguage(text)
  if (script !== null) return script
  const words =
    text
      .replace(/https?:\/\/\S+|[@#]\w+/g, ' ')
      .toLowerCase()
      .match(/[a-z]+/g) ?? []
  return latinLanguage(words.length, words.filter(isHinglishWord).length)
}

describe('detectLanguage', () => {
  it('gives what the regex version gives, on the corpus, the generated text and URL/handle edge cases', () => {
    const pieces = [
      'http://x.y',
      'https://a',
      'http://',
      'https:// x',
      'HTTP://X',
      'xhttp://y',
      'httpsx',
      'http:/x',
      '@abc',
      '#tag',
      '@',
      '#',
      '@x#y',
      'a@b',
      'mera',
      'MERA',
      'Nahi',
      'hai',
      'hain',
      'kya',
      'aap',
      'se',
      'ko',
      'passport',
      'pending',
      '123',
      'a_b',
      '\t',
      '\n',
      ' ',
      '.',
      'ok!',
      'https://x.co/पथ',
      'मेरा',
      'é',
      '🙏',
    ]
    let seed = 7
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff
      return seed / 0x80000000
    }
    const own: string[] = []
    for (let i = 0; i < 4000; i++) {
      let t = rand() < 0.3 ? 'RT @someone: ' : ''
      const n = 1 + Math.floor(rand() * 14)
      for (let k = 0; k < n; k++) t += pieces[Math.floor(rand() * pieces.length)] + (rand() < 0.75 ? ' ' : '')
      own.push(t)
    }
    const differ = [...texts, ...own].filter((t) => detectLanguage(t) !== referenceLanguage(t))
    expect(differ.slice(0, 5)).toEqual([])
    // Both outcomes of the Latin half really occur in what was compared.
    expect(own.filter((t) => detectLanguage(t) === 'hi-Latn').length).toBeGreaterThan(100)
    expect(own.filter((t) => detectLanguage(t) === 'en').length).toBeGreaterThan(100)
  })
})
