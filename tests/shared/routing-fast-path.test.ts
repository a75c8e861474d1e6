// analyseTweet's single pass (TweetMatcher.run) must see exactly what the reference path
// (normalise() + detectLanguage(), words fed to the automaton one by one) sees: the same
// words in the same order, cues, rule hits and exclusions, entities and language. Every
// tweet is run both ways on the labelled corpus and on generated text full of the cases
// the pass folds by hand (Devanagari nukta, virama, zero-width characters, hashtags,
// mentions, URLs, emoji, other Indian scripts).
import { describe, expect, it } from 'vitest'
import { compileOrg, normalise, TweetMatcher, type CompiledOrg } from '../../src/shared/routing'
import { OrgConfig } from '../../src/shared/org'
import { loadCorpus, loadOrg } from './corpus-metrics'

const PIECES = [
  'my', 'passport', 'visa', 'pending', 'please', 'help', 'urgent', 'mera', 'nahi', 'hai', 'since', '3', 'months', 'PNR', '4521789632',
  'DL1067123456789', 'MHA-26-000123', '@HMOIndia', '@CyberDost', 'RT', 'rT@x', '@', '＠abc', '@user/list-name', 'a@b.com',
  '#PassportDelay', '#OCI_card', '#Train12951', '#ABCdef', '#aBcD', '#वीज़ा२०२४', '#क1', '#१क', '#', '＃tag', '#ab·cd.com',
  'https://t.co/abc123', 'http://example.com/path?x=1', 'www.gov.in', 'mha.gov.in/page).', 'example.com', 'foo.bar', 'x.info', 'y.inf',
  'मेरा', 'वीज़ा', 'वीजा', 'हिन्दी', 'पाँच', 'ज\u093Cरूरी', '\u095Bरूरी', 'ऩ्क', 'न्\u200Dक', 'न्न्क', '़', 'क़्', 'क॑ष', 'न्॑क', 'क॒॑', '०१२३', 'मला', 'आहे', '।',
  'pass\u200Bport', '\u00AD', '\uFEFF', 'A\u0301', 'café', 'ஐயா', 'பாஸ்போர்ட்', 'মারো', 'আমার', 'ਮੇਰਾ', 'ਖ਼', 'اردو', 'آ', 'ক্ষ',
  '🙏', '❤️', '👨‍👩‍👧', '₹5000', '’', '—', '\u202Atext\u202C', '①', '½', '\uD800', '𝐀',
  'ok.', 'x,', '(y)', 'a_b', 'thanks for nothing', 'resolved', 'fraud', 'ambulance', 'news', 'idiot', 'earn money', 'kripya', 'jaldi', '\n', ' ',
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
    const org = OrgConfig.parse({ ...base, rules: [...terms].map((t, i) => ({ id: `w${i}`, division: base.divisions[0].id, terms: [t] })) })
    expectSamePaths(compileOrg(org))
  })
  it('keeps agreeing when its word table fills up and starts over', () => {
    const compiled = compileOrg(loadOrg('mha'))
    const tiny = new TweetMatcher(compiled.automaton, compiled.matcher.phraseCodes, compiled.rules, 16)
    expectSamePaths(compiled, tiny)
  })
})
