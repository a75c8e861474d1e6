// The password policy as the screens say it: each of the shared policy's reasons has a
// sentence in English and Hindi (with the real minimum length), the hints follow the typed
// password live, and the confirmation must match. The same function decides on the server.
import { describe, expect, it } from 'vitest'
import { passwordHints } from '../../src/renderer/src/features/session/password-hints'
import { i18n } from '../../src/renderer/src/i18n/instance'
import { LIMITS } from '../../src/shared/limits'
import { checkPassword, PASSWORD_PROBLEMS } from '../../src/shared/password-policy'

const say = (password: string, username: string, lng: 'en' | 'hi', confirmation?: string) =>
  passwordHints(password, username, confirmation).hints.map((h) => i18n.t(h.key, { ...h.values, lng }))

describe('password policy text', () => {
  it('has a sentence for every reason of the policy, in both languages, none left as its key', () => {
    for (const code of PASSWORD_PROBLEMS)
      for (const lng of ['en', 'hi'] as const) {
        const text = i18n.t(`admin.users.policy.${code}`, { min: 12, max: 256, lng })
        expect(text, `${lng} ${code}`).not.toContain('admin.users')
        expect(text.length).toBeGreaterThan(5)
      }
  })

  it('says what a short password lacks with the real minimum, in English and Hindi', () => {
    expect(say('Ab3$', 'officer.x', 'en')).toEqual([`At least ${LIMITS.passwordMinChars} characters.`])
    expect(say('Ab3$', 'officer.x', 'hi')).toEqual([`कम से कम ${LIMITS.passwordMinChars} अक्षर।`])
  })

  it('follows the typed password: the username, a breached password, a sequence, then nothing left', () => {
    expect(say('officer.cyber-Lantern-47', 'officer.cyber', 'en')).toEqual(['Must not contain the username.'])
    expect(say('password1234', 'someone', 'en')).toEqual(['Not a commonly used or breached password.'])
    expect(say('password1234', 'someone', 'hi')).toEqual(['आम तौर पर इस्तेमाल होने वाला या लीक हुआ पासवर्ड न हो।'])
    expect(say('mnopqrstuvwxyz', 'someone', 'en')).toContain('Not mostly a sequence such as abcd, 1234 or qwerty.')
    expect(say('zzzzzzzzzzzzzzzz', 'someone', 'en')).toContain('Not mostly repeated characters or a repeated word.')
    expect(passwordHints('Tulsi-Marg-Lantern-47', 'someone')).toEqual({ ok: true, hints: [] })
  })

  it('agrees with the policy the server applies, and wants the confirmation to match', () => {
    for (const password of ['Short-1', 'qwertyuiop12', 'Kestrel+Monsoon+Ledger-93'])
      expect(passwordHints(password, 'u.name').ok).toBe(checkPassword(password, { username: 'u.name' }).ok)
    expect(passwordHints('Kestrel+Monsoon+Ledger-93', 'u', 'Kestrel+Monsoon+Ledger-9').ok).toBe(false)
    expect(say('Kestrel+Monsoon+Ledger-93', 'u', 'hi', 'other')).toEqual(['दोनों नए पासवर्ड एक जैसे नहीं हैं।'])
    expect(passwordHints('Kestrel+Monsoon+Ledger-93', 'u', 'Kestrel+Monsoon+Ledger-93').ok).toBe(true)
  })
})
