// Which server addresses the desk will talk to. Off this machine the connection carries
// passwords and session tokens, so it must be TLS (https://); plain http:// is allowed
// only to loopback (the demo, a local server, a tunnel the admin set up).
import { isIPv4 } from 'node:net'
import { DeskCoreError } from './errors'

/** 127.0.0.0/8, ::1 and localhost, as a WHATWG URL spells the host (IPv6 in brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  if (host === 'localhost' || host === '[::1]') return true
  return isIPv4(host) && host.startsWith('127.')
}

/** The server address in canonical form (origin + path, no trailing slash), or a clear refusal. */
export function normaliseServerUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new DeskCoreError('invalid-input', `Not a server address: ${raw}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DeskCoreError('invalid-input', `The server address must start with https:// (got ${raw})`)
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new DeskCoreError(
      'invalid-input',
      `Refusing ${url.origin}: passwords and session tokens would travel unencrypted. ` +
        `Use the server's https:// address (plain http:// is allowed only to this computer, e.g. http://127.0.0.1).`,
    )
  }
  return url.origin + url.pathname.replace(/\/+$/, '')
}
