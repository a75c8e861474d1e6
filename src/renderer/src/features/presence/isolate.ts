// A name from someone's account placed inside a translated sentence: wrapped in
// FIRST STRONG ISOLATE … POP DIRECTORY ISOLATE so a right-to-left or Devanagari name
// cannot reorder the sentence, with any bidi controls of its own taken out.
import { splitBidiControls } from '../../lib/bidi'

export function isolate(name: string): string {
  const plain = splitBidiControls(name)
    .map((p) => (p.kind === 'text' ? p.text : ''))
    .join('')
  return `\u2068${plain}\u2069`
}
