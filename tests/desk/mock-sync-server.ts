// A small in-memory sync server speaking src/shared/protocol.ts, with knobs the desk
// tests need: page size, going "down" (sockets destroyed = network error), holding
// action batches, and forcing verdicts. It records every request it answered.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Grievance } from '../../src/shared/grievance'
import {
  APPEND_ONLY_ACTIONS,
  ActionsRequest,
  type Action,
  type ActionResult,
  type Change,
  type OrgSummary,
  type User,
} from '../../src/shared/protocol'

export const MOCK_PASSWORD = 'secret-pass'

export const MOCK_ORG: OrgSummary = {
  id: 'mha',
  name: 'Ministry of Home Affairs',
  ticketPrefix: 'MHA',
  handles: ['HMOIndia'],
  divisions: [
    { id: 'cyber', name: 'Cyber crime' },
    { id: 'passport', name: 'Passports' },
  ],
  templates: [],
}

export function makeGrievance(id: string, overrides: Partial<Grievance> = {}): Grievance {
  const at = '2026-01-10T10:00:00.000Z'
  return {
    id,
    ticket: `MHA-26-${id.replace(/\D/g, '').padStart(6, '0')}`,
    source: {
      tweetId: `t-${id}`,
      conversationId: `t-${id}`,
      authorId: 'u1',
      authorUsername: 'citizen',
      text: `Help needed ${id}`,
      language: 'en',
      createdAt: at,
      via: { kind: 'mention', handle: 'HMOIndia' },
      media: [],
    },
    thread: [{ id: `c-${id}`, kind: 'citizen', text: `Help needed ${id}`, at, by: 'citizen' }],
    division: 'cyber',
    matchedRules: [],
    priority: 'normal',
    triage: { actionable: true, reasons: ['test'] },
    status: 'new',
    statusReason: null,
    assignee: null,
    slaDueAt: '2026-01-11T10:00:00.000Z',
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  }
}

type Verdict = ActionResult['status']

export class MockSyncServer {
  url = ''
  pageLimit = 100
  /** Every request answered, as "METHOD path?query". */
  readonly requests: string[] = []
  /** Every action received in a POST /actions, in arrival order (duplicates included). */
  readonly receivedActions: Action[] = []
  /** Force a verdict for an action; return null for the normal processing. */
  /** When set, POST /actions answers with this status (e.g. 503) and settles nothing. */
  failActionsWith: number | null = null
  /** When set, a POST /actions holding an action that matches is refused whole (like a schema failure). */
  refuseBatch: { status: 400 | 413 | 422; when: (action: Action) => boolean; message: string } | null = null
  /** When set, a POST /actions body over this many bytes is answered 413, as Fastify does. */
  bodyLimitBytes: number | null = null
  /** Each POST /actions answered: its status, how many actions and bytes it carried. */
  readonly actionPosts: { status: number; actions: number; bytes: number }[] = []
  /** Whether an applied action tells the desks over the event stream (off: the desk must pull by itself). */
  notifyOnActions = true
  verdictFor: (action: Action) => { status: Exclude<Verdict, 'applied'>; reason?: string } | null = () => null

  private readonly grievances = new Map<string, Grievance>()
  private readonly changes: Change[] = []
  private readonly seenActionIds = new Set<string>()
  private readonly tokens = new Map<string, User>()
  private readonly streams = new Set<ServerResponse>()
  private seq = 0
  private down = false
  private actionsGate: Promise<void> | null = null
  private openGate: (() => void) | null = null
  private readonly server = createServer((req, res) => void this.route(req, res))

  readonly users: User[] = [
    {
      username: 'officer.cyber',
      displayName: 'Cyber Officer',
      role: 'officer',
      divisions: ['cyber'],
      languages: ['en', 'hi'],
    },
    {
      username: 'officer.passport',
      displayName: 'Passport Officer',
      role: 'officer',
      divisions: ['passport'],
      languages: ['en'],
    },
  ]

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async close(): Promise<void> {
    for (const stream of this.streams) stream.destroy()
    this.openGate?.()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  /** While down, every request and stream is cut: the desk sees network errors. */
  setDown(down: boolean): void {
    this.down = down
    if (down) {
      for (const stream of this.streams) stream.destroy()
      this.streams.clear()
    }
  }

  /** Hold POST /actions answers until the returned function is called. */
  holdActions(): () => void {
    this.actionsGate = new Promise<void>((resolve) => {
      this.openGate = () => {
        this.actionsGate = null
        this.openGate = null
        resolve()
      }
    })
    return () => this.openGate?.()
  }

  /** Whether the server would still accept this token. */
  acceptsToken(token: string): boolean {
    return this.tokens.has(token)
  }

  get streamCount(): number {
    return this.streams.size
  }

  grievance(id: string): Grievance | undefined {
    return this.grievances.get(id)
  }

  /** Stores a server-side change (bumping version and seq) and, by default, tells the desks. */
  upsert(grievance: Grievance, opts: { notify?: boolean } = {}): Grievance {
    const existing = this.grievances.get(grievance.id)
    const stored = { ...grievance, version: existing ? existing.version + 1 : grievance.version }
    this.grievances.set(stored.id, stored)
    this.changes.push({ seq: ++this.seq, kind: 'upsert', grievance: stored })
    if (opts.notify !== false) this.notify()
    return stored
  }

  remove(id: string): void {
    this.grievances.delete(id)
    this.changes.push({ seq: ++this.seq, kind: 'remove', id })
    this.notify()
  }

  notify(): void {
    for (const stream of this.streams)
      stream.write(`event: changes\ndata: ${JSON.stringify({ type: 'changes', seq: this.seq })}\n\n`)
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.down) {
      req.socket.destroy()
      return
    }
    const url = new URL(req.url ?? '/', this.url)
    this.requests.push(`${req.method} ${url.pathname}${url.search}`)
    const raw = req.method === 'POST' ? await readText(req) : ''
    const body: unknown = raw ? JSON.parse(raw) : undefined
    if (url.pathname === '/api/v1/auth/login') {
      const { username, password } = body as { username: string; password: string }
      const user = this.users.find((u) => u.username === username)
      if (!user || password !== MOCK_PASSWORD)
        return send(res, 401, { error: 'unauthorised', message: 'Wrong username or password' })
      const token = `tok-${username}-${this.tokens.size + 1}`
      this.tokens.set(token, user)
      return send(res, 200, { token, user })
    }
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '')
    const user = this.tokens.get(token)
    if (!user) return send(res, 401, { error: 'unauthorised', message: 'Sign in first' })
    switch (url.pathname) {
      case '/api/v1/auth/logout':
        this.tokens.delete(token)
        res.writeHead(204).end()
        return
      case '/api/v1/me':
        return send(res, 200, user)
      case '/api/v1/org':
        return send(res, 200, MOCK_ORG)
      case '/api/v1/changes': {
        const after = Number(url.searchParams.get('after') ?? 0)
        const limit = Math.min(Number(url.searchParams.get('limit') ?? this.pageLimit), this.pageLimit)
        const page = this.changes.filter((c) => c.seq > after).slice(0, limit)
        const last = page.at(-1)?.seq ?? Math.max(after, 0)
        return send(res, 200, { changes: page, last, hasMore: this.changes.some((c) => c.seq > last) })
      }
      case '/api/v1/events':
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
        res.write(`event: hello\ndata: ${JSON.stringify({ type: 'hello', seq: this.seq })}\n\n`)
        this.streams.add(res)
        res.on('close', () => this.streams.delete(res))
        return
      case '/api/v1/actions': {
        const refusal = this.refusalFor(body, Buffer.byteLength(raw))
        if (refusal) return send(res, refusal.status, { error: 'refused', message: refusal.message })
        if (this.failActionsWith)
          return send(res, this.failActionsWith, { error: 'unavailable', message: 'Database is restarting' })
        const parsed = ActionsRequest.safeParse(body)
        if (!parsed.success) return send(res, 400, { error: 'bad-request', message: parsed.error.message })
        this.receivedActions.push(...parsed.data.actions)
        if (this.actionsGate) await this.actionsGate
        if (this.down) {
          req.socket.destroy()
          return
        }
        const results = parsed.data.actions.map((a) => this.settle(a, user))
        return send(res, 200, { results })
      }
      case '/api/v1/grievances/search': {
        // The real server folds words (tests/server/grievance-search.test.ts); a ticket or a
        // plain substring is enough for the desk's side of it.
        const q = (url.searchParams.get('q') ?? '').trim()
        const hits = [...this.grievances.values()]
          .filter((g) => g.division !== null && user.divisions.includes(g.division))
          .filter((g) => !q || g.ticket === q.toUpperCase() || g.source.text.includes(q))
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
          .map((g) => ({
            id: g.id,
            ticket: g.ticket,
            status: g.status,
            division: g.division,
            assignee: g.assignee,
            openedAt: g.createdAt,
            excerpt: g.source.text.slice(0, 140),
          }))
        return send(res, 200, { grievances: hits, hasMore: false, next: null })
      }
      default: {
        const one = /^\/api\/v1\/grievances\/([^/]+)$/.exec(url.pathname)
        const g = one ? this.grievances.get(decodeURIComponent(one[1]!)) : undefined
        if (g) {
          if (g.division === null || !user.divisions.includes(g.division))
            return send(res, 403, { error: 'forbidden', message: `Grievance ${g.ticket} is outside your divisions` })
          return send(res, 200, g)
        }
        return send(res, 404, { error: 'not-found', message: url.pathname })
      }
    }
  }

  /** Records the POST and says whether the size or refusal hooks turn it down. */
  private refusalFor(body: unknown, bytes: number): { status: number; message: string } | null {
    const actions = ((body as { actions?: Action[] } | undefined)?.actions ?? []).length
    let refusal: { status: number; message: string } | null = null
    if (this.bodyLimitBytes !== null && bytes > this.bodyLimitBytes) {
      refusal = { status: 413, message: 'Request body is too large' }
    } else if (this.refuseBatch && ActionsRequest.safeParse(body).data?.actions.some(this.refuseBatch.when)) {
      refusal = { status: this.refuseBatch.status, message: this.refuseBatch.message }
    }
    this.actionPosts.push({ status: refusal?.status ?? this.failActionsWith ?? 200, actions, bytes })
    return refusal
  }

  private settle(action: Action, user: User): ActionResult {
    if (this.seenActionIds.has(action.id)) return this.duplicate(action)
    const forced = this.verdictFor(action)
    if (forced) {
      this.seenActionIds.add(action.id)
      const grievance = this.grievances.get(action.grievanceId)
      if (forced.status === 'rejected') return { id: action.id, status: 'rejected', reason: forced.reason ?? 'refused' }
      if (forced.status === 'conflict' && grievance)
        return { id: action.id, status: 'conflict', grievance, reason: forced.reason ?? 'stale' }
      return this.duplicate(action)
    }
    const current = this.grievances.get(action.grievanceId)
    if (!current) return { id: action.id, status: 'rejected', reason: 'no such grievance' }
    if (!APPEND_ONLY_ACTIONS.includes(action.body.type) && action.baseVersion !== current.version) {
      return {
        id: action.id,
        status: 'conflict',
        grievance: current,
        reason: `based on version ${action.baseVersion}, now ${current.version}`,
      }
    }
    this.seenActionIds.add(action.id)
    const stored = this.upsert(applyOnServer(current, action, user), { notify: this.notifyOnActions })
    // As the real server: the outcome and the new version, not the grievance.
    return { id: action.id, status: 'applied', grievanceId: stored.id, version: stored.version }
  }

  private duplicate(action: Action): ActionResult {
    const grievance = this.grievances.get(action.grievanceId)
    return grievance
      ? { id: action.id, status: 'duplicate', grievanceId: grievance.id, version: grievance.version }
      : { id: action.id, status: 'duplicate' }
  }
}

/** The server's effect, simplified: replies get a server entry id, statuses move. */
function applyOnServer(g: Grievance, action: Action, user: User): Grievance {
  const body = action.body
  const entryId = `srv-${action.id}`
  switch (body.type) {
    case 'reply':
      return {
        ...g,
        thread: [
          ...g.thread,
          {
            id: entryId,
            kind: 'reply',
            text: body.text,
            at: action.at,
            by: user.username,
            post: { state: 'pending', attempts: 0 },
          },
        ],
      }
    case 'note':
      return {
        ...g,
        thread: [...g.thread, { id: entryId, kind: 'note', text: body.text, at: action.at, by: user.username }],
      }
    case 'claim':
      return { ...g, status: 'assigned', assignee: user.username }
    case 'start':
      return { ...g, status: 'in_progress', assignee: g.assignee ?? user.username }
    case 'resolve':
      return { ...g, status: 'resolved', statusReason: body.note ?? null }
    case 'reject':
      return { ...g, status: 'rejected', statusReason: body.reason }
    case 'set-priority':
      return { ...g, priority: body.priority }
    default:
      return g
  }
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf-8')
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}
