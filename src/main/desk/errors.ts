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

/** The server could not be reached at all (network, DNS, refused, timed out): we are offline. */
export class ServerUnreachableError extends DeskCoreError {
  constructor(message: string) {
    super('offline', message)
    this.name = 'ServerUnreachableError'
  }
}

/** The server answered but failed (5xx, 408, 429): it is up but not well; retry later. */
export class ServerFailedError extends DeskCoreError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super('server', message)
    this.name = 'ServerFailedError'
  }
}

/**
 * The server refused the request itself (400, 413, 422): sending it again unchanged will
 * never work. For a batch of actions it means one of them is bad — split and find it.
 */
export class RequestRefusedError extends DeskCoreError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super('server', message)
    this.name = 'RequestRefusedError'
  }
}

/** Statuses that refuse the content of a request rather than say anything about the server. */
export const REFUSED_STATUSES: readonly number[] = [400, 413, 422]

/** 401: the token is missing, expired or revoked; the officer must sign in again. */
export class SessionExpiredError extends DeskCoreError {
  constructor(
    message = 'The session has expired; sign in again.',
    /** The server's error code (`invalid_code`: a wrong two-factor code, not a dead session). */
    readonly serverCode?: string,
  ) {
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
