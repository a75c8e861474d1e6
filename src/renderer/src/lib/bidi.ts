// Untrusted text (tweets, names, reasons) may carry bidirectional controls: "\u202Egpj.exe"
// displays as "exe.jpg", and an override can make a fake ticket number read backwards.
// The controls are shown as visible markers instead of being obeyed, so the officer
// sees what was really typed.

export interface BidiControl {
  /** Short name shown in the marker, e.g. RLO. */
  abbr: string
  /** What it is, for the marker's tooltip. */
  name: string
}

const CONTROLS: ReadonlyMap<string, BidiControl> = new Map([
  ['\u202A', { abbr: 'LRE', name: 'left-to-right embedding' }],
  ['\u202B', { abbr: 'RLE', name: 'right-to-left embedding' }],
  ['\u202C', { abbr: 'PDF', name: 'pop directional formatting' }],
  ['\u202D', { abbr: 'LRO', name: 'left-to-right override' }],
  ['\u202E', { abbr: 'RLO', name: 'right-to-left override' }],
  ['\u2066', { abbr: 'LRI', name: 'left-to-right isolate' }],
  ['\u2067', { abbr: 'RLI', name: 'right-to-left isolate' }],
  ['\u2068', { abbr: 'FSI', name: 'first strong isolate' }],
  ['\u2069', { abbr: 'PDI', name: 'pop directional isolate' }],
  ['\u200E', { abbr: 'LRM', name: 'left-to-right mark' }],
  ['\u200F', { abbr: 'RLM', name: 'right-to-left mark' }],
  ['\u061C', { abbr: 'ALM', name: 'Arabic letter mark' }],
])

const CONTROL_RUN = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/

export type BidiPiece = { kind: 'text'; text: string } | ({ kind: 'control'; codePoint: string } & BidiControl)

/** The text cut into plain runs and the bidi controls between them, in order. */
export function splitBidiControls(text: string): BidiPiece[] {
  if (!CONTROL_RUN.test(text)) return text ? [{ kind: 'text', text }] : []
  const pieces: BidiPiece[] = []
  let run = ''
  for (const ch of text) {
    const control = CONTROLS.get(ch)
    if (!control) {
      run += ch
      continue
    }
    if (run) pieces.push({ kind: 'text', text: run })
    run = ''
    const codePoint = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
    pieces.push({ kind: 'control', codePoint, ...control })
  }
  if (run) pieces.push({ kind: 'text', text: run })
  return pieces
}

/** The text as one string with every control written as ⟨ABBR⟩ (for attributes and titles). */
export function showBidiControls(text: string): string {
  return splitBidiControls(text)
    .map((p) => (p.kind === 'text' ? p.text : `⟨${p.abbr}⟩`))
    .join('')
}
