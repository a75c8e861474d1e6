// The desk's HTTP client for the central server (src/shared/protocol.ts). Every answer
// is validated; failures are sorted into "offline" (network), "the server failed, try
// again later" (5xx), "sign in again" (401), "this request can never succeed" (400, 413,
// 422) and "the server said no" (other 4xx) so the sync engine can react to each.
import { z } from 'zod'
import {
  API_PATHS,
  ActionsResponse,
  ApiError,
  ChangesResponse,
  IgnoredResponse,
  IgnoredTicketResponse,
  IngestionStatus,
  LoginResponse,
  OrgSummary,
  PresenceList,
  User,
  type Action,
  type PresenceState,
} from '../../shared/protocol'
import { LIMITS } from '../../shared/limits'
import { Grievance } from '../../shared/grievance'
import { GRIEVANCE_SEARCH_PATHS, GrievanceSearchResponse, grievancePath } from '../../shared/grievance-search'
import { ChangePasswordResponse, USERS_PATHS } from '../../shared/users'
import {
  RecoveryCodes,
  TWO_FACTOR_PATHS,
  TwoFactorChallenge,
  TwoFactorEnrolment,
  TwoFactorStatus,
} from '../../shared/two-factor'
import {
  DeskCoreError,
  REFUSED_STATUSES,
  RequestRefusedError,
  ServerFailedError,
  ServerUnreachableError,
  SessionExpiredError,
} from './errors'

const REQUEST_TIMEOUT_MS = 20_000
/** Sign-out does not wait long for a server that is not answering. */
const LOGOUT_TIMEOUT_MS = 5_000

export class ServerClient {
  /** Aborted when the session ends, so no request outlives it (or delays shutdown). */
  private readonly lifetime = new AbortController()

  constructor(
    readonly serverUrl: string,
    private readonly fetchImpl: typeof fetch,
    private token: string | null = null,
  ) {}

  setToken(token: string | null): void {
    this.token = token
  }

  /** Aborted when the session ends (abortAll). */
  get lifetimeSignal(): AbortSignal {
    return this.lifetime.signal
  }

  /** Cancels every request in flight and any made later. */
  abortAll(): void {
    this.lifetime.abort()
  }

  /** A session, or (two-factor on) a challenge the code must follow. */
  login(username: string, password: string): Promise<LoginResponse | TwoFactorChallenge> {
    return this.request(API_PATHS.login, z.union([TwoFactorChallenge, LoginResponse]), {
      method: 'POST',
      body: { username, password },
      auth: false,
    })
  }

  /**
   * The code after a challenge. A wrong code is the user's to fix (invalid-input, the
   * challenge still stands); an unknown or expired challenge is "sign in again" (401).
   */
  async verifyTwoFactor(challenge: string, code: string): Promise<LoginResponse> {
    try {
      return await this.request(TWO_FACTOR_PATHS.verify, LoginResponse, {
        method: 'POST',
        body: { challenge, code },
        auth: false,
      })
    } catch (error) {
      if (error instanceof SessionExpiredError && error.serverCode === 'invalid_code')
        throw new DeskCoreError('invalid-input', error.message)
      if (error instanceof RequestRefusedError) throw new DeskCoreError('invalid-input', error.message)
      throw error
    }
  }

  twoFactorStatus(): Promise<TwoFactorStatus> {
    return this.request(TWO_FACTOR_PATHS.status, TwoFactorStatus)
  }

  newRecoveryCodes(): Promise<RecoveryCodes> {
    return this.request(TWO_FACTOR_PATHS.recoveryCodes, RecoveryCodes, { method: 'POST', body: {} })
  }

  startTwoFactorEnrolment(): Promise<TwoFactorEnrolment> {
    return this.request(TWO_FACTOR_PATHS.enrolment, TwoFactorEnrolment, { method: 'POST', body: {} })
  }

  async confirmTwoFactor(code: string): Promise<TwoFactorStatus> {
    try {
      return await this.request(TWO_FACTOR_PATHS.confirm, TwoFactorStatus, { method: 'POST', body: { code } })
    } catch (error) {
      // A wrong code (422): the user's to fix.
      if (error instanceof RequestRefusedError) throw new DeskCoreError('invalid-input', error.message)
      throw error
    }
  }

  /** Revokes this client's token on the server (204); an already dead token (401) is fine too. */
  async logout(): Promise<void> {
    const response = await this.send(API_PATHS.logout, {
      method: 'POST',
      headers: this.authHeader(),
      signal: AbortSignal.any([AbortSignal.timeout(LOGOUT_TIMEOUT_MS), this.lifetime.signal]),
    })
    if (!response.ok && response.status !== 401) throw await this.failure(response)
  }

  /** The signed-in user's own password change; the server ends their other sessions. */
  changePassword(currentPassword: string, newPassword: string): Promise<ChangePasswordResponse> {
    return this.request(USERS_PATHS.password, ChangePasswordResponse, {
      method: 'POST',
      body: { currentPassword, newPassword },
    })
  }

  me(): Promise<User> {
    return this.request(API_PATHS.me, User)
  }

  org(): Promise<OrgSummary> {
    return this.request(API_PATHS.org, OrgSummary)
  }

  ingestion(): Promise<IngestionStatus> {
    return this.request(API_PATHS.ingestion, IngestionStatus)
  }

  /** Ignored tweets, newest first, matching `q` (text or author). */
  ignored(query: { q?: string; before?: string; limit?: number }): Promise<IgnoredResponse> {
    const params = new URLSearchParams()
    if (query.q) params.set('q', query.q)
    if (query.before) params.set('before', query.before)
    if (query.limit !== undefined) params.set('limit', String(query.limit))
    return this.request(`${API_PATHS.ignored}?${params}`, IgnoredResponse)
  }

  /** Grievances the user may see on the server, newest first (beyond the desk's working set). */
  searchGrievances(query: {
    q?: string
    status?: string
    division?: string
    before?: string
  }): Promise<GrievanceSearchResponse> {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value)
    return this.request(`${GRIEVANCE_SEARCH_PATHS.search}?${params}`, GrievanceSearchResponse)
  }

  /** One grievance, whole, from the server. */
  grievance(id: string): Promise<Grievance> {
    return this.request(grievancePath(id), Grievance)
  }

  /** Makes a ticket of an ignored tweet (a label for the triage model). */
  ticketFromIgnored(tweetId: string, division?: string): Promise<IgnoredTicketResponse> {
    return this.request(
      API_PATHS.ignoredTicket.replace(':tweetId', encodeURIComponent(tweetId)),
      IgnoredTicketResponse,
      {
        method: 'POST',
        body: division ? { division } : {},
      },
    )
  }

  changes(after: number, limit?: number): Promise<ChangesResponse> {
    const query = new URLSearchParams({ after: String(after) })
    if (limit !== undefined) query.set('limit', String(limit))
    return this.request(`${API_PATHS.changes}?${query}`, ChangesResponse)
  }

  /** A body the server would refuse as too large is refused here, the same way, unsent. */
  pushActions(actions: Action[]): Promise<ActionsResponse> {
    const body = { actions }
    const bytes = Buffer.byteLength(JSON.stringify(body), 'utf-8')
    if (bytes > LIMITS.actionsBodyBytes) {
      return Promise.reject(
        new RequestRefusedError(
          413,
          `${actions.length} action(s) make ${bytes} bytes, over the server's ${LIMITS.actionsBodyBytes}-byte limit`,
        ),
      )
    }
    return this.request(API_PATHS.actions, ActionsResponse, { method: 'POST', body })
  }

  /** Says what the officer is doing on a grievance; answers the others there. */
  presence(grievanceId: string, state: PresenceState): Promise<PresenceList> {
    return this.request(API_PATHS.presence, PresenceList, { method: 'POST', body: { grievanceId, state } })
  }

  /** Opens the server-sent event stream; the caller reads and aborts it. */
  async openEvents(signal: AbortSignal): Promise<Response> {
    const response = await this.send(API_PATHS.events, {
      method: 'GET',
      headers: { ...this.authHeader(), accept: 'text/event-stream' },
      signal: AbortSignal.any([signal, this.lifetime.signal]),
    })
    if (!response.ok || !response.body) {
      throw await this.failure(response)
    }
    return response
  }

  private authHeader(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {}
  }

  private async request<S extends z.ZodType>(
    path: string,
    schema: S,
    opts: { method?: 'GET' | 'POST'; body?: unknown; auth?: boolean } = {},
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = opts.auth === false ? {} : this.authHeader()
    if (opts.body !== undefined) headers['content-type'] = 'application/json'
    const response = await this.send(path, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.any([AbortSignal.timeout(REQUEST_TIMEOUT_MS), this.lifetime.signal]),
    })
    if (!response.ok) throw await this.failure(response)
    let json: unknown
    try {
      json = await response.json()
    } catch {
      throw new DeskCoreError('server', `The server sent an unreadable answer to ${path}`)
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      throw new DeskCoreError(
        'server',
        `The server's answer to ${path} does not match the protocol: ${parsed.error.issues[0]?.message}`,
      )
    }
    return parsed.data
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetchImpl(new URL(path, this.serverUrl), init)
    } catch (error) {
      // Cancelled on purpose (session ended, stream stopped): not a network problem.
      if (
        this.lifetime.signal.aborted ||
        (init.signal?.aborted && (init.signal.reason as Error | undefined)?.name === 'AbortError')
      ) {
        throw error
      }
      const why =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)
      throw new ServerUnreachableError(`Cannot reach the server at ${this.serverUrl}: ${why}`)
    }
  }

  private async failure(response: Response): Promise<DeskCoreError> {
    let message = `${response.status} ${response.statusText}`
    let serverCode: string | undefined
    try {
      const body = ApiError.safeParse(await response.json())
      if (body.success) {
        message = body.data.message
        serverCode = body.data.error
      }
    } catch {
      // Not JSON: keep the status line.
    }
    if (response.status === 401) return new SessionExpiredError(message, serverCode)
    // Too many requests (a sign-in lockout): the server's message says how long to wait.
    if (response.status === 429) return new ServerFailedError(429, message)
    if (response.status >= 500 || response.status === 408) {
      return new ServerFailedError(response.status, `The server failed (${response.status}): ${message}`)
    }
    if (REFUSED_STATUSES.includes(response.status)) {
      return new RequestRefusedError(response.status, message)
    }
    if (response.status === 404) return new DeskCoreError('not-found', message)
    return new DeskCoreError('server', message)
  }
}
