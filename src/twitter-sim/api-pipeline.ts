// The /2 request pipeline: route, authenticate, rate-limit, inject faults, then answer —
// in that order, so every answer carries X's x-rate-limit-* headers.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { apiRouter, CAPPED_READS } from './api'
import type { ApiHandler, Auth, SimContext } from './context'
import { BodyError, readJsonBody, sendJson } from './http-util'
import {
  forbidden,
  invalidRequest,
  notFoundRoute,
  serviceUnavailable,
  tooManyRequests,
  unauthorized,
  usageCapExceeded,
  type ApiError,
} from './problems'
import { missingScopes } from './oauth/scopes'
import { rateLimitHeaders } from './rate-limits'
import type { Router } from './http-util'

const USER_TOKEN_PREFIX = 'sim-user-'

/**
 * An access token from the OAuth flow acts as the account that authorised it (until it
 * expires or is revoked: then 401, as X answers); `sim-user-<username>` acts as that user;
 * any other bearer token is app-only.
 */
export function authenticate(ctx: SimContext, header: string | undefined): Auth | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  if (!match) return undefined
  const token = match[1]!
  const issued = ctx.oauth.check(token)
  if (issued === 'invalid') return undefined
  if (issued) return { kind: 'user', token, user: ctx.store.ensureUser(issued.username), scopes: issued.scopes }
  if (!token.startsWith(USER_TOKEN_PREFIX)) return { kind: 'app', token }
  const username = token.slice(USER_TOKEN_PREFIX.length)
  if (!/^[A-Za-z0-9_]{1,15}$/.test(username)) return undefined
  return { kind: 'user', token, user: ctx.store.ensureUser(username) }
}

export function createApiPipeline(
  ctx: SimContext,
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  const router: Router<ApiHandler> = apiRouter()
  const fail = (res: ServerResponse, error: ApiError, headers: Record<string, string>): void => {
    sendJson(res, error.status, error.body, headers)
  }

  return async (req, res, url) => {
    ctx.stats.requests++
    const method = req.method ?? 'GET'
    const match = router.match(method, url.pathname)
    const auth = authenticate(ctx, req.headers.authorization)
    const endpoint = match?.key ?? `${method} ${url.pathname}`
    if (!auth) {
      fail(res, unauthorized(), rateLimitHeaders(ctx.limiter.hit('anonymous', endpoint, false)))
      return
    }
    const limit = ctx.limiter.hit(auth.token, endpoint)
    const headers = rateLimitHeaders(limit)
    if (!match) {
      fail(res, notFoundRoute(url.pathname), headers)
      return
    }
    // A token from the OAuth flow does only what its scopes allow.
    const lacking = auth.kind === 'user' && auth.scopes ? missingScopes(match.key, auth.scopes) : []
    if (lacking.length > 0) {
      fail(res, forbidden(`Missing OAuth 2.0 scopes for this endpoint: ${lacking.join(' ')}`), headers)
      return
    }
    const { faults, random } = ctx
    if (faults.latencyMs > 0) await sleep(faults.latencyMs)
    if (faults.rate503 > 0 && random.chance(faults.rate503)) {
      ctx.stats.injected503++
      fail(res, serviceUnavailable(), headers)
      return
    }
    if (faults.rate429 > 0 && random.chance(faults.rate429)) {
      ctx.stats.injected429++
      fail(res, tooManyRequests(), { ...headers, 'x-rate-limit-remaining': '0' })
      return
    }
    if (limit.exceeded) {
      ctx.stats.rateLimited++
      fail(res, tooManyRequests(), headers)
      return
    }
    if (CAPPED_READS.has(match.key) && ctx.usage.capExceeded) {
      fail(res, usageCapExceeded(), headers)
      return
    }
    let body: unknown
    if (method === 'POST' || method === 'PUT') {
      try {
        body = await readJsonBody(req)
      } catch (err) {
        fail(res, invalidRequest(err instanceof BodyError ? err.message : 'unreadable request body'), headers)
        return
      }
    }
    const result = await match.handler({ req, res, url, params: match.params, auth, ctx, body, headers })
    if (result === 'handled') return
    sendJson(res, result.status, result.body, headers)
  }
}
