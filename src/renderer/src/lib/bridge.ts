// The one door to the desk. Every call goes through `invokeDesk` so failures arrive as
// readable sentences whichever transport (Electron IPC or the browser host's WebSocket)
// carried them.
import type { DeskEvent, DeskInput, DeskMethod, DeskOutput, SevaBridge } from '../../../shared/desk-api'

export function desk(): SevaBridge {
  // globalThis rather than window: the helpers below are also unit-tested under Node.
  const bridge = (globalThis as { seva?: SevaBridge }).seva
  if (!bridge) throw new Error('The desk is not connected (window.seva is missing).')
  return bridge
}

export function invokeDesk<M extends DeskMethod>(method: M, input: DeskInput<M>): Promise<DeskOutput<M>> {
  return desk().invoke(method, input)
}

export function onDeskEvent(listener: (event: DeskEvent) => void): () => void {
  return desk().onEvent(listener)
}

/**
 * The technical message of a failure, for support ('' when there is none). Electron wraps
 * handler errors as "Error invoking remote method 'seva:invoke': Error: …"; only the part
 * after the wrapping says anything. What the officer reads is i18n/problem.ts's sentence.
 */
export function describeError(error: unknown): string {
  let message: string
  if (error instanceof Error) message = error.message
  else if (typeof error === 'string') message = error
  else if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string')
    message = (error as { message: string }).message
  else message = ''
  message = message.replace(/^Error invoking remote method '[^']*':\s*/, '')
  message = message.replace(/^(?:[A-Za-z]*Error:\s*)+/, '')
  return message.trim()
}
