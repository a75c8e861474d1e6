// Is any of the desk's own English left on a screen shown in Hindi? The page's chrome
// text — every element's text with what came from outside (tweets, names, tickets:
// `bdi.untrusted`, `[data-untrusted]`) taken out — and its visible attributes are
// compared with the English catalogue: a text that matches an English value (its
// placeholders and markup matching anything) which differs from the Hindi one is English
// the officer was not meant to see. A looser net catches English the catalogue does not
// hold: two English words in a row. Text marked lang="en" on purpose (a language named in
// itself, a server message shown as it came) is not counted.
import type { Page } from '@playwright/test'
import { en } from '../../src/renderer/src/i18n/catalogues/en'
import { hi } from '../../src/renderer/src/i18n/catalogues/hi'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** English catalogue values that Hindi says differently, as whole-text patterns. */
export function englishPatterns(): { key: string; english: string; pattern: RegExp }[] {
  const english = flatten(en as Tree)
  const hindi = flatten(hi as Tree)
  const patterns: { key: string; english: string; pattern: RegExp }[] = []
  for (const [key, text] of english) {
    if (hindi.get(key) === text) continue
    // Pieces of fixed text between placeholders and markup: each may be its own element.
    const pieces = text.split(/\{\{[^}]*\}\}|<\/?[a-zA-Z0-9]+\s*\/?>/)
    if (!pieces.some((p) => /\p{L}/u.test(p))) continue
    // A piece is whole words: "{{band}} in {{division}}" is not in "admin को …", nor
    // "{{load}} of {{capacity}}" in a username "officer.capf" (data in an aria-label).
    const source = pieces
      .map((p) => {
        const piece = p.replace(/\s+/g, ' ').trim()
        const start = /^\p{L}/u.test(piece) ? '(?<!\\p{L})' : ''
        const end = /\p{L}$/u.test(piece) ? '(?!\\p{L})' : ''
        return piece ? `${start}${escape(piece)}${end}` : ''
      })
      .join('.*?')
    patterns.push({ key, english: text, pattern: new RegExp(`^${source}$`, 'su') })
  }
  return patterns
}

/** Two English words in a row (not "SLA", "X", a key cap or a ticket number on its own). */
const ENGLISH_RUN = /\b[A-Za-z]{2,}[ \t]+[A-Za-z]{3,}\b/

export interface EnglishFound {
  text: string
  where: string
  /** The catalogue key it matched, or "two English words". */
  why: string
}

// The page is reached through this narrow view (tests type-check without the DOM lib).
interface ViewNode {
  nodeType: number
  textContent: string | null
  childNodes: ArrayLike<ViewNode>
}
interface ViewElement extends ViewNode {
  tagName: string
  id: string
  className: unknown
  getAttribute(name: string): string | null
  closest(selector: string): ViewElement | null
  matches(selector: string): boolean
}

const UNTRUSTED = 'bdi.untrusted, [data-untrusted]'

/** Chrome text of every element and its visible attributes, untrusted text left out. */
async function chromeTexts(page: Page): Promise<{ text: string; direct: string; where: string }[]> {
  return page.evaluate((UNTRUSTED) => {
    const { document } = globalThis as unknown as {
      document: { body: ViewElement & { querySelectorAll(s: string): ArrayLike<ViewElement> } }
    }
    const ELEMENT = 1
    const TEXT = 3
    const own = (node: ViewNode): string => {
      let text = ''
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === TEXT) text += child.textContent ?? ''
        else if (child.nodeType === ELEMENT && !(child as ViewElement).matches(UNTRUSTED)) text += own(child)
      }
      return text
    }
    const out: { text: string; direct: string; where: string }[] = []
    const pageLang = document.body.closest('[lang]')?.getAttribute('lang') ?? ''
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (['SCRIPT', 'STYLE', 'TEXTAREA'].includes(el.tagName) || el.closest(UNTRUSTED)) continue
      // Text marked as another language on purpose (each language named in itself in the
      // language switch, a server's message marked lang="en") is not English left behind.
      const marked = el.closest('[lang]')?.getAttribute('lang')
      if (marked && marked !== pageLang) continue
      const where = `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : ''}`
      const text = own(el).replace(/\s+/g, ' ').trim()
      const direct = Array.from(el.childNodes)
        .filter((n) => n.nodeType === TEXT)
        .map((n) => n.textContent ?? '')
        .join(' ')
      if (text) out.push({ text, direct, where })
      for (const attr of ['title', 'aria-label', 'placeholder', 'label', 'alt']) {
        const value = el.getAttribute(attr)?.replace(/\s+/g, ' ').trim()
        if (value) out.push({ text: value, direct: value, where: `${where}@${attr}` })
      }
    }
    return out
  }, UNTRUSTED)
}

/** The desk's English still on the page (empty when the screen is all Hindi). */
export async function englishLeft(page: Page): Promise<EnglishFound[]> {
  const patterns = englishPatterns()
  const found: EnglishFound[] = []
  const seen = new Set<string>()
  for (const { text, direct, where } of await chromeTexts(page)) {
    const match = patterns.find((p) => p.pattern.test(text))
    // The looser net looks at an element's own text only, so its ancestors are not reported too.
    const why = match ? match.key : ENGLISH_RUN.test(direct) ? 'two English words' : null
    if (!why || seen.has(`${where}|${text}`)) continue
    seen.add(`${where}|${text}`)
    found.push({ text, where, why })
  }
  return found
}
