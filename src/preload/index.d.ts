// `window.seva` as the renderer sees it (set by the preload in Electron, by
// /seva-bridge.js in the browser desk). Errors thrown by invoke carry a DeskError `code`.
import type { SevaBridge } from '../shared/desk-api'
import type { SevaPrint } from '../shared/desk-bridge'

declare global {
  interface Window {
    seva: SevaBridge
    /** Electron only; the browser desk prints with window.print(). */
    sevaPrint?: SevaPrint
  }
}

export {}
