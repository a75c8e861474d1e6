// Shared test helpers: a fetch wrapper for the simulator and an OpenAPI validator
// built from the real X spec.

import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

export const SPEC_PATH = new URL('../../../shared/x-api/openapi.json', import.meta.url)

let ajv: Ajv | undefined
const validators = new Map<string, ValidateFunction>()

/** Validates against `#/components/schemas/<name>` of the X spec; returns ajv's errors or []. */
export function schemaErrors(name: string, value: unknown): string[] {
  if (!ajv) {
    const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Record<string, unknown>
    ajv = new Ajv({ strict: false, allErrors: true })
    addFormats.default(ajv)
    ajv.addSchema(spec, 'x')
  }
  let validate = validators.get(name)
  if (!validate) {
    validate = ajv.getSchema(`x#/components/schemas/${name}`)
    if (!validate) throw new Error(`no schema ${name} in the spec`)
    validators.set(name, validate)
  }
  if (validate(value)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`)
}

export interface Answer<T = Record<string, unknown>> {
  status: number
  headers: Headers
  body: T
}

export const APP = 'Bearer app-token'
export const asUser = (username: string): string => `Bearer sim-user-${username}`

export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  options: { auth?: string | null; body?: unknown } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {}
  const auth = options.auth === undefined ? APP : options.auth
  if (auth !== null) headers.authorization = auth
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(base + path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T }
}

/** A problem body as X sends it (RFC 7807 fields). */
export function expectProblemShape(body: Record<string, unknown>, status: number): void {
  if (typeof body.title !== 'string' || typeof body.type !== 'string' || typeof body.detail !== 'string') {
    throw new Error(`not a problem body: ${JSON.stringify(body)}`)
  }
  if (body.status !== undefined && body.status !== status)
    throw new Error(`problem status ${String(body.status)} != ${status}`)
}
