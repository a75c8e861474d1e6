// Application, file, ARN, PNR, FIR and similar numbers: a citizen quoting one almost
// always has a specific case. Ticket numbers (MHA-26-000123) count too: a follow-up.
//
// IDENTIFIER is the definition; hasIdentifier() answers the same question by hand for
// the per-tweet hot path (tests/shared/identifier.test.ts compares the two). A match can
// only start where a run of [A-Za-z0-9_/] starts (the lookbehind) and end where one ends
// (the lookahead), and every quantifier is followed by a character it cannot take, so
// each alternative is decided by counting characters from a run's start.
export const IDENTIFIER =
  /(?<![\w/])(?:[A-Z]{2,5}[-/]?\d{2}[-/]\d{4,}|[A-Za-z]{1,4}\d{7,}|\d{8,}|\d{1,6}\/(?:19|20)\d{2})(?![\w/])/

const isDigit = (c: number) => c >= 0x30 && c <= 0x39
const isUpper = (c: number) => c >= 0x41 && c <= 0x5a
const isLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a
/** [\w/] without the u flag: ASCII letters, digits, "_" and "/". */
const isRunChar = (c: number) => isLetter(c) || isDigit(c) || c === 0x5f || c === 0x2f
const isDashOrSlash = (c: number) => c === 0x2d || c === 0x2f

/**
 * Does IDENTIFIER match somewhere in `text`? `firstDigits`, when known, is where the
 * first four ASCII digits in a row start (the matcher's pass notes it): nothing before
 * that chain of runs can be part of a match, so the scan starts there.
 */
export function hasIdentifier(text: string, firstDigits = 0): boolean {
  // Every alternative holds four digits in a row, and a match spans at most three runs
  // of [\w/] joined by single "-" (MHA-26-000123). So only the runs leading up to a
  // four-digit stretch are tried: the last three run starts are kept as the text is read.
  const n = text.length
  let runStart = -1
  let previousStart = -1
  let earlierStart = -1
  let digits = 0
  for (let i = chainStart(text, firstDigits); i < n; i++) {
    const c = text.charCodeAt(i)
    if (!isRunChar(c)) {
      digits = 0
      if (runStart >= 0) {
        // A single "-" joins this run to the next one; anything else breaks the chain.
        if (c === 0x2d && i + 1 < n && isRunChar(text.charCodeAt(i + 1))) {
          earlierStart = previousStart
          previousStart = runStart
        } else earlierStart = previousStart = -1
        runStart = -1
      }
      continue
    }
    if (runStart < 0) runStart = i
    if (!isDigit(c)) {
      digits = 0
      continue
    }
    if (++digits !== 4) continue
    if (identifierAt(text, runStart)) return true
    if (previousStart >= 0 && identifierAt(text, previousStart)) return true
    if (earlierStart >= 0 && identifierAt(text, earlierStart)) return true
  }
  return false
}

/**
 * The start of the chain of runs (joined by single "-") that holds position `at`: the scan
 * of hasIdentifier is in its initial state there, as if the text began there.
 */
function chainStart(text: string, at: number): number {
  let p = at
  while (p > 0) {
    const c = text.charCodeAt(p - 1)
    const joins = c === 0x2d && p >= 2 && isRunChar(text.charCodeAt(p - 2)) && isRunChar(text.charCodeAt(p))
    if (!isRunChar(c) && !joins) break
    p--
  }
  return p
}

/** Characters of one class from `from` on (charCodeAt past the end is NaN: no class). */
function countDigits(text: string, from: number): number {
  let j = from
  while (isDigit(text.charCodeAt(j))) j++
  return j - from
}
function countLetters(text: string, from: number): number {
  let j = from
  while (isLetter(text.charCodeAt(j))) j++
  return j - from
}
function countUpper(text: string, from: number): number {
  let j = from
  while (isUpper(text.charCodeAt(j))) j++
  return j - from
}

/** The regex's lookahead: nothing of [\w/] right after position `end`. */
const endsRun = (text: string, end: number) => end >= text.length || !isRunChar(text.charCodeAt(end))

/** Does one of the alternatives match from `s`, the start of a run? */
function identifierAt(text: string, s: number): boolean {
  const c = text.charCodeAt(s)
  if (isDigit(c)) {
    const digits = countDigits(text, s)
    // \d{8,}
    if (digits >= 8 && endsRun(text, s + digits)) return true
    // \d{1,6}\/(?:19|20)\d{2}
    if (digits > 6 || text.charCodeAt(s + digits) !== 0x2f) return false
    const y = s + digits + 1
    const century = text.slice(y, y + 2)
    return (
      (century === '19' || century === '20') &&
      isDigit(text.charCodeAt(y + 2)) &&
      isDigit(text.charCodeAt(y + 3)) &&
      endsRun(text, y + 4)
    )
  }
  if (!isLetter(c)) return false
  // [A-Za-z]{1,4}\d{7,}
  const letters = countLetters(text, s)
  if (letters <= 4) {
    const digits = countDigits(text, s + letters)
    if (digits >= 7 && endsRun(text, s + letters + digits)) return true
  }
  // [A-Z]{2,5}[-/]?\d{2}[-/]\d{4,}
  const upper = countUpper(text, s)
  if (upper < 2 || upper > 5) return false
  let j = s + upper
  if (isDashOrSlash(text.charCodeAt(j))) j++
  if (!isDigit(text.charCodeAt(j)) || !isDigit(text.charCodeAt(j + 1)) || !isDashOrSlash(text.charCodeAt(j + 2)))
    return false
  const serial = countDigits(text, j + 3)
  return serial >= 4 && endsRun(text, j + 3 + serial)
}
