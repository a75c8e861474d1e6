// The preload (sandboxed, CommonJS once built): exposes `window.seva`, implementing
// SevaBridge over the one invoke channel and the one event channel, and `window.sevaPrint`
// (Electron only: a page to PDF).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  DESK_EVENT_CHANNEL,
  DESK_INVOKE_CHANNEL,
  PRINT_PDF_CHANNEL,
  type DeskError,
  type SevaBridge,
  type SevaPrint,
} from '../shared/desk-bridge'
import type { DeskEvent, DeskInput, DeskMethod, DeskOutput } from '../shared/desk-api'

type Envelope = { ok: true; output: unknown } | { ok: false; error: DeskError }

/** Same shape as the browser bridge's errors: an Error with the desk error code. */
function deskError(error: DeskError): Error & { code: DeskError['code'] } {
  return Object.assign(new Error(error.message), { name: 'DeskError', code: error.code })
}

const bridge: SevaBridge = {
  async invoke<M extends DeskMethod>(method: M, input: DeskInput<M>): Promise<DeskOutput<M>> {
    const envelope = (await ipcRenderer.invoke(DESK_INVOKE_CHANNEL, method, input ?? {})) as Envelope
    if (!envelope.ok) throw deskError(envelope.error)
    return envelope.output as DeskOutput<M>
  },
  onEvent(listener: (event: DeskEvent) => void): () => void {
    // Never hand the IpcRendererEvent (and its `sender`) to the page.
    const wrapped = (_event: IpcRendererEvent, deskEvent: DeskEvent) => listener(deskEvent)
    ipcRenderer.on(DESK_EVENT_CHANNEL, wrapped)
    return () => {
      ipcRenderer.removeListener(DESK_EVENT_CHANNEL, wrapped)
    }
  },
}

contextBridge.exposeInMainWorld('seva', bridge)

// Reports and archives as PDF, printed by Chromium in main (src/main/print-pdf.ts).
const print: SevaPrint = { toPdf: () => ipcRenderer.invoke(PRINT_PDF_CHANNEL) as Promise<string> }
contextBridge.exposeInMainWorld('sevaPrint', print)
