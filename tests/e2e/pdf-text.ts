// The text of a PDF as a reader would search it: pdf.js (legacy build, for Node) reads
// each page's text items; items on one line are joined. Devanagari comes back as the PDF's
// ToUnicode maps give it, which for shaped text (conjuncts, reordered matras) may differ
// from the source string — callers normalise before comparing (see reports.spec.ts).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface PdfText {
  pages: number
  /** Each page's text, items separated by spaces and lines by newlines. */
  text: string[]
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise
  const text: string[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    const content = await page.getTextContent()
    let line = ''
    const lines: string[] = []
    for (const item of content.items) {
      if (!('str' in item)) continue
      // Separate text items (table cells, spans) by a space, as they are apart on the page.
      if (line && item.str && !/\s$/.test(line) && !/^\s/.test(item.str)) line += ' '
      line += item.str
      if (item.hasEOL) {
        lines.push(line)
        line = ''
      }
    }
    if (line) lines.push(line)
    text.push(lines.join('\n'))
  }
  await pdf.destroy()
  return { pages: pdf.numPages, text }
}
