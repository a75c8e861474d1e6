// The desk window: sandboxed renderer, one preload, strict CSP, no navigation or popups
// away from our own pages. The built renderer is served from app://desk/ (see
// ./desk/app-protocol.ts), never file://; links open in the system browser only when
// the allow-list in ./desk/external-links.ts says so.
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BrowserWindow, protocol, session, shell, type WebContents } from 'electron'
import { APP_INDEX_URL, APP_ORIGIN, APP_SCHEME, mimeTypeFor, resolveAppPath } from './desk/app-protocol'

const here = dirname(fileURLToPath(import.meta.url))
const RENDERER_DIR = join(here, '../renderer')
/** Set by electron-vite in development (the Vite dev server). */
const DEV_SERVER_URL = process.env.ELECTRON_RENDERER_URL

const CSP =
  "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'"

/** Is this URL one of our own pages (the built renderer, or the dev server)? */
export function isAppUrl(url: string): boolean {
  if (DEV_SERVER_URL && url.startsWith(new URL(DEV_SERVER_URL).origin + '/')) return true
  return url.startsWith(`${APP_ORIGIN}/`)
}

/**
 * Must run before the app is ready: app:// behaves as a secure, standard origin (so
 * 'self' in the CSP, relative URLs and fetch of our own assets work); nothing more.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves app://desk/… from the renderer's build folder, with its MIME type and the CSP. */
export function serveAppScheme(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(request.url, RENDERER_DIR)
    if (!file || request.method !== 'GET') return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(new Uint8Array(body), {
        headers: {
          'content-type': mimeTypeFor(file),
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff',
        },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}

export function installContentSecurityPolicy(): void {
  // The renderer needs no camera, geolocation, etc.; notifications come from main.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  // The dev server needs its HMR socket and React refresh preamble; production is strict.
  if (DEV_SERVER_URL) return
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } })
  })
}

/** Applied to every WebContents the app ever creates; `allowExternal` is the link allow-list. */
export function lockDownNavigation(contents: WebContents, allowExternal: (url: string) => boolean): void {
  const openOutside = (url: string) => {
    if (allowExternal(url)) void shell.openExternal(url)
  }
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return
    event.preventDefault()
    openOutside(url)
  }
  contents.on('will-navigate', stayHome)
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  // No window is ever opened by the renderer: allowed links go to the system browser.
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url)
    return { action: 'deny' }
  })
}

export function createDeskWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Seva Desk',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(DEV_SERVER_URL ?? APP_INDEX_URL)
  return window
}
