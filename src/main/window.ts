// The desk window: sandboxed renderer, one preload, strict CSP, no navigation or popups
// away from our own pages (links to X open in the system browser instead).
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BrowserWindow, session, shell, type WebContents } from 'electron'

const here = dirname(fileURLToPath(import.meta.url))
const RENDERER_INDEX = join(here, '../renderer/index.html')
/** Set by electron-vite in development (the Vite dev server). */
const DEV_SERVER_URL = process.env.ELECTRON_RENDERER_URL

const CSP =
  "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'"

/** Is this URL one of our own pages (the built renderer, or the dev server)? */
export function isAppUrl(url: string): boolean {
  if (DEV_SERVER_URL && url.startsWith(new URL(DEV_SERVER_URL).origin + '/')) return true
  const rendererDir = pathToFileURL(dirname(RENDERER_INDEX)).href + '/'
  return url.startsWith(rendererDir)
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

/** Applied to every WebContents the app ever creates. */
export function lockDownNavigation(contents: WebContents): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault()
  }
  contents.on('will-navigate', stayHome)
  contents.on('will-redirect', stayHome)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
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
  if (DEV_SERVER_URL) void window.loadURL(DEV_SERVER_URL)
  else void window.loadFile(RENDERER_INDEX)
  return window
}
