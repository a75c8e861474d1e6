// The browser desk host: secret and Origin checks, static files with CSP, the request /
// answer protocol over the WebSocket, events, and the served bridge script itself.
import { mkdir, writeFile } from 'node:fs/promises'
import { get } from 'node:http'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { BROWSER_DESK_CSP, injectBridge, startBrowserDesk, type BrowserDesk } from '../../src/main/desk/browser-host'
import { LIMITS } from '../../src/shared/limits'
import type { DeskEvent, SevaBridge } from '../../src/shared/desk-api'
import { FAST_TIMING, tempDir, waitFor } from './helpers'
import { MOCK_PASSWORD, MockSyncServer, makeGrievance } from './mock-sync-server'

const INDEX_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Seva</title>
<script type="module" crossorigin src="./assets/app.js"></script></head><body><div id="root"></div></body></html>`

let server: MockSyncServer
let desk: BrowserDesk
let dirs: { remove: () => Promise<void> }[] = []
let origin: string
let secret: string
const hostLogs: string[] = []

beforeAll(async () => {
  server = await new MockSyncServer().start()
  server.upsert(makeGrievance('g1'))
  const renderer = await tempDir('seva-renderer-')
  const data = await tempDir()
  dirs = [renderer, data]
  await mkdir(join(renderer.dir, 'assets'))
  await writeFile(join(renderer.dir, 'index.html'), INDEX_HTML)
  await writeFile(join(renderer.dir, 'assets', 'app.js'), 'console.log("app")')
  desk = await startBrowserDesk({
    serverUrl: server.url,
    dataDir: data.dir,
    rendererDir: renderer.dir,
    core: { timing: FAST_TIMING, log: (level, message) => void hostLogs.push(`${level}: ${message}`) },
  })
  const url = new URL(desk.url)
  origin = url.origin
  secret = url.searchParams.get('k')!
})

afterAll(async () => {
  await desk.close()
  await server.close()
  await Promise.all(dirs.map((d) => d.remove()))
})

function rawStatus(path: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port: desk.port, path }, (res) => {
      res.resume()
      resolve(res.statusCode)
    }).on('error', reject)
  })
}

function connect(opts: { key?: string; origin?: string } = {}): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${desk.port}/seva-ws?k=${opts.key ?? secret}`, {
    origin: opts.origin ?? origin,
  })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

function request(ws: WebSocket, id: number, method: string, input: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (raw: WebSocket.RawData) => {
      const data = JSON.parse(raw.toString()) as Record<string, unknown>
      if (data.id === id) {
        ws.off('message', onMessage)
        resolve(data)
      }
    }
    ws.on('message', onMessage)
    ws.send(JSON.stringify({ id, method, input }))
  })
}

describe('static files', () => {
  it('serves index.html only with the secret, with the CSP and the bridge before the app', async () => {
    expect(desk.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?k=[0-9a-f]{64}$/)
    expect((await fetch(`${origin}/`)).status).toBe(403)
    expect((await fetch(`${origin}/?k=${'0'.repeat(64)}`)).status).toBe(403)
    const page = await fetch(desk.url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(BROWSER_DESK_CSP)
    const html = await page.text()
    expect(html.indexOf('<script src="/seva-bridge.js"></script>')).toBeGreaterThan(-1)
    // Classic script before the module script: window.seva exists when the app starts.
    expect(html.indexOf('/seva-bridge.js')).toBeLessThan(html.indexOf('./assets/app.js'))
    expect(html.indexOf('./assets/app.js')).toBeGreaterThan(-1)
    expect(injectBridge('<html><head></head></html>')).toBe(
      '<html><head><script src="/seva-bridge.js"></script></head></html>',
    )
  })

  it('serves assets and the bridge, and nothing outside the renderer dir', async () => {
    const asset = await fetch(`${origin}/assets/app.js`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toMatch(/javascript/)
    expect(await asset.text()).toBe('console.log("app")')
    const bridge = await fetch(`${origin}/seva-bridge.js`)
    expect(await bridge.text()).toContain('window.seva')
    // Raw paths (fetch would normalise the dots away before sending).
    expect(await rawStatus('/assets/..%2f..%2f..%2f..%2fetc%2fhosts.js')).toBe(404)
    expect(await rawStatus('/.env.js')).toBe(404)
    expect((await fetch(`${origin}/missing.js`)).status).toBe(404)
  })
})

describe('the desk socket', () => {
  it('refuses a wrong secret and a foreign Origin', async () => {
    await expect(connect({ key: 'f'.repeat(64) })).rejects.toThrow('refused 401')
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow('refused 403')
    await expect(connect({ origin: 'http://localhost:1' })).rejects.toThrow('refused 403')
    await expect(connect({ origin: `http://127.0.0.1:${desk.port + 1}` })).rejects.toThrow('refused 403')
    await expect(connect({ origin: 'null' })).rejects.toThrow('refused 403')
    ;(await connect({ origin: `http://localhost:${desk.port}` })).close()
  })

  it('answers requests with the same id, errors with a code, and delivers events', async () => {
    const ws = await connect()
    const events: DeskEvent[] = []
    ws.on('message', (raw) => {
      const data = JSON.parse(raw.toString()) as { event?: DeskEvent }
      if (data.event) events.push(data.event)
    })
    expect(await request(ws, 1, 'session.get', {})).toEqual({
      id: 1,
      ok: true,
      output: { user: null, serverUrl: server.url },
    })
    expect(await request(ws, 2, 'grievances.get', { id: 7 })).toMatchObject({
      id: 2,
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await request(ws, 3, 'session.login', { username: 'officer.cyber', password: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorised', message: 'Wrong username or password' },
    })
    const login = await request(ws, 4, 'session.login', { username: 'officer.cyber', password: MOCK_PASSWORD })
    expect(login).toMatchObject({ ok: true, output: { user: { username: 'officer.cyber' } } })
    await waitFor(
      () => events.some((e) => e.type === 'session' && e.session.user?.username === 'officer.cyber'),
      'session event',
    )
    await waitFor(() => events.some((e) => e.type === 'grievances-changed' && e.ids.includes('g1')), 'grievances event')
    ws.send('not json')
    ws.send(JSON.stringify({ id: 5, method: 'fs.readFile', input: {} }))
    expect(await request(ws, 6, 'sync.state', {})).toMatchObject({ ok: true, output: { pending: 0 } })
    ws.close()
  })

  it('closes a socket that sends a frame over the limit and keeps serving everyone else', async () => {
    const bystander = await connect()
    const offender = await connect()
    const closed = new Promise<number>((resolve) => offender.once('close', (code) => resolve(code)))
    offender.on('error', () => undefined) // the client side sees the close too
    const text = JSON.stringify({ id: 1, method: 'sync.state', input: {} })
    // The audit's frame: 1 MiB + 10 bytes.
    offender.send(text + ' '.repeat(1024 * 1024 + 10 - text.length))
    expect(await closed).toBe(1009) // "message too big", chosen by ws, not a crash
    expect(hostLogs.some((l) => l.startsWith('warn: desk socket') && l.includes('Max payload size exceeded'))).toBe(
      true,
    )
    // The process is alive: the open socket still answers, and a new one connects.
    expect(await request(bystander, 2, 'sync.state', {})).toMatchObject({ id: 2, ok: true })
    const next = await connect()
    expect(await request(next, 3, 'session.get', {})).toMatchObject({ id: 3, ok: true })
    bystander.close()
    next.close()
  })

  it('answers a request over the message limit with an error and keeps the socket', async () => {
    const ws = await connect()
    const text = JSON.stringify({ id: 7, method: 'sync.state', input: {} })
    const answer = new Promise<Record<string, unknown>>((resolve) =>
      ws.once('message', (raw) => resolve(JSON.parse(raw.toString()) as Record<string, unknown>)),
    )
    ws.send(text + ' '.repeat(LIMITS.deskMessageBytes + 1 - text.length))
    expect(await answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining(`at most ${LIMITS.deskMessageBytes} bytes`) },
    })
    expect(await request(ws, 8, 'sync.state', {})).toMatchObject({ id: 8, ok: true })
    ws.close()
  })

  it('runs the served bridge script as window.seva', async () => {
    const source = await (await fetch(`${origin}/seva-bridge.js`)).text()
    const pageOrigin = origin
    // The browser sends the page's Origin on its own; ws needs to be told.
    class BrowserLikeWebSocket extends WebSocket {
      constructor(url: string) {
        super(url, { origin: pageOrigin })
      }
    }
    const window: { seva?: SevaBridge } = {}
    const url = new URL(desk.url)
    runInNewContext(source, {
      window,
      location: { protocol: 'http:', host: url.host, search: url.search },
      URLSearchParams,
      WebSocket: BrowserLikeWebSocket,
      setTimeout,
      clearTimeout,
      console,
    })
    const seva = window.seva!
    const seen: DeskEvent[] = []
    const off = seva.onEvent((e) => seen.push(e))
    const session = await seva.invoke('session.get', {})
    expect(session.user?.username).toBe('officer.cyber')
    await expect(seva.invoke('grievances.get', { id: 'missing' })).resolves.toBeNull()
    await expect(
      seva.invoke('actions.submit', { grievanceId: 'missing', body: { type: 'claim' } }),
    ).rejects.toMatchObject({
      code: 'not-found',
    })
    const { grievance } = await seva.invoke('actions.submit', {
      grievanceId: 'g1',
      body: { type: 'note', text: 'from the bridge' },
    })
    expect(grievance.thread.at(-1)?.text).toBe('from the bridge')
    // The audit: 1.1 MB pasted into the composer. Refused before it is sent; the socket stays.
    await expect(
      seva.invoke('actions.submit', { grievanceId: 'g1', body: { type: 'note', text: 'x'.repeat(1_100_000) } }),
    ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('too large for the desk') })
    expect((await seva.invoke('sync.state', {})).status).not.toBe('logged-out')
    await waitFor(() => seen.some((e) => e.type === 'grievances-changed'), 'event through the bridge')
    off()
  })
})
