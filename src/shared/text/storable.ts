// Text from outside (a citizen's tweet) made storable: PostgreSQL text and JSONB refuse a
// NUL, and a lone surrogate is not text at all. Each is replaced by U+FFFD, the Unicode
// replacement character, so the complaint is kept and shows where something was lost.
import { isStorableText } from '../limits'

// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** The same text with every NUL and lone surrogate replaced by U+FFFD (unchanged when already storable). */
export function storableText(text: string): string {
  return isStorableText(text) ? text : text.replace(UNSTORABLE, '\uFFFD')
}
