// The bridge half of the desk API: channel names and the `window.seva` shape, with no
// runtime dependencies, so the sandboxed preload stays small (no zod bundled into it).
import type { DeskEvent, DeskInput, DeskMethod, DeskOutput } from './desk-api'

/** What the renderer sees as `window.seva`. */
export interface SevaBridge {
  invoke<M extends DeskMethod>(method: M, input: DeskInput<M>): Promise<DeskOutput<M>>
  /** Returns an unsubscribe function. */
  onEvent(listener: (event: DeskEvent) => void): () => void
}

/** IPC channel names (Electron) — one invoke channel, one event channel. */
export const DESK_INVOKE_CHANNEL = 'seva:invoke'
export const DESK_EVENT_CHANNEL = 'seva:event'

/** A desk API failure as it crosses IPC / WebSocket: a code and a readable message. */
export interface DeskError {
  code: 'invalid-input' | 'unauthorised' | 'not-found' | 'server' | 'offline' | 'internal'
  message: string
}

/**
 * Electron only, as `window.sevaPrint`: the page as it prints (print CSS, A4), made a PDF
 * by Chromium itself (webContents.printToPDF, so Devanagari is shaped as on screen), in
 * base64. The browser desk has no such object; there the same page goes to window.print().
 */
export interface SevaPrint {
  toPdf(): Promise<string>
}

export const PRINT_PDF_CHANNEL = 'seva:print-pdf'
