// A print-ready page to PDF. In Electron, Chromium in main prints it (window.sevaPrint,
// src/main/print-pdf.ts) and the PDF is saved like an export; in the browser desk the
// same page goes to the browser's own print dialog, where "Save as PDF" is one choice.
// Either way Chromium lays the page out with the print CSS and shapes Devanagari itself.
import type { SevaPrint } from '../../../../shared/desk-bridge'
import { saveFile } from '../../lib/staff-api'

export type PrintOutcome = 'saved' | 'print-dialog'

/** Lets React paint what was just put on the page (a print-only page, charts) before printing. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))
}

export async function printPageToPdf(filename: string): Promise<PrintOutcome> {
  await nextPaint()
  await document.fonts.ready
  const electron = (globalThis as { sevaPrint?: SevaPrint }).sevaPrint
  if (electron) {
    const base64 = await electron.toPdf()
    saveFile({ filename, contentType: 'application/pdf', bytes: Math.floor((base64.length * 3) / 4), base64 })
    return 'saved'
  }
  window.print()
  return 'print-dialog'
}
