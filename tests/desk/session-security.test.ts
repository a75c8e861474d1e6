// The desk's side of session security: sign-out revokes the token on the server (and
// still signs out when the server is unreachable), the token travels only in the
// Authorization header, and plain http:// is refused off loopback.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normaliseServerUrl } from '../../src/main/desk/index'
import { isLoopbackHost } from '../../src/main/desk/server-url'
import { cores, data, server, startCore, useMockServerAndDataDir, waitFor } from './helpers'
import { MOCK_PASSWORD } from './mock-sync-server'

useMockServerAndDataDir()

function open(extra: object = {}) {
  const started = startCore({ dataDir: data.dir, serverUrl: server.url, ...extra })
  cores.push(started.core)
  return started
}

async function tokenOnDisk(): Promise<string> {
  return (await readFile(join(data.dir, 'session-token'), 'utf-8')).trim()
}

describe('sign-out', () => {
  it('revokes the token on the server, then drops the local session', async () => {
    const { core } = open()
    await core.handle('session.login', { username: 'officer.cyber', password: MOCK_PASSWORD })
    const token = await tokenOnDisk()
    expect(server.acceptsToken(token)).toBe(true)
    await waitFor(() => server.streamCount === 1, 'event stream open')

    const session = await core.handle('session.logout', {})
    expect(session.user).toBeNull()
    expect(server.requests).toContain('POST /api/v1/auth/logout')
    expect(server.acceptsToken(token)).toBe(false)
  })

  it('signs out locally even when the server cannot be reached', async () => {
    const { core, logs } = open()
    await core.handle('session.login', { username: 'officer.cyber', password: MOCK_PASSWORD })
    server.setDown(true)
    const session = await core.handle('session.logout', {})
    expect(session.user).toBeNull()
    expect((await core.handle('sync.state', {})).status).toBe('logged-out')
    expect(logs.some((l) => l.includes('could not end the session on the server'))).toBe(true)
  })

  it('revokes the previous session when another user signs in on the same desk', async () => {
    const { core } = open()
    await core.handle('session.login', { username: 'officer.cyber', password: MOCK_PASSWORD })
    const first = await tokenOnDisk()
    await core.handle('session.login', { username: 'officer.passport', password: MOCK_PASSWORD })
    expect(server.acceptsToken(first)).toBe(false)
    expect(server.acceptsToken(await tokenOnDisk())).toBe(true)
  })
})

describe('sign-in lockout', () => {
  it("shows the server's lockout message as it is, not as an outage", async () => {
    const lockedOut: typeof fetch = async (input, init) =>
      String(input).endsWith('/api/v1/auth/login')
        ? new Response(
            JSON.stringify({ error: 'too_many_attempts', message: 'Too many failed sign-ins; try again in 8 s' }),
            { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '8' } },
          )
        : fetch(input, init)
    const { core } = open({ fetch: lockedOut })
    await expect(
      core.handle('session.login', { username: 'officer.cyber', password: MOCK_PASSWORD }),
    ).rejects.toMatchObject({ message: 'Too many failed sign-ins; try again in 8 s' })
  })
})

describe('the token on the wire', () => {
  it('never puts the token in an address, event stream included', async () => {
    const { core } = open()
    await core.handle('session.login', { username: 'officer.cyber', password: MOCK_PASSWORD })
    await waitFor(() => server.requests.some((r) => r.startsWith('GET /api/v1/events')), 'event stream opened')
    expect(server.requests.filter((r) => r.startsWith('GET /api/v1/events'))).toEqual(
      expect.arrayContaining(['GET /api/v1/events']),
    )
    expect(server.requests.some((r) => /token=/i.test(r))).toBe(false)
  })
})

describe('server address', () => {
  it('knows loopback: 127.0.0.0/8, ::1 and localhost, nothing else', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '[::1]'])
      expect(isLoopbackHost(host)).toBe(true)
    for (const host of ['10.0.0.5', '128.0.0.1', 'localhost.example.gov.in', 'seva.gov.in', '[::2]', '[::ffff:a00:5]'])
      expect(isLoopbackHost(host)).toBe(false)
  })

  it('refuses plain http:// off loopback with a clear message, before any request', async () => {
    expect(() => normaliseServerUrl('http://10.0.0.5:4020')).toThrow(/https:\/\//)
    expect(() => normaliseServerUrl('http://seva.mha.gov.in')).toThrow(/unencrypted/)
    expect(normaliseServerUrl('https://seva.mha.gov.in/')).toBe('https://seva.mha.gov.in')
    expect(normaliseServerUrl('http://127.0.0.1:4020/')).toBe('http://127.0.0.1:4020')
    expect(normaliseServerUrl('http://localhost:4020')).toBe('http://localhost:4020')
    expect(normaliseServerUrl('http://[::1]:4020')).toBe('http://[::1]:4020')
    // WHATWG URL spellings of loopback count as loopback.
    expect(normaliseServerUrl('http://127.1:4020')).toBe('http://127.0.0.1:4020')

    const { core } = open({ serverUrl: 'http://10.0.0.5:4020' })
    await expect(
      core.handle('session.login', { username: 'officer.cyber', password: MOCK_PASSWORD }),
    ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('unencrypted') })
    await expect(
      core.handle('session.login', {
        serverUrl: 'http://192.168.1.20',
        username: 'officer.cyber',
        password: MOCK_PASSWORD,
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' })
    expect(server.requests).toEqual([])
  })

  it('does not resume a saved session whose server address is plain http:// off loopback', async () => {
    await writeFile(
      join(data.dir, 'settings.json'),
      JSON.stringify({
        serverUrl: 'http://10.0.0.5:4020',
        user: {
          username: 'officer.cyber',
          displayName: 'Cyber',
          role: 'officer',
          divisions: ['cyber'],
          languages: ['en'],
        },
      }),
    )
    await writeFile(join(data.dir, 'session-token'), 'tok-old')
    const { core } = open({ serverUrl: undefined })
    const state = await core.handle('sync.state', {})
    expect(state.status).toBe('logged-out')
    expect(state.lastError).toMatch(/unencrypted/)
    expect((await core.handle('session.get', {})).user).toBeNull()
  })
})
