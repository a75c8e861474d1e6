// Bidirectional controls in untrusted text are shown, not obeyed: "\u202Egpj.exe" must not
// display as "exe.jpg". (The isolating <bdi> is checked in tests/e2e/hardening.spec.ts.)
import { describe, expect, it } from 'vitest'
import { showBidiControls, splitBidiControls } from '../../src/renderer/src/lib/bidi'

describe('splitBidiControls', () => {
  it('cuts the text at every bidi control and names each one', () => {
    expect(splitBidiControls('\u202Egpj.exe')).toEqual([
      { kind: 'control', abbr: 'RLO', name: 'right-to-left override', codePoint: 'U+202E' },
      { kind: 'text', text: 'gpj.exe' },
    ])
    const all = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C'
    expect(showBidiControls(`a${all}b`)).toBe('a⟨LRE⟩⟨RLE⟩⟨PDF⟩⟨LRO⟩⟨RLO⟩⟨LRI⟩⟨RLI⟩⟨FSI⟩⟨PDI⟩⟨LRM⟩⟨RLM⟩⟨ALM⟩b')
  })
  it('leaves ordinary text, Hindi, emoji and joiners alone', () => {
    const text = 'मेरा पासपोर्ट 🙏 क्‍ष MHA-26-000123'
    expect(splitBidiControls(text)).toEqual([{ kind: 'text', text }])
    expect(splitBidiControls('')).toEqual([])
  })
})
