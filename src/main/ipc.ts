// The one IPC channel of the desk API. The handler checks who is asking (only our own
// pages, never a frame from elsewhere), lets the desk core validate the input, and
// answers with an envelope: Electron's invoke loses error fields, the envelope keeps
// the DeskError code. Desk events go to every window on the event channel.
import { BrowserWindow, ipcMain } from 'electron'
import {
  DESK_EVENT_CHANNEL,
  DESK_INVOKE_CHANNEL,
  DESK_METHODS,
  type DeskError,
  type DeskMethod,
} from '../shared/desk-api'
import { toDeskError, type DeskCore } from './desk/index'

export type DeskEnvelope = { ok: true; output: unknown } | { ok: false; error: DeskError }

export function registerDeskIpc(core: DeskCore, isTrustedUrl: (url: string) => boolean): () => void {
  ipcMain.handle(DESK_INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<DeskEnvelope> => {
    const frameUrl = event.senderFrame?.url ?? ''
    if (!isTrustedUrl(frameUrl)) {
      return {
        ok: false,
        error: { code: 'unauthorised', message: `Desk calls are not accepted from ${frameUrl || 'an unknown frame'}` },
      }
    }
    if (typeof method !== 'string' || !DESK_METHODS.includes(method as DeskMethod)) {
      return { ok: false, error: { code: 'invalid-input', message: `Unknown desk method: ${String(method)}` } }
    }
    try {
      return { ok: true, output: await core.handle(method as DeskMethod, input) }
    } catch (error) {
      return { ok: false, error: toDeskError(error) }
    }
  })
  const stopForwarding = core.onEvent((deskEvent) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(DESK_EVENT_CHANNEL, deskEvent)
    }
  })
  return () => {
    ipcMain.removeHandler(DESK_INVOKE_CHANNEL)
    stopForwarding()
  }
}
