// hasIdentifier() is the hot-path twin of IDENTIFIER: the same answer on every input.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IDENTIFIER, hasIdentifier } from '../../src/shared/routing/identifier'

const fixtures = join(__dirname, '..', 'fixtures')

/** As analyseTweet asks: told where the first four digits in a row start (no digits: no identifier). */
function fromFirstDigits(text: string): boolean {
  const at = text.search(/\d{4}/)
  return at >= 0 && hasIdentifier(text, at)
}

describe('hasIdentifier', () => {
  it('finds the numbers citizens quote', () => {
    for (const text of [
      'ticket MHA-26-000123 still open',
      'file GZ1071122334455 pending',
      'PNR 4521789632',
      'complaint 244/2023',
      'DL/21/12345',
      'ref AB12-3456.',
    ])
      expect([hasIdentifier(text), fromFirstDigits(text)], text).toEqual([true, true])
    for (const text of [
      'called 1234567 times',
      'x244/2023',
      '244/2023/1',
      'ABCDEF-12-3456',
      'no numbers here',
      'year 2023',
      'MHA-26-000123x',
    ])
      expect([hasIdentifier(text), fromFirstDigits(text)], text).toEqual([false, false])
  })

  it('agrees with the IDENTIFIER regex on every corpus tweet', () => {
    let compared = 0
    for (const dir of ['corpus', 'heldout']) {
      for (const file of readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.jsonl'))) {
        for (const line of readFileSync(join(fixtures, dir, file), 'utf8').split('\n')) {
          if (!line.trim()) continue
          const { text } = JSON.parse(line) as { text: string }
          expect(hasIdentifier(text), text).toBe(IDENTIFIER.test(text))
          expect(fromFirstDigits(text), text).toBe(IDENTIFIER.test(text))
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(1000)
  })

  it('agrees with the IDENTIFIER regex on generated text', () => {
    // Pieces each alternative and boundary cares about, plus a few it must ignore.
    const pieces = ['MHA', 'AB', 'ABCDEF', 'p', 'gz', '26', '7', '2023', '1999', '000123', '12345678', '1234567']
    const joins = ['', '', '/', '-', '_', ' ', '.', 'क', '#', 'x']
    let seed = 7
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed / 2 ** 32
    }
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]
    let matches = 0
    for (let k = 0; k < 20000; k++) {
      let text = pick(joins)
      const length = 1 + Math.floor(rand() * 5)
      for (let i = 0; i < length; i++) text += pick(pieces) + pick(joins)
      const expected = IDENTIFIER.test(text)
      if (expected) matches++
      expect(hasIdentifier(text), JSON.stringify(text)).toBe(expected)
      expect(fromFirstDigits(text), JSON.stringify(text)).toBe(expected)
    }
    // The generator must reach both answers often enough for the comparison to mean something.
    expect(matches).toBeGreaterThan(2000)
    console.log(`[identifier] ${matches} of 20000 generated texts hold an identifier`)
    expect(matches).toBeLessThan(18000)
  })
})
