// The desk relays the supervisor and admin screens' requests to the server as the
// signed-in user: answers (2xx and 4xx) come back as the server gave them, the token
// never reaches the renderer, paths outside the staff API are refused by the contract,
// downloads report progress and can be cancelled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeskCore } from '../../src/main/desk/index'
import { startServer, type RunningServer } from '../../src/server/index'
import type { DeskEvent } from '../../src/shared/desk-api'
import { FAST_TIMING, startCore, tempDir } from './helpers'

let server: RunningServer
let data: { dir: string; remove: () => Promise<void> }
let core: DeskCore
let events: DeskEvent[]

beforeAll(async () => {
  server = await startServer({ port: 0, demo: true, pollIntervalMs: 0, log: () => undefined })
  data = await tempDir()
  ;({ core, events } = startCore({ dataDir: data.dir, serverUrl: server.url, timing: FAST_TIMING }))
})
afterAll(async () => {
  await core?.close()
  await server?.close()
  await data?.remove()
})

describe('staff.request', () => {
  it('refuses before sign-in', async () => {
    await expect(core.handle('staff.request', { method: 'GET', path: '/api/v1/admin/audit' })).rejects.toMatchObject({
      code: 'unauthorised',
    })
  })

  it('relays as the signed-in user: 200 for an admin, the 403 as the server said it for an officer', async () => {
    await core.handle('session.login', { username: 'admin', password: 'seva-demo' })
    const ok = await core.handle('staff.request', { method: 'GET', path: '/api/v1/admin/audit', query: { limit: '5' } })
    expect(ok.status).toBe(200)
    expect((ok.body as { entries: { action: string }[] }).entries[0]!.action).toBe('auth.sign-in')
    expect(JSON.stringify(ok)).not.toMatch(/Bearer/)

    await core.handle('session.login', { username: 'officer.cyber', password: 'seva-demo' })
    const refused = await core.handle('staff.request', { method: 'GET', path: '/api/v1/admin/audit' })
    expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden' } })
  })

  it('refuses paths outside the relayed API, traversal and the token-bearing routes', async () => {
    for (const path of [
      '/api/v1/admin/../../healthz',
      '/api/v1/admin/%2e%2e/x',
      '/healthz',
      'http://evil.example/api/v1/admin/audit',
      '/api/v1/auth/login',
      '/api/v1/actions',
      '/api/v1/events',
    ])
      await expect(core.handle('staff.request', { method: 'GET', path }), path).rejects.toMatchObject({
        code: 'invalid-input',
      })
  })
})

describe('staff.download', () => {
  it('downloads a file with its name and type, reporting progress', async () => {
    await core.handle('session.login', { username: 'admin', password: 'seva-demo' })
    const file = await core.handle('staff.download', { id: 'audit-1', path: '/api/v1/admin/audit.csv' })
    expect(file.filename).toBe('audit-log.csv')
    expect(file.contentType).toMatch(/text\/csv/)
    const text = Buffer.from(file.base64, 'base64').toString('utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain('auth.sign-in')
    expect(file.bytes).toBe(Buffer.from(file.base64, 'base64').byteLength)
    const progress = events.filter((e) => e.type === 'download-progress' && e.id === 'audit-1')
    expect(progress.length).toBeGreaterThan(0)
  })

  it('fails a refused download with the server message', async () => {
    await core.handle('session.login', { username: 'supervisor', password: 'seva-demo' })
    await expect(
      core.handle('staff.download', { id: 'audit-2', path: '/api/v1/admin/audit.csv' }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/Only admins/) as string })
  })
})
