// The supervisor and admin screens' door to the server (through the desk, which adds the
// session token): `staffGet`/`staffSend` validate the answer with the capability's zod
// schema from src/shared, and a refusal (4xx) arrives as a StaffApiError carrying the
// server's own message, for the form to show beside the field it is about.
import type { z } from 'zod'
import type { StaffDownload, StaffRequest } from '../../../shared/desk-api'
import { invokeDesk, onDeskEvent } from './bridge'

export class StaffApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'StaffApiError'
  }
}

function refusal(status: number, body: unknown): StaffApiError {
  const b = (body ?? {}) as { error?: unknown; message?: unknown }
  return new StaffApiError(
    status,
    typeof b.error === 'string' ? b.error : 'refused',
    typeof b.message === 'string' ? b.message : `The server answered ${status}`,
  )
}

export async function staffCall<S extends z.ZodType>(schema: S, request: StaffRequest): Promise<z.infer<S>> {
  const { status, body } = await invokeDesk('staff.request', request)
  if (status < 200 || status >= 300) throw refusal(status, body)
  const parsed = schema.safeParse(body)
  if (!parsed.success)
    throw new StaffApiError(status, 'bad_answer', `The server's answer to ${request.path} does not match the protocol`)
  return parsed.data
}

export function staffGet<S extends z.ZodType>(
  schema: S,
  path: string,
  query?: Record<string, string>,
): Promise<z.infer<S>> {
  return staffCall(schema, { method: 'GET', path, ...(query ? { query } : {}) })
}

export function staffSend<S extends z.ZodType>(
  schema: S,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<z.infer<S>> {
  return staffCall(schema, { method, path, ...(body !== undefined ? { body } : {}) })
}

/**
 * Downloads an export through the desk and hands it to the browser's own save (works in
 * Electron and the browser desk alike). `onProgress` gets bytes so far and the total when known.
 */
export async function downloadExport(
  id: string,
  path: string,
  query: Record<string, string>,
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void,
): Promise<StaffDownload> {
  const stop = onDeskEvent((event) => {
    if (event.type === 'download-progress' && event.id === id) onProgress?.(event.receivedBytes, event.totalBytes)
  })
  try {
    const file = await invokeDesk('staff.download', { id, path, query })
    saveFile(file)
    return file
  } finally {
    stop()
  }
}

export function cancelDownload(id: string): Promise<unknown> {
  return invokeDesk('staff.download-cancel', { id })
}

/** Hands a file to the browser's own save (the download attribute), in Electron and the browser desk alike. */
export function saveFile(file: StaffDownload): void {
  const binary = atob(file.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
