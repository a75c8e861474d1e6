// Errors of the desk core. Each carries a DeskError code so it crosses IPC / WebSocket
// as `{ code, message }` and the renderer can tell "you are offline" from "bad input".
import type { DeskError } from '../../shared/desk-api'

export type DeskErrorCode = DeskError['code']

export class DeskCoreError extends Error {
  constructor(
    readonly code: DeskErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'DeskCoreError'
  }
}

/** The server could not be reached, or answered 5xx: worth retrying later. */
export class ServerUnreachableError extends DeskCoreError {
  constructor(message: string) {
    super('offline', message)
    this.name = 'ServerUnreachableError'
  }
}

/** 401: the token is missing, expired or revoked; the officer must sign in again. */
export class SessionExpiredError extends DeskCoreError {
  constructor(message = 'The session has expired; sign in again.') {
    super('unauthorised', message)
    this.name = 'SessionExpiredError'
  }
}

/** Any error as it crosses a process boundary: never leak stacks, always a code. */
export function toDeskError(error: unknown): DeskError {
  if (error instanceof DeskCoreError) return { code: error.code, message: error.message }
  if (error instanceof Error) return { code: 'internal', message: error.message }
  return { code: 'internal', message: String(error) }
}
