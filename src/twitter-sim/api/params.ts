// Query-parameter validation with X's 400 answers.

import { decodePageToken, isNumericId } from '../ids'
import { invalidRequest, type ApiError } from '../problems'

export function intParam(
  params: URLSearchParams,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number | ApiError {
  const raw = params.get(name)
  if (raw === null) return fallback
  const value = Number(raw)
  if (!/^-?[0-9]+$/.test(raw) || value < min || value > max) {
    return invalidRequest(`The \`${name}\` query parameter value [${raw}] is not between ${min} and ${max}`, name, raw)
  }
  return value
}

export function idParam(params: URLSearchParams, name: string): string | undefined | ApiError {
  const raw = params.get(name)
  if (raw === null) return undefined
  if (!isNumericId(raw)) {
    return invalidRequest(`The \`${name}\` query parameter value [${raw}] does not match ^[0-9]{1,19}$`, name, raw)
  }
  return raw
}

/** pagination_token / next_token: opaque to clients, an id cursor to us. */
export function cursorParam(params: URLSearchParams, ...names: string[]): string | undefined | ApiError {
  for (const name of names) {
    const raw = params.get(name)
    if (raw === null) continue
    const id = decodePageToken(raw)
    if (id === undefined)
      return invalidRequest(`The \`${name}\` query parameter value [${raw}] is not valid`, name, raw)
    return id
  }
  return undefined
}

export function timeParam(params: URLSearchParams, name: string): number | undefined | ApiError {
  const raw = params.get(name)
  if (raw === null) return undefined
  const ms = Date.parse(raw)
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) || Number.isNaN(ms)) {
    return invalidRequest(`The \`${name}\` query parameter value [${raw}] is not a valid RFC 3339 date-time`, name, raw)
  }
  return ms
}

export function isError<T>(value: T | ApiError): value is ApiError {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value
}
