// The Hindi screens' English check (tests/e2e/english-left.ts) matches the catalogue's
// English as whole words: a username in an aria-label ("admin", "officer.capf") is not
// English text "in" or "of", while the desk's English around placeholders still is.
import { describe, expect, it } from 'vitest'
import { englishPatterns } from '../e2e/english-left'

const patterns = englishPatterns()
const matched = (text: string) => patterns.filter((p) => p.pattern.test(text)).map((p) => p.key)

describe('English left on a Hindi screen', () => {
  it('does not take letters inside a name for an English word', () => {
    expect(matched('admin को संपादित करें')).toEqual([])
    expect(matched('officer.capf को निष्क्रिय करें')).toEqual([])
  })

  it('still finds the English of the catalogue around placeholders', () => {
    expect(matched('5 of 20')).toContain('monitor.load')
    expect(matched('ticket in police')).toContain('admin.rules.band')
    expect(
      matched('Saving signs out 3 users who have not set up two-factor sign-in; they set it up at their next sign-in.'),
    ).toContain('twoFactor.admin.signsOut_other')
  })
})
