// HTTP hardening: security headers on every answer, no caching of auth and data
// answers, and request bodies capped per route (actions large, everything else small).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import { LIMITS } from '../../src/shared/limits'
import { freshDatabase, loggedIn, PASSWORD, startTestServer, type TestDatabase } from './helpers'
import { seedGrievance, TWEETS } from './seed'

let db: TestDatabase
let server: RunningServer

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db)
})
afterAll(async () => {
  await server?.close()
  await db?.drop()
})

const post = (path: string, body: string, token?: string) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  })

describe('headers', () => {
  it('sends security headers and no-store on sign-in and data answers', async () => {
    const login = await post('/api/v1/auth/login', JSON.stringify({ username: 'officer.cyber', password: PASSWORD }))
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const changes = await fetch(`${server.url}/api/v1/changes?after=0`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const refused = await fetch(`${server.url}/api/v1/me`)
    for (const res of [login, changes, refused]) {
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    }
  })

  it('sends them on the event stream too, which is never cached', async () => {
    const desk = await loggedIn(server, 'officer.cyber')
    const abort = new AbortController()
    const res = await fetch(`${server.url}/api/v1/events`, {
      headers: { authorization: `Bearer ${desk.token}` },
      signal: abort.signal,
    })
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    expect(res.headers.get('cache-control')).toContain('no-store')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    abort.abort()
  })
})

describe('body limits', () => {
  it('refuses a sign-in body over the small limit with 413', async () => {
    const padding = 'x'.repeat(LIMITS.smallBodyBytes)
    const res = await post('/api/v1/auth/login', JSON.stringify({ username: 'officer.cyber', password: padding }))
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ error: 'payload_too_large' })
  })

  it('takes an actions batch well over the small limit, and refuses one over the actions limit', async () => {
    const desk = await loggedIn(server, 'officer.cyber')
    const g = await seedGrievance(server, TWEETS.cyber)
    const notes = Array.from({ length: 40 }, () => ({
      id: randomUUID(),
      grievanceId: g.id,
      baseVersion: g.version,
      at: new Date().toISOString(),
      body: { type: 'note', text: 'n'.repeat(1_000) },
    }))
    const body = JSON.stringify({ actions: notes })
    expect(body.length).toBeGreaterThan(LIMITS.smallBodyBytes)
    const ok = await post('/api/v1/actions', body, desk.token)
    expect(ok.status).toBe(200)

    const huge = JSON.stringify({
      actions: [{ ...notes[0], body: { type: 'note', text: 'n'.repeat(LIMITS.actionsBodyBytes) } }],
    })
    const refused = await post('/api/v1/actions', huge, desk.token)
    expect(refused.status).toBe(413)
  })
})
