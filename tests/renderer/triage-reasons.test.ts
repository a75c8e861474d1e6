// Every reason the triage can give (harvested from the source that makes them, so a new
// one fails here until it has words) reads in the officer's language; a reason the desk
// does not know is left as it came rather than guessed at.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import i18next from 'i18next'
import { en } from '../../src/renderer/src/i18n/catalogues/en'
import { hi } from '../../src/renderer/src/i18n/catalogues/hi'
import { translateReason } from '../../src/renderer/src/features/grievance/triage-reasons'

const SOURCES = [
  'src/shared/routing/analyse.ts',
  'src/shared/triage-model/triage.ts',
  'src/server/ingest/grievance-from-tweet.ts',
]

/** The fixed sentences: `reasons.push('…')`, `reasons: ['…']` and the constant arrays of reasons. */
function harvestedReasons(): string[] {
  const found = new Set<string>()
  for (const file of SOURCES) {
    const source = readFileSync(file, 'utf8')
    for (const m of source.matchAll(/reasons(?:\.push\(|: \[)((?:'[^']*'(?:, )?)+)/g))
      for (const s of m[1]!.matchAll(/'([^']*)'/g)) found.add(s[1]!)
    for (const m of source.matchAll(/^const [A-Z_]+ = \[((?:'[^']*'(?:, )?)+)\]/gm))
      for (const s of m[1]!.matchAll(/'([^']*)'/g)) found.add(s[1]!)
    for (const m of source.matchAll(/\? '([^']+)' : '([^']+)'\)/g)) {
      found.add(m[1]!)
      found.add(m[2]!)
    }
  }
  return [...found]
}

const i18n = i18next.createInstance()
await i18n.init({
  resources: { en: { translation: en }, hi: { translation: hi } },
  lng: 'hi',
  interpolation: { escapeValue: false },
})

describe('triage reasons', () => {
  it('finds the reasons in the source (the harvest itself works)', () => {
    const reasons = harvestedReasons()
    expect(reasons).toContain('the model is confident this is a grievance')
    expect(reasons).toContain('spam or promotion')
    expect(reasons.length).toBeGreaterThan(20)
  })

  it('has Hindi words for every fixed reason the triage gives', () => {
    const untranslated = harvestedReasons().filter((r) => {
      const known = translateReason(r)
      return !known || !i18n.exists(known.key)
    })
    expect(untranslated).toEqual([])
  })

  it('translates the reasons with a value in them, keeping the value', () => {
    const cases: [string, string][] = [
      ['matched rule cyber-fraud', 'नियम cyber-fraud से मेल खाया'],
      ['addressed to @CyberDost', '@CyberDost को संबोधित'],
      ['priority raised 2 steps by rule', 'नियम द्वारा प्राथमिकता 2 स्तर बढ़ाई गई'],
      ['written in Tamil: flagged for a reader', 'Tamil में लिखा है: पाठक के लिए चिह्नित'],
      ['made a ticket from ignored by officer.cyber', 'officer.cyber ने अनदेखे ट्वीट से टिकट बनाया'],
      ['made a ticket by supervisor', 'supervisor ने टिकट बनाया'],
    ]
    for (const [reason, hindi] of cases) {
      const known = translateReason(reason)
      expect(known, reason).not.toBeNull()
      expect(i18n.t(known!.key, known!.values ?? {})).toBe(hindi)
    }
  })

  it('leaves an unknown reason alone', () => {
    expect(translateReason('a reason from a newer server')).toBeNull()
  })
})
