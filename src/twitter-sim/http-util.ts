// Small node:http helpers: JSON bodies in and out, and a path-pattern router.

import type { IncomingMessage, ServerResponse } from 'node:http'

const MAX_BODY_BYTES = 1024 * 1024

export class BodyError extends Error {
  override readonly name = 'BodyError'
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    if (size > MAX_BODY_BYTES) throw new BodyError('request body is larger than 1 MiB')
    chunks.push(buf)
  }
  const raw = Buffer.concat(chunks).toString('utf8').trim()
  if (raw.length === 0) return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    throw new BodyError('request body is not valid JSON')
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return
  const payload = JSON.stringify(body)
  const contentType =
    status >= 400 && isProblem(body) ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8'
  res.writeHead(status, {
    ...headers,
    'content-type': contentType,
    'content-length': Buffer.byteLength(payload),
  })
  res.end(payload)
}

function isProblem(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'type' in body && 'title' in body
}

export interface RouteMatch<H> {
  handler: H
  key: string
  params: Record<string, string>
}

interface Route<H> {
  method: string
  segments: string[]
  key: string
  handler: H
}

/** First-match router over "/a/:param/b" patterns; register specific paths before generic ones. */
export class Router<H> {
  private readonly routes: Route<H>[] = []

  add(method: string, pattern: string, handler: H): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), key: `${method} ${pattern}`, handler })
    return this
  }

  match(method: string, pathname: string): RouteMatch<H> | undefined {
    const parts = pathname.split('/').filter(Boolean)
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue
      const params: Record<string, string> = {}
      let ok = true
      for (let i = 0; i < parts.length; i++) {
        const seg = route.segments[i]!
        if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(parts[i]!)
        else if (seg !== parts[i]) {
          ok = false
          break
        }
      }
      if (ok) return { handler: route.handler, key: route.key, params }
    }
    return undefined
  }

  pathExists(pathname: string): boolean {
    return ['GET', 'POST', 'DELETE', 'PUT'].some((m) => this.match(m, pathname) !== undefined)
  }
}
