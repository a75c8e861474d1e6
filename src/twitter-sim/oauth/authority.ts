// X's OAuth 2.0 authorization server, simulated: registered clients, authorization codes
// bound to a PKCE challenge, grants with expiring access tokens and rotating refresh
// tokens. Pure state; the HTTP side is in routes.ts.
//
// As X documents it: codes live 30 seconds and are single use, access tokens two hours,
// a refresh token only with `offline.access`, and each refresh hands out a new refresh
// token (the old one stops working). A reused code revokes what it was exchanged for
// (RFC 6749 §4.1.2), since a replay means the code leaked.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export interface OAuthClient {
  clientId: string
  /** Confidential clients authenticate at the token endpoint with HTTP Basic; public ones send client_id. */
  clientSecret?: string
  /** Exact callback URLs; undefined = any http(s) loopback address (the demo client). */
  redirectUris?: string[]
  name: string
}

/** The client `npm start` and the tests use unless they register their own. */
export const DEMO_OAUTH_CLIENT: OAuthClient = {
  clientId: 'seva-desk-sim',
  clientSecret: 'seva-desk-sim-secret',
  name: 'Seva Desk',
}

export interface OAuthOptions {
  clients?: OAuthClient[]
  /** X: 2 hours. */
  accessTokenTtlMs?: number
  /** X: 30 seconds. */
  codeTtlMs?: number
}

export const ACCESS_TOKEN_TTL_MS = 2 * 60 * 60_000
export const CODE_TTL_MS = 30_000

export interface OAuthError {
  status: number
  body: { error: string; error_description: string }
}

export function oauthError(error: string, description: string, status = 400): OAuthError {
  return { status, body: { error, error_description: description } }
}

export interface TokenAnswer {
  token_type: 'bearer'
  expires_in: number
  access_token: string
  scope: string
  refresh_token?: string
}

export interface CodeRequest {
  clientId: string
  redirectUri: string
  scopes: string[]
  codeChallenge: string
  codeChallengeMethod: 'S256' | 'plain'
  username: string
}

interface PendingCode extends CodeRequest {
  expiresAt: number
  /** Set once exchanged: a second exchange revokes this grant. */
  grantId?: string
}

interface Grant {
  id: string
  clientId: string
  username: string
  scopes: string[]
  accessTokens: Set<string>
  refreshToken: string | null
  revoked: boolean
}

interface AccessToken {
  grantId: string
  expiresAt: number
}

/** 'invalid': issued by us but expired or revoked (X: 401), not some other kind of token. */
export type TokenCheck = { username: string; scopes: string[] } | 'invalid' | undefined

function opaqueToken(): string {
  return randomBytes(36).toString('base64url')
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url')
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** RFC 7636 §4.1: 43–128 characters of [A-Z a-z 0-9 - . _ ~]. */
export const PKCE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/

export class OAuthAuthority {
  private readonly clients = new Map<string, OAuthClient>()
  private codes = new Map<string, PendingCode>()
  private grants = new Map<string, Grant>()
  private accessTokens = new Map<string, AccessToken>()
  private refreshTokens = new Map<string, string>()
  readonly accessTokenTtlMs: number
  private readonly codeTtlMs: number

  constructor(
    private readonly now: () => number,
    opts: OAuthOptions = {},
  ) {
    for (const client of opts.clients ?? [DEMO_OAUTH_CLIENT]) this.clients.set(client.clientId, client)
    this.accessTokenTtlMs = opts.accessTokenTtlMs ?? ACCESS_TOKEN_TTL_MS
    this.codeTtlMs = opts.codeTtlMs ?? CODE_TTL_MS
  }

  client(clientId: string): OAuthClient | undefined {
    return this.clients.get(clientId)
  }

  redirectAllowed(client: OAuthClient, redirectUri: string): boolean {
    if (client.redirectUris) return client.redirectUris.includes(redirectUri)
    try {
      const url = new URL(redirectUri)
      return /^https?:$/.test(url.protocol) && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
    } catch {
      return false
    }
  }

  /**
   * Who is calling the token or revoke endpoint: a confidential client must send HTTP
   * Basic (X: 401 unauthorized_client "Missing valid authorization header"); a public
   * client names itself in client_id.
   */
  authenticateClient(authorization: string | undefined, bodyClientId: string | undefined): OAuthClient | OAuthError {
    const basic = /^Basic\s+(\S+)\s*$/i.exec(authorization ?? '')
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      const id = decodeURIComponent(colon < 0 ? decoded : decoded.slice(0, colon))
      const secret = colon < 0 ? '' : decodeURIComponent(decoded.slice(colon + 1))
      const client = this.clients.get(id)
      if (!client || !client.clientSecret || !sameSecret(client.clientSecret, secret))
        return oauthError('invalid_client', 'Client authentication failed', 401)
      return client
    }
    const client = bodyClientId ? this.clients.get(bodyClientId) : undefined
    if (!client) return oauthError('invalid_request', 'Missing required parameter [client_id].')
    if (client.clientSecret) return oauthError('unauthorized_client', 'Missing valid authorization header', 401)
    return client
  }

  issueCode(request: CodeRequest): string {
    const code = opaqueToken()
    this.codes.set(code, { ...request, expiresAt: this.now() + this.codeTtlMs })
    return code
  }

  exchangeCode(client: OAuthClient, code: string, redirectUri: string, verifier: string): TokenAnswer | OAuthError {
    const invalid = oauthError('invalid_grant', 'Value passed for the authorization code was invalid.')
    const pending = this.codes.get(code)
    if (!pending || pending.clientId !== client.clientId) return invalid
    if (pending.grantId) {
      // Replayed: the first exchange's tokens go too.
      this.revokeGrant(pending.grantId)
      this.codes.delete(code)
      return invalid
    }
    if (this.now() > pending.expiresAt) {
      this.codes.delete(code)
      return invalid
    }
    if (pending.redirectUri !== redirectUri)
      return oauthError('invalid_grant', 'Value passed for the redirect uri did not match the authorization request.')
    if (!PKCE_VERIFIER.test(verifier))
      return oauthError('invalid_request', 'Value passed for the code verifier was invalid.')
    const expected = pending.codeChallengeMethod === 'S256' ? s256(verifier) : verifier
    if (!sameSecret(expected, pending.codeChallenge))
      return oauthError('invalid_grant', 'Value passed for the code verifier did not match the code challenge.')
    const grant: Grant = {
      id: opaqueToken(),
      clientId: client.clientId,
      username: pending.username,
      scopes: pending.scopes,
      accessTokens: new Set(),
      refreshToken: null,
      revoked: false,
    }
    this.grants.set(grant.id, grant)
    pending.grantId = grant.id
    return this.tokensFor(grant)
  }

  refresh(client: OAuthClient, refreshToken: string): TokenAnswer | OAuthError {
    const grantId = this.refreshTokens.get(refreshToken)
    const grant = grantId ? this.grants.get(grantId) : undefined
    if (!grant || grant.revoked || grant.clientId !== client.clientId || grant.refreshToken !== refreshToken)
      return oauthError('invalid_grant', 'Value passed for the token was invalid.')
    // Rotation: this refresh token is spent.
    this.refreshTokens.delete(refreshToken)
    grant.refreshToken = null
    return this.tokensFor(grant)
  }

  /** RFC 7009: revoking either token of a grant ends the whole grant; unknown tokens are not an error. */
  revoke(client: OAuthClient, token: string): void {
    const grantId = this.accessTokens.get(token)?.grantId ?? this.refreshTokens.get(token)
    const grant = grantId ? this.grants.get(grantId) : undefined
    if (grant && grant.clientId === client.clientId) this.revokeGrant(grant.id)
  }

  /** Test and tool hook: the account withdraws every app's access (as from X's settings). */
  revokeAllFor(username: string): number {
    let n = 0
    for (const grant of this.grants.values()) {
      if (!grant.revoked && grant.username.toLowerCase() === username.toLowerCase()) {
        this.revokeGrant(grant.id)
        n++
      }
    }
    return n
  }

  /** The account and scopes an access token acts for. */
  check(accessToken: string): TokenCheck {
    const token = this.accessTokens.get(accessToken)
    if (!token) return undefined
    const grant = this.grants.get(token.grantId)
    if (!grant || grant.revoked || this.now() >= token.expiresAt) return 'invalid'
    return { username: grant.username, scopes: grant.scopes }
  }

  /** Live grants (for /_sim/oauth and tests): never the tokens themselves. */
  liveGrants(): { username: string; clientId: string; scopes: string[]; hasRefreshToken: boolean }[] {
    return [...this.grants.values()]
      .filter((g) => !g.revoked)
      .map((g) => ({
        username: g.username,
        clientId: g.clientId,
        scopes: g.scopes,
        hasRefreshToken: g.refreshToken !== null,
      }))
  }

  reset(): void {
    this.codes = new Map()
    this.grants = new Map()
    this.accessTokens = new Map()
    this.refreshTokens = new Map()
  }

  private tokensFor(grant: Grant): TokenAnswer {
    const access = opaqueToken()
    this.accessTokens.set(access, { grantId: grant.id, expiresAt: this.now() + this.accessTokenTtlMs })
    grant.accessTokens.add(access)
    const answer: TokenAnswer = {
      token_type: 'bearer',
      expires_in: Math.max(1, Math.round(this.accessTokenTtlMs / 1000)),
      access_token: access,
      scope: grant.scopes.join(' '),
    }
    if (grant.scopes.includes('offline.access')) {
      const refresh = opaqueToken()
      this.refreshTokens.set(refresh, grant.id)
      grant.refreshToken = refresh
      answer.refresh_token = refresh
    }
    return answer
  }

  private revokeGrant(grantId: string): void {
    const grant = this.grants.get(grantId)
    if (!grant) return
    // Its access tokens stay known, so using one is a 401 rather than an app-only call.
    grant.revoked = true
    if (grant.refreshToken) this.refreshTokens.delete(grant.refreshToken)
    grant.refreshToken = null
  }
}
