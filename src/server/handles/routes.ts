// The handles routes. Admins only (everyone else 403), except the OAuth callback: the
// system browser lands there from X without a session, so it is authenticated by the
// single-use, short-lived state that only the admin's Connect made.
//   GET    /api/v1/admin/handles                        the list with connection state (never tokens)
//   POST   /api/v1/admin/handles                        {username, division?, primary?}   (audited)
//   DELETE /api/v1/admin/handles/:username              revokes at X, removes              (audited)
//   POST   /api/v1/admin/handles/:username/connect      → {authorizeUrl}
//   POST   /api/v1/admin/handles/:username/disconnect   revokes at X, forgets the tokens   (audited)
//   GET    /api/v1/oauth/x/callback?code&state   the page "connected, you can close this window"
import type { FastifyInstance } from 'fastify'
import {
  AddHandleInput,
  HANDLES_PATHS,
  HandleParams,
  OAuthCallbackQuery,
  type ConnectAnswer,
  type DisconnectAnswer,
  type HandleList,
  type HandleStatus,
} from '../../shared/handles'
import { requireRole } from '../auth/routes'
import type { ServerContext } from '../context'
import { parseInput } from '../http/routes'
import { addHandle, disconnectHandle, listHandles, removeHandle } from './admin'
import { callbackPage, pageLanguage } from './callback-page'
import { completeConnect, startConnect, type CallbackOutcome } from './connect'
import type { HandlesDeps } from './deps'

export function registerHandlesRoutes(app: FastifyInstance, ctx: ServerContext, deps: HandlesDeps): void {
  app.get(HANDLES_PATHS.handles, async (request): Promise<HandleList> => {
    await requireRole(ctx, request, ['admin'], 'see the X handles')
    return listHandles(deps)
  })

  app.post(HANDLES_PATHS.handles, async (request, reply): Promise<HandleStatus> => {
    const user = await requireRole(ctx, request, ['admin'], 'add an X handle')
    const input = parseInput(AddHandleInput, request.body)
    const status = await addHandle(deps, input, { actor: user.username, clientAddress: request.ip })
    reply.code(201)
    return status
  })

  app.delete(HANDLES_PATHS.handle, async (request, reply) => {
    const user = await requireRole(ctx, request, ['admin'], 'remove an X handle')
    const { username } = parseInput(HandleParams, request.params)
    await removeHandle(deps, username, { actor: user.username, clientAddress: request.ip })
    return reply.code(204).send()
  })

  app.post(HANDLES_PATHS.connect, async (request): Promise<ConnectAnswer> => {
    const user = await requireRole(ctx, request, ['admin'], 'connect an X handle')
    const { username } = parseInput(HandleParams, request.params)
    return startConnect(deps, username, user.username, request.ip)
  })

  app.post(HANDLES_PATHS.disconnect, async (request): Promise<DisconnectAnswer> => {
    const user = await requireRole(ctx, request, ['admin'], 'disconnect an X handle')
    const { username } = parseInput(HandleParams, request.params)
    return disconnectHandle(deps, username, { actor: user.username, clientAddress: request.ip })
  })

  app.get(HANDLES_PATHS.callback, async (request, reply) => {
    const lang = pageLanguage(request.headers['accept-language'])
    let outcome: CallbackOutcome
    const parsed = OAuthCallbackQuery.safeParse(request.query)
    if (!parsed.success) outcome = { ok: false, status: 400, username: null, reason: 'The address is malformed.' }
    else if (!deps.oauth || !deps.box)
      outcome = { ok: false, status: 503, username: null, reason: deps.connectProblem ?? 'Not configured.' }
    else outcome = await completeConnect(deps, parsed.data, request.ip)
    return reply
      .code(outcome.ok ? 200 : outcome.status)
      .header('content-type', 'text/html; charset=utf-8')
      .send(callbackPage(outcome, lang))
  })
}
