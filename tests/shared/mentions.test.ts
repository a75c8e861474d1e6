// extractMentions is a hand-written scan (routing runs it on every tweet); it must find
// exactly what twitter-text's mention regex finds. The regex is kept here as the
// reference and both are run on the conformance texts and on generated tricky text.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { extractMentions, type Entity } from '../../src/shared/text'
import { mentionScan, nextMention } from '../../src/shared/text/entities'

const MENTION =
  /(^|[^A-Za-z0-9_!#$%&*@＠]|(?:^|[^A-Za-z0-9_+~.-])(?:rt|RT|rT|Rt):?)[@＠]([A-Za-z0-9_]{1,20})(\/[A-Za-z][A-Za-z0-9_-]{0,24})?/g
const AFTER_MENTION =
  // eslint-disable-next-line no-misleading-character-class -- combining marks are listed on purpose, as in twitter-text
  /^(?:[@＠A-Za-z0-9_]|[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff]|:\/\/)/

function referenceMentions(text: string): Entity[] {
  const found: Entity[] = []
  MENTION.lastIndex = 0
  for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
    const start = m.index + m[1].length
    const end = start + 1 + m[2].length
    if (AFTER_MENTION.test(text.slice(end))) continue
    found.push({ kind: 'mention', value: m[2], start, end })
  }
  return found
}

const SHARED = process.env.SEVA_SHARED_DIR ?? fileURLToPath(new URL('../../../shared', import.meta.url))
const extract = parse(readFileSync(`${SHARED}/conformance/twitter-text/extract.yml`, 'utf8')).tests as Record<
  string,
  { text: string }[]
>

/** Deterministic text made of the pieces mention matching turns on. */
function generated(count: number): string[] {
  let seed = 12345
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff
    return seed / 0x80000000
  }
  const pieces = [
    '@',
    '＠',
    'rt',
    'RT',
    'rT',
    ':',
    'a',
    'Z',
    '9',
    '_',
    '/',
    '-',
    '.',
    '+',
    '~',
    '!',
    '#',
    '$',
    '%',
    '&',
    '*',
    ' ',
    'é',
    '\u0301',
    'ß',
    'user',
    'abcdefghijklmnopqrstuvwxyz',
    '://',
    'list',
    'x/y',
    '日本',
    '\n',
    'RT @',
    '@HMOIndia',
    'a@b',
    '🙏',
  ]
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    let s = ''
    const n = 1 + Math.floor(rand() * 12)
    for (let k = 0; k < n; k++) s += pieces[Math.floor(rand() * pieces.length)]
    out.push(s)
  }
  return out
}

describe('extractMentions (hand-written scan)', () => {
  it('finds what the twitter-text regex finds on every conformance text', () => {
    const texts = Object.values(extract).flatMap((cases) => cases.map((c) => c.text))
    expect(texts.length).toBeGreaterThan(100)
    for (const text of texts) expect(extractMentions(text), text).toEqual(referenceMentions(text))
  })
  it('finds what the regex finds on generated text with prefixes, RT forms, slugs and long names', () => {
    for (const text of generated(8_000))
      expect(extractMentions(text), JSON.stringify(text)).toEqual(referenceMentions(text))
  })
  it('nextMention (the allocation-free scan routing uses) steps through the same spans, with or without the ＠ search', () => {
    const texts = generated(3_000).filter((t) => !t.includes('＠'))
    expect(texts.length).toBeGreaterThan(1000)
    for (const text of texts) {
      const spans: [number, number][] = []
      for (let from = 0; nextMention(text, from, false); from = mentionScan.resume)
        spans.push([mentionScan.start, mentionScan.end])
      expect(spans, JSON.stringify(text)).toEqual(referenceMentions(text).map((e) => [e.start, e.end]))
    }
  })
  it('keeps the regex quirks: a rejected match still moves the search on; @ can prefix an RT form', () => {
    expect(extractMentions('a @rt@x').map((e) => e.value)).toEqual([])
    expect(extractMentions('a@rt@x').map((e) => e.value)).toEqual(['x'])
    expect(extractMentions('RT:@abc/list-1 @def').map((e) => [e.value, e.start, e.end])).toEqual([
      ['abc', 3, 7],
      ['def', 15, 19],
    ])
    expect(extractMentions(`@${'a'.repeat(21)} @ok`).map((e) => e.value)).toEqual(['ok'])
  })
})
