// Shared helpers of the server integration tests: a fresh database per test file
// (in-memory PGlite, or a throw-away PostgreSQL database when DATABASE_URL is set),
// a server on an ephemeral port, and a small HTTP client.
import { randomBytes, randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { startServer, type RunningServer, type StartServerOptions } from '../../src/server/index'
import type { Action, ActionBody, ActionResult, ChangesResponse, LoginResponse } from '../../src/shared/protocol'

export const PASSWORD = 'test-pass-1'

export interface TestDatabase {
  /** Undefined on PGlite (each server gets its own in-memory or dataDir database). */
  databaseUrl: string | undefined
  drop(): Promise<void>
}

export async function freshDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL
  if (!base) return { databaseUrl: undefined, drop: async () => undefined }
  const name = `seva_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    databaseUrl: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}

export async function startTestServer(db: TestDatabase, opts: StartServerOptions = {}): Promise<RunningServer> {
  return startServer({
    port: 0,
    demo: true,
    demoPassword: PASSWORD,
    pollIntervalMs: 0,
    acknowledge: false,
    log: process.env.SEVA_TEST_LOG ? (m: string) => console.log(m) : () => undefined,
    ...(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {}),
    ...opts,
  })
}

export class ApiClient {
  constructor(
    readonly base: string,
    public token?: string,
  ) {}

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    const text = await res.text()
    // Exports (CSV, XLSX) come back as their text; everything else is JSON.
    const json = /json/.test(res.headers.get('content-type') ?? 'application/json')
    return { status: res.status, body: !text ? null : json ? (JSON.parse(text) as unknown) : text }
  }

  async login(username: string, password = PASSWORD): Promise<LoginResponse> {
    const res = await this.request('POST', '/api/v1/auth/login', { username, password })
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`)
    const login = res.body as LoginResponse
    this.token = login.token
    return login
  }

  async changes(after = 0, limit = 100): Promise<ChangesResponse> {
    const res = await this.request('GET', `/api/v1/changes?after=${after}&limit=${limit}`)
    if (res.status !== 200) throw new Error(`changes: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body as ChangesResponse
  }

  async act(
    grievanceId: string,
    baseVersion: number,
    body: ActionBody,
    id: string = randomUUID(),
  ): Promise<ActionResult> {
    const results = await this.actBatch([{ id, grievanceId, baseVersion, at: new Date().toISOString(), body }])
    return results[0]!
  }

  async actBatch(actions: Action[]): Promise<ActionResult[]> {
    const res = await this.request('POST', '/api/v1/actions', { actions })
    if (res.status !== 200) throw new Error(`actions: ${res.status} ${JSON.stringify(res.body)}`)
    return (res.body as { results: ActionResult[] }).results
  }
}

export async function loggedIn(server: RunningServer, username: string): Promise<ApiClient> {
  const client = new ApiClient(server.url)
  await client.login(username)
  return client
}

/**
 * Polls until check() is truthy (bounded). The default bound only stops a test that would
 * wait for ever; it is no claim about speed (a loaded CI machine took seconds where an idle
 * one takes milliseconds), so it is generous. A caller whose property is a deadline passes it.
 */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 50))
  }
}

export interface ServerWithAdmin {
  readonly server: RunningServer
  readonly admin: ApiClient
}

/**
 * What most test files set up first: a fresh database, a server on it and the admin signed
 * in, started in beforeAll and stopped (database dropped) in afterAll. Read the fields
 * inside tests and hooks: they exist once beforeAll has run.
 */
export function useServerWithAdmin(opts: StartServerOptions = {}): ServerWithAdmin {
  let db: TestDatabase | undefined
  let server: RunningServer | undefined
  let admin: ApiClient | undefined
  beforeAll(async () => {
    db = await freshDatabase()
    server = await startTestServer(db, opts)
    admin = await loggedIn(server, 'admin')
  })
  afterAll(async () => {
    await server?.close()
    await db?.drop()
  })
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test server is read before beforeAll started it')
    return value
  }
  return {
    get server() {
      return started(server)
    },
    get admin() {
      return started(admin)
    },
  }
}

/**
 * Whether DATABASE_URL names the PostgreSQL that several instances on one database need
 * (PGlite is one process); says which test is not run when it does not.
 */
export function hasPostgresFor(what: string): boolean {
  if (process.env.DATABASE_URL) return true
  console.log(`${what} not run: needs DATABASE_URL (PostgreSQL); \`npm run test:pg\` sets it`)
  return false
}

/**
 * A cluster as deployed: one fresh database and an instance on it per options entry,
 * started in that order in beforeAll, all closed and the database dropped in afterAll. Read
 * `servers` inside tests and hooks: it is filled once beforeAll has run.
 */
export function useInstancesOnOneDatabase<const T extends readonly StartServerOptions[]>(
  options: T,
): { readonly servers: { readonly [K in keyof T]: RunningServer } } {
  let db: TestDatabase | undefined
  const servers: RunningServer[] = []
  beforeAll(async () => {
    db = await freshDatabase()
    for (const opts of options) servers.push(await startTestServer(db, opts))
  })
  afterAll(async () => {
    for (const server of servers) await server.close()
    await db?.drop()
  })
  return {
    get servers() {
      if (servers.length < options.length) throw new Error('the instances are read before beforeAll started them')
      // One started per options entry, in order: the tuple the caller passed.
      return servers as unknown as { readonly [K in keyof T]: RunningServer }
    },
  }
}
