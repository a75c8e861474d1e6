// GET /2/users/me, /2/users/by/username/:username, /2/users/:id

import type { ApiHandler, ApiRequest, ApiResult } from '../context'
import { isNumericId } from '../ids'
import { invalidRequest, resourceNotFound, unsupportedAuthentication } from '../problems'
import { parseFieldSelection, renderUser } from '../render'
import type { SimUser } from '../store'
import { isError } from './params'

function answerUser(r: ApiRequest, user: SimUser | undefined, parameter: string, value: string): ApiResult {
  const sel = parseFieldSelection(r.url.searchParams, true)
  if (isError(sel)) return sel
  if (!user) return { status: 200, body: { errors: [resourceNotFound('user', parameter, value)] } }
  return { status: 200, body: { data: renderUser(user, r.ctx.store, sel.userFields) } }
}

export const getMe: ApiHandler = (r) => {
  if (r.auth.kind !== 'user') return unsupportedAuthentication('user')
  return answerUser(r, r.auth.user, 'id', r.auth.user.id)
}

export const getUserByUsername: ApiHandler = (r) => {
  const username = r.params.username ?? ''
  if (!/^[A-Za-z0-9_]{1,15}$/.test(username)) {
    return invalidRequest(
      `The \`username\` query parameter value [${username}] does not match ^[A-Za-z0-9_]{1,15}$`,
      'username',
      username,
    )
  }
  return answerUser(r, r.ctx.store.userByName(username), 'username', username)
}

export const getUserById: ApiHandler = (r) => {
  const id = r.params.id ?? ''
  if (!isNumericId(id)) return invalidRequest(`The \`id\` query parameter value [${id}] is not valid`, 'id', id)
  return answerUser(r, r.ctx.store.userById(id), 'id', id)
}
