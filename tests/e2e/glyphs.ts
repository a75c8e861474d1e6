// Does Hindi render in the bundled Devanagari face, not as missing-glyph boxes? In the
// page: a known Hindi string is measured in the app's font stack, in the bundled face
// alone and in a font that does not exist (the browser's fallback: boxes on a machine
// without a Devanagari system font). The app's width must equal the bundled face's and
// differ from the fallback's, and the face must be loaded.
import type { Page } from '@playwright/test'

export const BUNDLED_DEVANAGARI = 'Noto Sans Devanagari'
/** Conjuncts and matras: shaped text is narrower than a box per code point. */
export const HINDI_SAMPLE = 'नमस्ते आपकी शिकायत दर्ज कर ली गई है। क्षमा करें प्रश्न'

export interface GlyphReport {
  sample: string
  /** The body's computed font-family (the app's stack). */
  appStack: string
  appWidth: number
  bundledWidth: number
  fallbackWidth: number
  /** document.fonts.check for the bundled face with the sample, after document.fonts.ready. */
  bundledLoaded: boolean
  /** Faces of the bundled family the page has loaded, as "weight status". */
  loadedFaces: string[]
  /** Elements on the page whose own text has Devanagari, and how many use the app stack. */
  devanagariElements: number
  devanagariInAppStack: number
}

// Tests type-check without the DOM library; the in-page function sees the page through
// this narrow view of what it uses.
interface MeasuredElement {
  textContent: string | null
  style: { cssText: string }
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>
  getBoundingClientRect(): { width: number }
  remove(): void
}
interface PageView {
  document: {
    body: MeasuredElement & {
      append(el: MeasuredElement): void
      querySelectorAll(s: string): ArrayLike<MeasuredElement>
    }
    createElement(tag: 'span'): MeasuredElement
    fonts: {
      ready: Promise<unknown>
      load(font: string, text: string): Promise<unknown>
      check(font: string, text: string): boolean
      forEach(each: (face: { family: string; weight: string; status: string }) => void): void
    }
  }
  getComputedStyle(el: MeasuredElement): { fontFamily: string }
}
const TEXT_NODE = 3

export async function measureHindiGlyphs(page: Page, sample = HINDI_SAMPLE): Promise<GlyphReport> {
  return page.evaluate(
    async ({ sample, bundled, TEXT_NODE }) => {
      const { document, getComputedStyle } = globalThis as unknown as PageView
      const appStack = getComputedStyle(document.body).fontFamily
      // Load what the sample needs the way a page render would, then wait for every face.
      await document.fonts.load(`32px ${appStack}`, sample)
      await document.fonts.ready
      // Word by word: a space is Latin and comes from another face in each stack.
      const measure = (family: string) =>
        sample.split(/\s+/).reduce((sum, word) => {
          const span = document.createElement('span')
          span.textContent = word
          span.style.cssText = `position:absolute;left:-10000px;top:0;white-space:nowrap;font-size:32px;font-weight:400;font-family:${family}`
          document.body.append(span)
          const width = span.getBoundingClientRect().width
          span.remove()
          return sum + width
        }, 0)
      const loadedFaces: string[] = []
      document.fonts.forEach((face) => {
        if (face.family.replace(/["']/g, '') === bundled) loadedFaces.push(`${face.weight} ${face.status}`)
      })
      const devanagari = /[\u0900-\u097F]/
      let devanagariElements = 0
      let devanagariInAppStack = 0
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const own = Array.from(el.childNodes).some(
          (n) => n.nodeType === TEXT_NODE && devanagari.test(n.textContent ?? ''),
        )
        if (!own) continue
        devanagariElements++
        if (getComputedStyle(el).fontFamily === appStack) devanagariInAppStack++
      }
      return {
        sample,
        appStack,
        appWidth: measure(appStack),
        bundledWidth: measure(`"${bundled}"`),
        fallbackWidth: measure('"Seva No Such Font"'),
        bundledLoaded: document.fonts.check(`16px "${bundled}"`, 'नमस्ते'),
        loadedFaces,
        devanagariElements,
        devanagariInAppStack,
      }
    },
    { sample, bundled: BUNDLED_DEVANAGARI, TEXT_NODE },
  )
}

/** Why the report shows boxes or a foreign face, or null when Hindi renders in the bundled font. */
export function glyphProblem(report: GlyphReport): string | null {
  // check() is also true when no face of that family exists at all: a loaded face is the proof.
  if (!report.loadedFaces.some((face) => face.endsWith(' loaded')))
    return `no ${BUNDLED_DEVANAGARI} face is loaded (faces: ${report.loadedFaces.join(', ') || 'none'})`
  if (!report.bundledLoaded) return `${BUNDLED_DEVANAGARI} is not loaded (faces: ${report.loadedFaces.join(', ')})`
  if (!report.appStack.includes(BUNDLED_DEVANAGARI)) return `the app's font stack lacks it: ${report.appStack}`
  if (Math.abs(report.appWidth - report.bundledWidth) > 0.5)
    return `Hindi in the app's stack (${report.appWidth}px) is not the bundled face (${report.bundledWidth}px)`
  if (Math.abs(report.appWidth - report.fallbackWidth) < 0.5)
    // On this project's machines (and CI's) there is no Devanagari system font, so the
    // fallback is boxes; a machine with the same Noto face installed system-wide cannot
    // tell the two apart, and says so here.
    return `Hindi in the app's stack measures like the fallback (${report.fallbackWidth}px): boxes, or a system Devanagari font identical to the bundled one`
  if (report.devanagariInAppStack !== report.devanagariElements)
    return `${report.devanagariElements - report.devanagariInAppStack} element(s) with Hindi text use another font stack`
  return null
}
