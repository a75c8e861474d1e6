// The renderer is served from app://desk/… rather than file://: a file: page may read any
// file the user can, and every file: URL is one origin. These pure helpers map an app://
// request onto the renderer's build folder and nothing outside it.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
}

/** The Content-Type of a renderer file; unknown kinds are sent as bytes, never sniffed as HTML. */
export function mimeTypeFor(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file under `root` an app:// URL names, or null when it names anything else: another
 * scheme or host, a path that climbs out (also when percent-encoded), a NUL, a backslash
 * (a separator on Windows), or the folder itself.
 */
export function resolveAppPath(requestUrl: string, root: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.username || url.password) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null // Broken percent-encoding.
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((part) => part === '..')) return null
  if (path === '/' || path === '') path = '/index.html'
  const base = resolve(root)
  const file = resolve(base, `.${path}`)
  const inside = relative(base, file)
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null
  return file
}
