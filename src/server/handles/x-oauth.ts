// The server as an OAuth 2.0 client of X (authorization code with PKCE): the authorize
// address, the token exchange and refresh, revocation, and "who is this token?". Plain
// fetch against X's documented endpoints; form-encoded bodies; a confidential client
// authenticates with HTTP Basic, a public one sends client_id.
import { createHash, randomBytes } from 'node:crypto'

/** What the handles ask X for: read mentions, post replies, know who they are, stay connected. */
export const HANDLE_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access'] as const

/** The simulator's demo client (src/twitter-sim/oauth DEMO_OAUTH_CLIENT): the defaults against it. */
export const SIM_CLIENT = { clientId: 'seva-desk-sim', clientSecret: 'seva-desk-sim-secret' } as const

const REAL_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize'
const CALL_TIMEOUT_MS = 15_000

export interface OAuthClientConfig {
  clientId: string
  clientSecret?: string | undefined
  /** X API base (https://api.x.com or the simulator). */
  apiBase: string
  /** The consent page; default X's (or the simulator's /i/oauth2/authorize). */
  authorizeUrl: string
}

export function defaultAuthorizeUrl(apiBase: string, isRealX: boolean): string {
  return isRealX ? REAL_AUTHORIZE_URL : new URL('/i/oauth2/authorize', apiBase).toString()
}

export interface XTokens {
  accessToken: string
  refreshToken: string | null
  /** Epoch ms. */
  expiresAt: number
  scopes: string[]
}

/** A refusal by X (or no answer): `code` is X's OAuth error (invalid_grant …) when it gave one. */
export class XOAuthError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
  ) {
    super(message)
  }
}

export function newPkcePair(): { verifier: string; challenge: string } {
  // 48 random bytes → 64 base64url characters (RFC 7636 allows 43–128).
  const verifier = randomBytes(48).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

export function authorizeAddress(
  config: OAuthClientConfig,
  input: { redirectUri: string; state: string; challenge: string },
): string {
  const url = new URL(config.authorizeUrl)
  url.searchParams.set('response_type', 'code')
  url.searchParams.set('client_id', config.clientId)
  url.searchParams.set('redirect_uri', input.redirectUri)
  url.searchParams.set('scope', HANDLE_SCOPES.join(' '))
  url.searchParams.set('state', input.state)
  url.searchParams.set('code_challenge', input.challenge)
  url.searchParams.set('code_challenge_method', 'S256')
  return url.toString()
}

async function formCall(
  config: OAuthClientConfig,
  path: string,
  form: Record<string, string>,
): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }
  const body = new URLSearchParams(form)
  if (config.clientSecret) {
    const pair = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`
  } else {
    body.set('client_id', config.clientId)
  }
  let res: Response
  try {
    res = await fetch(new URL(path, config.apiBase), {
      method: 'POST',
      headers,
      body: body.toString(),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    })
  } catch (error) {
    throw new XOAuthError(`X did not answer: ${error instanceof Error ? error.message : String(error)}`, null, null)
  }
  const text = await res.text()
  let json: Record<string, unknown> = {}
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {}
  } catch {
    // X's gateway answers some outages with HTML.
  }
  if (!res.ok) {
    const code = typeof json.error === 'string' ? json.error : null
    const description = typeof json.error_description === 'string' ? json.error_description : text.slice(0, 200)
    throw new XOAuthError(`X refused (${res.status}${code ? ` ${code}` : ''}): ${description}`, res.status, code)
  }
  return json
}

function readTokens(json: Record<string, unknown>, now: number): XTokens {
  const accessToken = json.access_token
  if (typeof accessToken !== 'string' || !accessToken)
    throw new XOAuthError('X answered without an access token', 200, null)
  const expiresIn = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 7200
  return {
    accessToken,
    refreshToken: typeof json.refresh_token === 'string' ? json.refresh_token : null,
    expiresAt: now + expiresIn * 1000,
    scopes: typeof json.scope === 'string' ? json.scope.split(' ').filter(Boolean) : [],
  }
}

export async function exchangeCode(
  config: OAuthClientConfig,
  input: { code: string; verifier: string; redirectUri: string },
  now = Date.now(),
): Promise<XTokens> {
  const json = await formCall(config, '/2/oauth2/token', {
    grant_type: 'authorization_code',
    code: input.code,
    code_verifier: input.verifier,
    redirect_uri: input.redirectUri,
  })
  return readTokens(json, now)
}

export async function refreshTokens(
  config: OAuthClientConfig,
  refreshToken: string,
  now = Date.now(),
): Promise<XTokens> {
  const json = await formCall(config, '/2/oauth2/token', { grant_type: 'refresh_token', refresh_token: refreshToken })
  return readTokens(json, now)
}

export async function revokeToken(
  config: OAuthClientConfig,
  token: string,
  hint: 'access_token' | 'refresh_token',
): Promise<void> {
  await formCall(config, '/2/oauth2/revoke', { token, token_type_hint: hint })
}

/** GET /2/users/me with the new token: which account actually authorised. */
export async function whoAmI(
  config: OAuthClientConfig,
  accessToken: string,
): Promise<{ id: string; username: string }> {
  let res: Response
  try {
    res = await fetch(new URL('/2/users/me', config.apiBase), {
      headers: { authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    })
  } catch (error) {
    throw new XOAuthError(`X did not answer: ${error instanceof Error ? error.message : String(error)}`, null, null)
  }
  const json = (await res.json().catch(() => ({}))) as { data?: { id?: unknown; username?: unknown }; detail?: string }
  if (!res.ok || typeof json.data?.id !== 'string' || typeof json.data.username !== 'string')
    throw new XOAuthError(`X did not say who authorised (${res.status}): ${json.detail ?? 'no user'}`, res.status, null)
  return { id: json.data.id, username: json.data.username }
}
