// The renderer's view of the desk: `window.seva`, built by the preload (Electron) or
// injected by the browser desk host before the app loads. Declared here because the
// renderer may not import the preload; the type itself is the shared contract.
/// <reference types="vite/client" />
import type { SevaBridge } from '../../shared/desk-api'

declare global {
  interface Window {
    seva: SevaBridge
  }
}

export {}
