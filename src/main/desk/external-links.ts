// Which links the desk hands to the system browser. A tweet's text is the citizen's, and
// a compromised renderer could ask for anything: only X itself and our own server's host
// are opened; every other address (file:, custom schemes, lookalike hosts) is refused.
const X_HOSTS = ['x.com', 'twitter.com'] as const

function hostIs(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`)
}

/** May this URL be opened outside the desk? `serverUrl` is the configured central server, if any. */
export function isExternalLinkAllowed(raw: string, serverUrl: string | null | undefined): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  // user:pass@host hides the real host from a glance at the link.
  if (url.username || url.password) return false
  const host = url.hostname.toLowerCase().replace(/\.$/, '')
  if (url.protocol === 'https:' && X_HOSTS.some((domain) => hostIs(host, domain))) return true
  if (!serverUrl) return false
  let server: URL
  try {
    server = new URL(serverUrl)
  } catch {
    return false
  }
  // The server's own pages, over the same scheme it is reached by (https, or http on loopback).
  return url.protocol === server.protocol && host === server.hostname.toLowerCase()
}
