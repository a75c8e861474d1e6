// Every route × every role: the server lists the routes it answers, each must have an entry
// in the access table below (a new route fails here until someone decides who may use it),
// and each is called without a token and as an officer, a supervisor and an admin. A role
// the table allows gets anything but 401/403 (a 400 for an empty body is fine: the door
// opened); one it does not allow gets exactly 403; no token gets 401. Officers and
// supervisors get 403 on every /api/v1/admin/ route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/index'
import type { Role } from '../../src/shared/protocol'
import { freshDatabase, loggedIn, PASSWORD, startTestServer, type ApiClient, type TestDatabase } from './helpers'

/** Who may use a route: anyone; anyone signed in; supervisors and admins; admins. */
type Access = 'public' | 'signed-in' | 'supervisor' | 'admin'

const ACCESS: Record<string, Access> = {
  'GET /healthz': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'signed-in',
  'GET /api/v1/me': 'signed-in',
  'GET /api/v1/org': 'signed-in',
  'GET /api/v1/changes': 'signed-in',
  'GET /api/v1/events': 'signed-in',
  'POST /api/v1/actions': 'signed-in',
  'POST /api/v1/presence': 'signed-in',
  'GET /api/v1/review/ignored': 'signed-in',
  'POST /api/v1/review/ignored/:tweetId/ticket': 'signed-in',
  'POST /api/v1/auth/password': 'signed-in',
  'GET /api/v1/auth/two-factor': 'signed-in',
  'POST /api/v1/auth/two-factor/enrolment': 'signed-in',
  'POST /api/v1/auth/two-factor/enrolment/confirm': 'signed-in',
  'POST /api/v1/auth/two-factor/recovery-codes': 'signed-in',
  // Between password and code there is no session: the short-lived challenge is the key.
  'POST /api/v1/auth/two-factor/verify': 'public',
  'GET /api/v1/admin/two-factor': 'admin',
  'PUT /api/v1/admin/two-factor': 'admin',
  'DELETE /api/v1/admin/users/:username/two-factor': 'admin',
  'GET /api/v1/grievances/:id/archive': 'signed-in',
  'GET /api/v1/grievances/search': 'signed-in',
  'GET /api/v1/grievances/:id': 'signed-in',
  // The system browser comes back from X without a session: the single-use state is the key.
  'GET /api/v1/oauth/x/callback': 'public',
  'GET /api/v1/supervisor/ingestion': 'supervisor',
  'GET /api/v1/supervisor/budget': 'supervisor',
  'GET /api/v1/monitor': 'supervisor',
  'GET /api/v1/sla/breached': 'supervisor',
  'GET /api/v1/reports/summary': 'supervisor',
  'GET /api/v1/reports/grievances.csv': 'supervisor',
  'GET /api/v1/reports/grievances.xlsx': 'supervisor',
  'GET /api/v1/admin/users': 'admin',
  'POST /api/v1/admin/users': 'admin',
  'PATCH /api/v1/admin/users/:username': 'admin',
  'GET /api/v1/admin/config': 'admin',
  'PUT /api/v1/admin/config': 'admin',
  'PUT /api/v1/admin/config/sections/:section': 'admin',
  'GET /api/v1/admin/config/export': 'admin',
  'POST /api/v1/admin/config/import': 'admin',
  'GET /api/v1/admin/config/versions': 'admin',
  'POST /api/v1/admin/config/rollback': 'admin',
  'POST /api/v1/admin/rules/preview': 'admin',
  'GET /api/v1/admin/handles': 'admin',
  'POST /api/v1/admin/handles': 'admin',
  'DELETE /api/v1/admin/handles/:username': 'admin',
  'POST /api/v1/admin/handles/:username/connect': 'admin',
  'POST /api/v1/admin/handles/:username/disconnect': 'admin',
  'GET /api/v1/supervisor/triage/quality': 'supervisor',
  'GET /api/v1/admin/ingestion': 'admin',
  'GET /api/v1/admin/triage/quality': 'admin',
  'GET /api/v1/admin/models': 'admin',
  'POST /api/v1/admin/models': 'admin',
  'POST /api/v1/admin/models/:version/deploy': 'admin',
  'GET /api/v1/admin/audit': 'admin',
  'GET /api/v1/admin/audit.csv': 'admin',
  'GET /api/v1/admin/audit/verify': 'admin',
  'GET /api/v1/admin/sla/holidays': 'admin',
}

const ALLOWED: Record<Access, readonly Role[]> = {
  public: ['officer', 'supervisor', 'admin'],
  'signed-in': ['officer', 'supervisor', 'admin'],
  supervisor: ['supervisor', 'admin'],
  admin: ['admin'],
}

const USERS: Record<Role, string> = { officer: 'officer.cyber', supervisor: 'supervisor', admin: 'admin' }

let db: TestDatabase
let server: RunningServer
const clients = new Map<Role, ApiClient>()

beforeAll(async () => {
  db = await freshDatabase()
  server = await startTestServer(db)
  for (const role of ['officer', 'supervisor', 'admin'] as const) clients.set(role, await loggedIn(server, USERS[role]))
})
afterAll(async () => {
  await server?.close()
  await db?.drop()
})

/** A path with its parameters filled by harmless samples. */
const concrete = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => `sample-${name}`)

/** The status only: streams (SSE) and downloads are not read to the end. */
async function statusOf(method: string, url: string, token: string | null): Promise<number> {
  const abort = new AbortController()
  const res = await fetch(server.url + concrete(url), {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
    },
    ...(method === 'GET' ? {} : { body: '{}' }),
    signal: abort.signal,
  })
  abort.abort()
  return res.status
}

describe('route × role', () => {
  it('knows who may use every route the server answers', () => {
    const routes = server.routes.map((r) => `${r.method} ${r.url}`)
    expect(routes.length).toBeGreaterThan(10)
    expect(routes.filter((r) => !(r in ACCESS))).toEqual([])
    // And the table names no route that is gone.
    expect(Object.keys(ACCESS).filter((r) => !routes.includes(r))).toEqual([])
  })

  it('keeps every /api/v1/admin/ route to admins', () => {
    const adminRoutes = Object.entries(ACCESS).filter(([r]) => r.split(' ')[1]!.startsWith('/api/v1/admin/'))
    expect(adminRoutes.length).toBeGreaterThan(0)
    for (const [route, access] of adminRoutes) expect(access, route).toBe('admin')
  })

  it('answers each route as the table says, for no token and for each role', async () => {
    const wrong: string[] = []
    for (const { method, url } of server.routes) {
      const access = ACCESS[`${method} ${url}`]!
      if (access !== 'public') {
        const status = await statusOf(method, url, null)
        if (status !== 401) wrong.push(`${method} ${url} without a token: ${status}, not 401`)
      }
      for (const role of ['officer', 'supervisor', 'admin'] as const) {
        // Signing out ends the session: that route gets a session of its own each time.
        const token =
          method === 'POST' && url === '/api/v1/auth/logout'
            ? (await loggedIn(server, USERS[role])).token!
            : clients.get(role)!.token!
        const status = await statusOf(method, url, token)
        const allowed = ALLOWED[access].includes(role)
        if (allowed && (status === 401 || status === 403))
          wrong.push(`${method} ${url} as ${role}: ${status}, but ${role}s may use it`)
        if (!allowed && status !== 403) wrong.push(`${method} ${url} as ${role}: ${status}, not 403`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('signs in with the demo password (the clients above are real sessions)', async () => {
    expect(PASSWORD).toBeTruthy()
    expect((await clients.get('admin')!.request('GET', '/api/v1/me')).body).toMatchObject({ role: 'admin' })
  })
})
