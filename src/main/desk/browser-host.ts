// The browser desk host: serves the built renderer on loopback and implements
// `window.seva` over a WebSocket, so the same UI runs in a plain browser (machines
// without Electron, end-to-end tests in Chromium). No electron import here.
//
// Security, because any web page the officer visits could try to reach a loopback port:
// - a per-run secret (32 random bytes, hex) is part of the printed URL (`?k=`);
//   index.html is served only with it, and the WebSocket only accepts it in its URL;
// - the WebSocket refuses any Origin other than this host's own origin;
// - the Host header must name the loopback address (defeats DNS rebinding);
// - HTML carries a strict CSP. Static assets (the public build) need no secret.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { DESK_METHODS, type DeskEvent, type DeskMethod } from '../../shared/desk-api'
import { LIMITS } from '../../shared/limits'
import { BRIDGE_SCRIPT } from './bridge-script'
import { createDeskCore, type DeskCore, type DeskCoreOptions, type DeskLogger } from './desk-core'
import { DeskCoreError, toDeskError } from './errors'

export const BROWSER_DESK_CSP =
  "default-src 'self'; connect-src 'self' ws://127.0.0.1:*; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'"

export const BRIDGE_PATH = '/seva-bridge.js'
export const SOCKET_PATH = '/seva-ws'
/**
 * Frames above this are cut off by `ws` itself (the socket is closed with 1009); requests
 * between LIMITS.deskMessageBytes and this are answered with an error and the socket stays.
 */
export const MAX_FRAME_BYTES = 4 * LIMITS.deskMessageBytes
/** RFC 6455 1008: the message broke this host's rules. */
const CLOSE_POLICY_VIOLATION = 1008

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
}

export interface BrowserDeskOptions {
  port?: number
  host?: '127.0.0.1'
  serverUrl: string
  dataDir: string
  /** The built renderer (out/renderer). */
  rendererDir: string
  secret?: string
  /** Passed through to the desk core (tests: timings, fetch, logger). */
  core?: Omit<DeskCoreOptions, 'dataDir' | 'serverUrl'>
}

export interface BrowserDesk {
  /** Includes the per-run secret, e.g. http://127.0.0.1:4030/?k=SECRET */
  url: string
  port: number
  close(): Promise<void>
  core: DeskCore
}

/** One request on the socket: `{ id, method, input }`; answered with the same id. */
interface DeskRequest {
  id: number | string
  method: DeskMethod
  input: unknown
}

export async function startBrowserDesk(opts: BrowserDeskOptions): Promise<BrowserDesk> {
  const host = opts.host ?? '127.0.0.1'
  const secret = opts.secret ?? randomBytes(32).toString('hex')
  const rendererDir = resolve(opts.rendererDir)
  const core = createDeskCore({ ...opts.core, dataDir: opts.dataDir, serverUrl: opts.serverUrl })
  const log: DeskLogger = opts.core?.log ?? ((level, message) => console.error(`[desk host] ${level}: ${message}`))
  let port = 0
  const ownOrigin = () => `http://${host}:${port}`
  const allowedHosts = () => [`${host}:${port}`, `localhost:${port}`]

  const server = createServer((req, res) => {
    void serveHttp(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendText(res, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}`)
      else res.destroy()
    })
  })

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().includes(req.headers.host ?? '')) return sendText(res, 421, 'Wrong host')
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed')
    const url = new URL(req.url ?? '/', ownOrigin())
    if (url.pathname === BRIDGE_PATH) {
      return send(res, 200, 'text/javascript; charset=utf-8', BRIDGE_SCRIPT, { 'cache-control': 'no-store' })
    }
    const isPage = url.pathname === '/' || url.pathname === '/index.html' || extname(url.pathname) === ''
    if (isPage) {
      if (!secretMatches(url.searchParams.get('k'), secret)) {
        return sendText(res, 403, 'Open the desk with the link printed when the desk host started (it carries a key).')
      }
      let html: string
      try {
        html = await readFile(join(rendererDir, 'index.html'), 'utf-8')
      } catch {
        return sendText(
          res,
          500,
          `The renderer is not built: ${join(rendererDir, 'index.html')} is missing (run npm run build:renderer).`,
        )
      }
      return send(res, 200, CONTENT_TYPES['.html']!, injectBridge(html), {
        'content-security-policy': BROWSER_DESK_CSP,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      })
    }
    const file = staticFile(rendererDir, url.pathname)
    if (!file) return sendText(res, 404, 'Not found')
    let content: Buffer
    try {
      content = await readFile(file)
    } catch {
      return sendText(res, 404, 'Not found')
    }
    return send(res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', content, {
      'x-content-type-options': 'nosniff',
    })
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
  })
  // An EventEmitter without an 'error' listener throws: one bad client would take the
  // whole desk (and its outbox writes) down. Log, drop that client, serve the others.
  wss.on('error', (error) => log('warn', `desk socket server: ${error.message}`))
  server.on('clientError', (error, socket) => {
    log('warn', `desk http client: ${error.message}`)
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', (error) => {
      log('warn', `desk socket connection: ${error.message}`)
      socket.destroy()
    })
    const url = new URL(req.url ?? '/', ownOrigin())
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    }
    if (url.pathname !== SOCKET_PATH) return refuse(404, 'Not Found')
    if (!allowedHosts().includes(req.headers.host ?? '')) return refuse(421, 'Misdirected Request')
    // Only pages served by this host: its origin under either loopback name.
    if (!allowedHosts().some((h) => req.headers.origin === `http://${h}`)) return refuse(403, 'Forbidden')
    if (!secretMatches(url.searchParams.get('k'), secret)) return refuse(401, 'Unauthorized')
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  wss.on('connection', (ws: WebSocket) => {
    const unsubscribe = core.onEvent((event: DeskEvent) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event }))
    })
    ws.on('close', unsubscribe)
    ws.on('error', (error: Error & { code?: string }) => {
      // `ws` has already started closing with the matching code (1009 for a frame over
      // maxPayload, 1002/1007 for protocol errors); make sure the socket goes.
      log('warn', `desk socket: ${error.code ?? error.name}: ${error.message}; closing that connection`)
      if (ws.readyState === ws.OPEN) ws.close(CLOSE_POLICY_VIOLATION, 'Bad frame')
      setTimeout(() => ws.terminate(), 1_000).unref()
    })
    ws.on('message', (raw, isBinary) => {
      void answer(ws, raw, isBinary)
    })
  })

  async function answer(ws: WebSocket, raw: RawData, isBinary: boolean): Promise<void> {
    const reply = (body: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(body))
    }
    let request: DeskRequest
    try {
      request = parseRequest(raw, isBinary)
    } catch (error) {
      reply({ id: null, ok: false, error: toDeskError(error) })
      return
    }
    let answerBody: unknown
    try {
      const output = await core.handle(request.method, request.input)
      answerBody = { id: request.id, ok: true, output }
    } catch (error) {
      answerBody = { id: request.id, ok: false, error: toDeskError(error) }
    }
    reply(answerBody)
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject)
      resolvePromise()
    })
  })
  port = (server.address() as AddressInfo).port

  return {
    url: `${ownOrigin()}/?k=${secret}`,
    port,
    core,
    async close() {
      for (const client of wss.clients) client.terminate()
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
      await core.close()
    },
  }
}

/**
 * Puts the bridge first in <head>: a classic script runs as it is parsed, before the
 * app's (deferred) module script, so `window.seva` exists when the app starts. The
 * renderer's index.html needs nothing special for the browser desk.
 */
export function injectBridge(html: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`
  const head = /<head(\s[^>]*)?>/i.exec(html)
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length)
  return html.includes('</head>') ? html.replace('</head>', `${tag}</head>`) : `${tag}\n${html}`
}

function parseRequest(raw: RawData, isBinary: boolean): DeskRequest {
  if (isBinary) throw new DeskCoreError('invalid-input', 'A desk request must be a text frame')
  const buffer = Array.isArray(raw) ? Buffer.concat(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw)
  if (buffer.byteLength > LIMITS.deskMessageBytes) {
    throw new DeskCoreError(
      'invalid-input',
      `A desk request may be at most ${LIMITS.deskMessageBytes} bytes (this one is ${buffer.byteLength}); nothing was done`,
    )
  }
  const text = buffer.toString('utf-8')
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new DeskCoreError('invalid-input', 'A desk request must be JSON')
  }
  const candidate = data as Partial<DeskRequest> | null
  if (
    !candidate ||
    (typeof candidate.id !== 'number' && typeof candidate.id !== 'string') ||
    typeof candidate.method !== 'string' ||
    !DESK_METHODS.includes(candidate.method)
  ) {
    throw new DeskCoreError('invalid-input', `Not a desk request (or an unknown method): ${text.slice(0, 100)}`)
  }
  return { id: candidate.id, method: candidate.method, input: candidate.input }
}

function secretMatches(given: string | null, secret: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** A path inside the renderer dir, or null (no traversal, no dotfiles). */
function staticFile(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.'))) return null
  const file = normalize(join(root, decoded))
  return file.startsWith(root + sep) ? file : null
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, ...headers })
  res.end(res.req.method === 'HEAD' ? undefined : body)
}

function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, 'text/plain; charset=utf-8', text)
}
