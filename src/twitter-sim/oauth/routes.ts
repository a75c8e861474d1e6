// The HTTP side of the simulated OAuth 2.0 server:
//   GET  /i/oauth2/authorize   X's consent page ("sign in to X" here: pick the account);
//                              `sim_account=<username>` approves at once (tests)
//   POST /i/oauth2/authorize   the page's form: allow or deny, then back to redirect_uri
//   POST /2/oauth2/token       grant_type=authorization_code (with code_verifier) | refresh_token
//   POST /2/oauth2/revoke      token=… → {"revoked": true}
// The token and revoke endpoints take application/x-www-form-urlencoded, as X's do, and
// answer errors as {error, error_description}. A bad client_id or redirect_uri is shown
// on the page and never redirected to (RFC 6749 §4.1.2.1): the address may be an attacker's.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson } from '../http-util'
import type { SimStore } from '../store'
import { oauthError, type OAuthAuthority, type OAuthError, type CodeRequest, type TokenAnswer } from './authority'
import { renderConsentPage, renderErrorPage } from './page'

/** The scopes X's OpenAPI document lists for OAuth2UserToken. */
export const X_SCOPES = new Set(
  'block.read bookmark.read bookmark.write broadcast.read broadcast.write dm.read dm.write follows.read follows.write like.read like.write list.read list.write media.write mute.read mute.write offline.access space.read timeline.read tweet.moderate.write tweet.read tweet.write users.read'.split(
    ' ',
  ),
)

const MAX_FORM_BYTES = 16 * 1024
const USERNAME = /^[A-Za-z0-9_]{1,15}$/
/** X: "up to 500 characters". */
const MAX_STATE_CHARS = 500

export const OAUTH_PATHS = new Set(['/i/oauth2/authorize', '/2/oauth2/token', '/2/oauth2/revoke'])

export interface OAuthDeps {
  authority: OAuthAuthority
  store: SimStore
  /** Accounts offered first on the consent page (the org's handles). */
  handles: readonly string[]
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | OAuthError> {
  const type = req.headers['content-type'] ?? ''
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_FORM_BYTES) return oauthError('invalid_request', 'Request body too large.')
    chunks.push(chunk as Buffer)
  }
  if (!/^application\/x-www-form-urlencoded/i.test(type))
    return oauthError('invalid_request', 'Content-Type must be application/x-www-form-urlencoded.')
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    // The consent page must not be framed (clickjacking) and runs no script.
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:",
  })
  res.end(html)
}

function redirect(res: ServerResponse, to: URL): void {
  res.writeHead(302, { location: to.toString(), 'cache-control': 'no-store', 'content-length': 0 })
  res.end()
}

type Validated =
  | { ok: true; request: Omit<CodeRequest, 'username'>; state: string }
  | { ok: false; show: string }
  | { ok: false; redirect: URL }

/** The authorize parameters, checked in the order that decides where an error may go. */
function validateAuthorize(deps: OAuthDeps, p: URLSearchParams): Validated {
  const clientId = p.get('client_id') ?? ''
  const client = deps.authority.client(clientId)
  if (!client) return { ok: false, show: 'invalid client_id' }
  const redirectUri = p.get('redirect_uri') ?? ''
  if (!deps.authority.redirectAllowed(client, redirectUri))
    return { ok: false, show: 'redirect_uri does not match the callback URL registered for this app' }
  const back = (error: string, description: string): Validated => {
    const url = new URL(redirectUri)
    url.searchParams.set('error', error)
    url.searchParams.set('error_description', description)
    const state = p.get('state')
    if (state) url.searchParams.set('state', state)
    return { ok: false, redirect: url }
  }
  if (p.get('response_type') !== 'code') return back('unsupported_response_type', 'response_type must be code')
  const state = p.get('state') ?? ''
  if (!state || state.length > MAX_STATE_CHARS)
    return back('invalid_request', 'state is required (up to 500 characters)')
  const challenge = p.get('code_challenge') ?? ''
  const method = p.get('code_challenge_method') ?? 'plain'
  if (!challenge) return back('invalid_request', 'code_challenge is required')
  if (method !== 'S256' && method !== 'plain')
    return back('invalid_request', 'code_challenge_method must be S256 or plain')
  const scopes = (p.get('scope') ?? '').split(/\s+/).filter(Boolean)
  if (scopes.length === 0) return back('invalid_request', 'scope is required')
  const unknown = scopes.filter((s) => !X_SCOPES.has(s))
  if (unknown.length > 0) return back('invalid_scope', `unknown scope: ${unknown.join(' ')}`)
  return {
    ok: true,
    state,
    request: {
      clientId,
      redirectUri,
      scopes: [...new Set(scopes)],
      codeChallenge: challenge,
      codeChallengeMethod: method,
    },
  }
}

function approve(deps: OAuthDeps, res: ServerResponse, v: Extract<Validated, { ok: true }>, username: string): void {
  const user = deps.store.ensureUser(username)
  const code = deps.authority.issueCode({ ...v.request, username: user.username })
  const to = new URL(v.request.redirectUri)
  to.searchParams.set('state', v.state)
  to.searchParams.set('code', code)
  redirect(res, to)
}

async function authorize(deps: OAuthDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  let params = url.searchParams
  if (req.method === 'POST') {
    const form = await readForm(req)
    if (!(form instanceof URLSearchParams)) return sendHtml(res, 400, renderErrorPage(form.body.error_description))
    params = form
  } else if (req.method !== 'GET') {
    return sendHtml(res, 405, renderErrorPage('method not allowed'))
  }
  const v = validateAuthorize(deps, params)
  if (!v.ok) return 'show' in v ? sendHtml(res, 400, renderErrorPage(v.show)) : redirect(res, v.redirect)
  const client = deps.authority.client(v.request.clientId)!
  const auto = params.get('sim_account')
  if (req.method === 'GET' && auto !== null) {
    if (!USERNAME.test(auto)) return sendHtml(res, 400, renderErrorPage('sim_account must be an X username'))
    return approve(deps, res, v, auto)
  }
  if (req.method === 'GET') {
    const accounts = [...deps.handles]
    return sendHtml(
      res,
      200,
      renderConsentPage({ clientName: client.name, scopes: v.request.scopes, params, accounts }),
    )
  }
  if (params.get('decision') !== 'allow') {
    const to = new URL(v.request.redirectUri)
    to.searchParams.set('error', 'access_denied')
    to.searchParams.set('state', v.state)
    return redirect(res, to)
  }
  const account = (params.get('other_account') || params.get('account') || '').replace(/^@/, '')
  if (!USERNAME.test(account)) {
    const accounts = [...deps.handles]
    return sendHtml(
      res,
      400,
      renderConsentPage({
        clientName: client.name,
        scopes: v.request.scopes,
        params,
        accounts,
        problem: 'Choose an account',
      }),
    )
  }
  return approve(deps, res, v, account)
}

async function token(deps: OAuthDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req)
  if (!(form instanceof URLSearchParams)) return sendJson(res, form.status, form.body)
  const client = deps.authority.authenticateClient(req.headers.authorization, form.get('client_id') ?? undefined)
  if ('status' in client) return sendJson(res, client.status, client.body)
  const grantType = form.get('grant_type')
  const missing = (name: string): OAuthError => oauthError('invalid_request', `Missing required parameter [${name}].`)
  let answer: TokenAnswer | OAuthError
  if (grantType === 'authorization_code') {
    const code = form.get('code')
    const verifier = form.get('code_verifier')
    const redirectUri = form.get('redirect_uri')
    answer = !code
      ? missing('code')
      : !verifier
        ? missing('code_verifier')
        : !redirectUri
          ? missing('redirect_uri')
          : deps.authority.exchangeCode(client, code, redirectUri, verifier)
  } else if (grantType === 'refresh_token') {
    const refreshToken = form.get('refresh_token')
    answer = refreshToken ? deps.authority.refresh(client, refreshToken) : missing('refresh_token')
  } else {
    answer = grantType
      ? oauthError('unsupported_grant_type', `grant_type ${grantType} is not supported.`)
      : missing('grant_type')
  }
  if ('status' in answer) return sendJson(res, answer.status, answer.body, { 'cache-control': 'no-store' })
  sendJson(res, 200, answer, { 'cache-control': 'no-store', pragma: 'no-cache' })
}

async function revoke(deps: OAuthDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req)
  if (!(form instanceof URLSearchParams)) return sendJson(res, form.status, form.body)
  const client = deps.authority.authenticateClient(req.headers.authorization, form.get('client_id') ?? undefined)
  if ('status' in client) return sendJson(res, client.status, client.body)
  const value = form.get('token')
  if (!value) return sendJson(res, 400, oauthError('invalid_request', 'Missing required parameter [token].').body)
  deps.authority.revoke(client, value)
  sendJson(res, 200, { revoked: true })
}

export async function handleOAuth(deps: OAuthDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (url.pathname === '/i/oauth2/authorize') return authorize(deps, req, res, url)
  if (req.method !== 'POST')
    return sendJson(res, 405, oauthError('invalid_request', `${url.pathname} takes POST`).body, { allow: 'POST' })
  if (url.pathname === '/2/oauth2/token') return token(deps, req, res)
  return revoke(deps, req, res)
}
