// The supervisor and admin screens talk to the server's staff API through the desk: the
// desk adds the session token (the renderer never holds it) and hands back the answer.
// These screens are online-only by nature (a report, a user list, a rules preview are
// the server's, not the cache's), so nothing here is queued: offline is an error the
// screen shows. Downloads (exports) stream with progress events and can be cancelled.
import type { StaffDownload, StaffRequest, StaffResponse } from '../../shared/desk-api'
import { LIMITS } from '../../shared/limits'
import { DeskCoreError, ServerUnreachableError, SessionExpiredError } from './errors'

const REQUEST_TIMEOUT_MS = 60_000
/** A large export may take minutes; the officer can cancel it. */
const DOWNLOAD_TIMEOUT_MS = 15 * 60_000

export interface DownloadProgress {
  id: string
  receivedBytes: number
  totalBytes: number | null
}

function urlOf(serverUrl: string, path: string, query: Record<string, string> | undefined): URL {
  const url = new URL(path, serverUrl)
  // The path is checked by the desk API contract; this also refuses anything URL parsing re-wrote.
  if (url.pathname !== path) throw new DeskCoreError('invalid-input', `Not a server path: ${path}`)
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value)
  return url
}

function filenameOf(disposition: string | null, path: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '')
  const name = match?.[1] ? decodeURIComponent(match[1]) : (path.split('/').pop() ?? 'download')
  // Only a plain file name goes to the renderer (no directories, no control characters).
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, LIMITS.nameChars * 2)
}

export class StaffRelay {
  private readonly downloads = new Map<string, AbortController>()

  constructor(
    private readonly serverUrl: string,
    private readonly fetchImpl: typeof fetch,
    private readonly token: string,
    private readonly lifetime: AbortSignal,
    private readonly progress: (p: DownloadProgress) => void,
  ) {}

  async request(req: StaffRequest): Promise<StaffResponse> {
    const response = await this.send(urlOf(this.serverUrl, req.path, req.query), {
      method: req.method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
      signal: AbortSignal.any([AbortSignal.timeout(REQUEST_TIMEOUT_MS), this.lifetime]),
    })
    if (response.status === 401) throw new SessionExpiredError('The session has expired; sign in again.')
    const text = await response.text()
    let body: unknown = null
    if (text) {
      try {
        body = JSON.parse(text) as unknown
      } catch {
        body = { error: 'unreadable', message: `The server sent an unreadable answer (${response.status})` }
      }
    }
    if (response.status >= 500)
      throw new DeskCoreError('server', `The server failed (${response.status}); try again in a moment.`)
    return { status: response.status, body }
  }

  async download(id: string, path: string, query: Record<string, string> | undefined): Promise<StaffDownload> {
    if (this.downloads.has(id)) throw new DeskCoreError('invalid-input', `A download ${id} is already running`)
    const cancel = new AbortController()
    this.downloads.set(id, cancel)
    try {
      const response = await this.send(urlOf(this.serverUrl, path, query), {
        method: 'GET',
        headers: { authorization: `Bearer ${this.token}` },
        signal: AbortSignal.any([AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), this.lifetime, cancel.signal]),
      })
      if (response.status === 401) throw new SessionExpiredError('The session has expired; sign in again.')
      if (!response.ok || !response.body) {
        let message = `The server answered ${response.status}`
        try {
          const body = (await response.json()) as { message?: unknown }
          if (typeof body.message === 'string') message = body.message
        } catch {
          // keep the status line
        }
        throw new DeskCoreError(response.status >= 500 ? 'server' : 'invalid-input', message)
      }
      const length = Number(response.headers.get('content-length'))
      const totalBytes = Number.isFinite(length) && length > 0 ? length : null
      const chunks: Buffer[] = []
      let receivedBytes = 0
      const reader = response.body.getReader()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        receivedBytes += value.byteLength
        if (receivedBytes > LIMITS.downloadBytes) {
          cancel.abort()
          throw new DeskCoreError('server', `The export is larger than ${LIMITS.downloadBytes} bytes; narrow the range`)
        }
        chunks.push(Buffer.from(value))
        this.progress({ id, receivedBytes, totalBytes })
      }
      const bytes = Buffer.concat(chunks)
      return {
        filename: filenameOf(response.headers.get('content-disposition'), path),
        contentType: response.headers.get('content-type') ?? 'application/octet-stream',
        bytes: bytes.byteLength,
        base64: bytes.toString('base64'),
      }
    } catch (error) {
      if (cancel.signal.aborted && !(error instanceof DeskCoreError))
        throw new DeskCoreError('invalid-input', 'The download was cancelled')
      throw error
    } finally {
      this.downloads.delete(id)
    }
  }

  /** Stops a running download (its staff.download call fails with "cancelled"); unknown ids are fine. */
  cancel(id: string): void {
    this.downloads.get(id)?.abort()
  }

  private async send(url: URL, init: RequestInit): Promise<Response> {
    try {
      return await this.fetchImpl(url, init)
    } catch (error) {
      if (this.lifetime.aborted) throw new DeskCoreError('unauthorised', 'The session has ended')
      const reason = (init.signal?.reason ?? null) as Error | null
      // A cancel is the caller's to report; a timeout means the server is not answering.
      if (init.signal?.aborted && reason?.name !== 'TimeoutError') throw error
      const why =
        reason?.name === 'TimeoutError'
          ? 'it did not answer in time'
          : error instanceof Error
            ? error.cause instanceof Error
              ? error.cause.message
              : error.message
            : String(error)
      throw new ServerUnreachableError(`Cannot reach the server at ${this.serverUrl}: ${why}`)
    }
  }
}
