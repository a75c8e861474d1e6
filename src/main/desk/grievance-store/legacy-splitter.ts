// Cuts an old desk's grievances.json into pieces as its text arrives, so the import never
// holds the whole file or all its documents. The file's shape is fixed and shallow (one
// object: a few small members and `grievances`, an object of id → document), so a splitter
// of that top level is simpler and much faster than a token-by-token streaming parser:
// it only finds where each document's text ends, and JSON.parse reads that text.
// Malformed text inside a piece is left to JSON.parse; here only the top level is checked.

/** A small top-level member (owner, cursor, org, …) or one grievance's JSON text. */
export type LegacyPiece =
  { kind: 'member'; key: string; value: unknown } | { kind: 'grievance'; id: string; text: string }

export class LegacyFileError extends Error {}

type Step = 'open' | 'first-key' | 'key' | 'colon' | 'value' | 'after' | 'done'

const WHITESPACE = /[^ \t\n\r]/g
const STRUCTURE = /["{}[\]]/g
const PRIMITIVE_END = /[,}\]\s]/g

/** Index just past the string opening at `from`, or -1 when its end has not arrived yet. */
function stringEnd(text: string, from: number): number {
  let at = from + 1
  for (;;) {
    const quote = text.indexOf('"', at)
    if (quote < 0) return -1
    let slashes = 0
    while (text.charCodeAt(quote - 1 - slashes) === 92) slashes++
    if (slashes % 2 === 0) return quote + 1
    at = quote + 1
  }
}

/** Index just past the JSON value starting at `from`, or -1 when it has not all arrived. */
function valueEnd(text: string, from: number, final: boolean): number {
  const first = text[from]
  if (first === '"') return stringEnd(text, from)
  if (first !== '{' && first !== '[') {
    PRIMITIVE_END.lastIndex = from
    const end = PRIMITIVE_END.exec(text)
    return end ? end.index : final ? text.length : -1
  }
  let depth = 0
  STRUCTURE.lastIndex = from
  for (;;) {
    const found = STRUCTURE.exec(text)
    if (!found) return -1
    const c = found[0]
    if (c === '"') {
      const end = stringEnd(text, found.index)
      if (end < 0) return -1
      STRUCTURE.lastIndex = end
    } else if (c === '{' || c === '[') depth++
    else if (--depth === 0) return found.index + 1
  }
}

export class LegacySplitter {
  private text = ''
  private at = 0
  /** Characters dropped from the front of `text` (for error positions). */
  private consumed = 0
  private step: Step = 'open'
  private inGrievances = false
  private sawGrievances = false
  private key = ''

  /** The pieces that the text so far completes, in file order. */
  push(chunk: string): LegacyPiece[] {
    this.consumed += this.at
    this.text = this.text.slice(this.at) + chunk
    this.at = 0
    return this.run(false)
  }

  /** The last pieces; throws when the file ended before its top-level object did. */
  end(): LegacyPiece[] {
    const pieces = this.run(true)
    if (this.step !== 'done') throw new LegacyFileError(`the file ends early (at character ${this.position()})`)
    if (!this.sawGrievances) throw new LegacyFileError('the file has no "grievances" member')
    return pieces
  }

  private position(): number {
    return this.consumed + this.at
  }

  private fail(what: string): never {
    throw new LegacyFileError(`${what} at character ${this.position()}`)
  }

  private run(final: boolean): LegacyPiece[] {
    const pieces: LegacyPiece[] = []
    for (;;) {
      WHITESPACE.lastIndex = this.at
      const next = WHITESPACE.exec(this.text)
      if (!next) {
        this.at = this.text.length
        return pieces
      }
      this.at = next.index
      const c = next[0]
      switch (this.step) {
        case 'open':
          if (c !== '{') this.fail('expected "{"')
          this.at++
          this.step = 'first-key'
          break
        case 'first-key':
        case 'key': {
          if (c === '}' && this.step === 'first-key') {
            this.at++
            this.close()
            break
          }
          if (c !== '"') this.fail('expected a member name')
          const end = stringEnd(this.text, this.at)
          if (end < 0) return pieces
          this.key = JSON.parse(this.text.slice(this.at, end)) as string
          this.at = end
          this.step = 'colon'
          break
        }
        case 'colon':
          if (c !== ':') this.fail('expected ":"')
          this.at++
          this.step = 'value'
          break
        case 'value': {
          if (!this.inGrievances && this.key === 'grievances') {
            if (c !== '{' || this.sawGrievances) this.fail('"grievances" must be one object')
            this.at++
            this.inGrievances = this.sawGrievances = true
            this.step = 'first-key'
            break
          }
          const end = valueEnd(this.text, this.at, final)
          if (end < 0) return pieces
          const text = this.text.slice(this.at, end)
          this.at = end
          this.step = 'after'
          if (this.inGrievances) pieces.push({ kind: 'grievance', id: this.key, text })
          else pieces.push({ kind: 'member', key: this.key, value: this.parseMember(text) })
          break
        }
        case 'after':
          if (c === ',') this.step = 'key'
          else if (c === '}') this.close()
          else this.fail('expected "," or "}"')
          this.at++
          break
        case 'done':
          this.fail('unexpected text after the end')
      }
    }
  }

  private parseMember(text: string): unknown {
    try {
      return JSON.parse(text)
    } catch {
      return this.fail(`member "${this.key}" is not JSON`)
    }
  }

  private close(): void {
    if (this.inGrievances) {
      this.inGrievances = false
      this.step = 'after'
    } else this.step = 'done'
  }
}
