// PII guard for public replies: an officer must not post a citizen's Aadhaar, PAN,
// passport, mobile, PNR or e-mail on X. Anything shaped like an Aadhaar number is
// flagged whether or not its Verhoeff check digit is right: a mistyped Aadhaar is still
// the citizen's Aadhaar. The shapes stay tight (12 digits starting 2–9 standing alone,
// 6–9 start for mobiles, PNR only near the word) so ordinary numbers — ticket numbers
// like MHA-26-000123, tweet ids (19 digits), dates, train numbers — do not block a reply.
import type { PiiFinding, PiiKind } from '../analysis'

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]

/** True when the digit string (check digit last) passes the Verhoeff check. */
export function verhoeffValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let c = 0
  const reversed = digits.split('').reverse()
  for (let i = 0; i < reversed.length; i++) c = VERHOEFF_D[c][VERHOEFF_P[i % 8][Number(reversed[i])]]
  return c === 0
}

// Devanagari digits are folded to ASCII first so "९८७६…" is caught too; folding keeps
// string length, so indices still point into the original text.
function asciiDigits(text: string): string {
  return text.replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966))
}

// 4-4-4 with one kind of separator throughout (space, no-break space, hyphen, dot), or a
// bare run of 12. Not after "+" (that is +91 and a mobile) and not inside a longer number.
const AADHAAR = /(?<![\w+-])([2-9]\d{3})([ \u00A0.-]?)(\d{4})\2(\d{4})(?![\w-])/g
// Permanent Account Number: five letters, four digits, a letter. Issued in capitals, but
// typed in any case it is the same PAN.
const PAN = /(?<![\p{L}\p{N}_])[A-Z]{5}\d{4}[A-Z](?![\p{L}\p{N}_])/giu
const PASSPORT = /(?<![\w-])([A-PR-WYa-pr-wy][1-9]\d\s?\d{4}[1-9])(?![\w-])/g
const PHONE = /(?<![\w+-])((?:\+91[\s-]?|0091[\s-]?|0)?[6-9]\d{4}[\s-]?\d{5})(?![\w-])/g
const PNR_CONTEXT = /\b(?:pnr|पीएनआर)\b[^\d\n]{0,20}(\d{3}[\s-]?\d{7})(?!\d)/giu
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g

/** Every personal identifier in the text, in text order. */
export function findPii(text: string): PiiFinding[] {
  const scan = asciiDigits(text)
  const found: PiiFinding[] = []
  const taken: [number, number][] = []
  const add = (kind: PiiKind, index: number, length: number) => {
    if (taken.some(([s, e]) => index < e && index + length > s)) return
    taken.push([index, index + length])
    found.push({ kind, match: text.slice(index, index + length), index })
  }
  for (const m of scan.matchAll(EMAIL)) add('email', m.index, m[0].length)
  for (const m of scan.matchAll(PNR_CONTEXT)) {
    const offset = m[0].lastIndexOf(m[1])
    add('pnr', m.index + offset, m[1].length)
  }
  for (const m of scan.matchAll(AADHAAR)) add('aadhaar', m.index, m[0].length)
  for (const m of scan.matchAll(PAN)) add('pan', m.index, m[0].length)
  for (const m of scan.matchAll(PHONE)) add('phone', m.index, m[0].length)
  for (const m of scan.matchAll(PASSPORT)) add('passport', m.index, m[0].length)
  return found.sort((a, b) => a.index - b.index)
}

const KIND_NAMES: Record<PiiKind, string> = {
  aadhaar: 'an Aadhaar number',
  pan: 'a PAN (Permanent Account Number)',
  passport: 'a passport number',
  phone: 'a mobile number',
  pnr: 'a PNR number',
  email: 'an e-mail address',
}

/** One sentence for the officer: what was found and what to do instead. */
export function piiMessage(findings: PiiFinding[]): string {
  if (findings.length === 0) return ''
  const kinds = [...new Set(findings.map((f) => KIND_NAMES[f.kind]))]
  const list = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`
  const shown = findings.map((f) => `"${f.match}"`).join(', ')
  return (
    `This public reply contains ${list} (${shown}). Remove it before posting; ` +
    'ask the citizen to share personal details by Direct Message (DM) instead.'
  )
}
