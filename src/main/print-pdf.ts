// Electron glue for the reports' and archives' PDF: Chromium prints the asking page
// itself (print CSS: A4, charts as SVG, page numbers from the page's @page rules), so
// Hindi is shaped exactly as on screen. Only our own pages may ask.
import { ipcMain } from 'electron'
import { PRINT_PDF_CHANNEL } from '../shared/desk-bridge'

export function registerPrintToPdf(isTrustedUrl: (url: string) => boolean): () => void {
  ipcMain.handle(PRINT_PDF_CHANNEL, async (event): Promise<string> => {
    const frameUrl = event.senderFrame?.url ?? ''
    if (!isTrustedUrl(frameUrl)) throw new Error(`Printing is not accepted from ${frameUrl || 'an unknown frame'}`)
    const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
    return pdf.toString('base64')
  })
  return () => ipcMain.removeHandler(PRINT_PDF_CHANNEL)
}
