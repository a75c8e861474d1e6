// GET /2/users/:id/mentions and GET /2/tweets/search/recent

import type { ApiHandler, ApiRequest, ApiResult } from '../context'
import { isNumericId } from '../ids'
import { invalidRequest, resourceNotFound } from '../problems'
import { matchesQuery, parseQuery, QueryError, type QueryNode } from '../query'
import { parseFieldSelection } from '../render'
import type { Tweet } from '../store'
import { pageNewestFirst, renderPage, type PageRequest } from './pages'
import { cursorParam, idParam, intParam, isError, timeParam } from './params'

const SEARCH_WINDOW_MS = 7 * 24 * 60 * 60 * 1000
const MAX_SEARCH_QUERY = 512

type Bounds = Omit<PageRequest, 'accept'>

function pageBounds(r: ApiRequest, min: number, max: number, fallback: number): Bounds | ApiResult {
  const p = r.url.searchParams
  const maxResults = intParam(p, 'max_results', min, max, fallback)
  if (isError(maxResults)) return maxResults
  const sinceId = idParam(p, 'since_id')
  if (isError(sinceId)) return sinceId
  const untilId = idParam(p, 'until_id')
  if (isError(untilId)) return untilId
  const cursor = cursorParam(p, 'pagination_token', 'next_token')
  if (isError(cursor)) return cursor
  const startTime = timeParam(p, 'start_time')
  if (isError(startTime)) return startTime
  const endTime = timeParam(p, 'end_time')
  if (isError(endTime)) return endTime
  const bounds: Bounds = { max: maxResults }
  if (sinceId !== undefined) bounds.sinceId = sinceId
  if (untilId !== undefined) bounds.untilId = untilId
  if (cursor !== undefined) bounds.cursor = cursor
  if (startTime !== undefined) bounds.startTime = startTime
  if (endTime !== undefined) bounds.endTime = endTime
  return bounds
}

function isResult(value: Bounds | ApiResult): value is ApiResult {
  return value === 'handled' || 'status' in value
}

export const getMentions: ApiHandler = (r) => {
  const id = r.params.id ?? ''
  if (!isNumericId(id)) return invalidRequest(`The \`id\` query parameter value [${id}] is not valid`, 'id', id)
  const sel = parseFieldSelection(r.url.searchParams)
  if (isError(sel)) return sel
  const bounds = pageBounds(r, 5, 100, 10)
  if (isResult(bounds)) return bounds
  const user = r.ctx.store.userById(id)
  if (!user) return { status: 200, body: { errors: [resourceNotFound('user', 'id', id)] } }
  const page = pageNewestFirst(r.ctx.store.mentionsOf(user.username), { ...bounds, accept: () => true })
  return { status: 200, body: renderPage(r.ctx, page, sel, 'next_token') }
}

export const searchRecent: ApiHandler = (r) => {
  const p = r.url.searchParams
  const query = p.get('query')
  if (query === null || query.length === 0) {
    return invalidRequest('The `query` query parameter can not be empty', 'query', query ?? '')
  }
  let node: QueryNode
  try {
    node = parseQuery(query, MAX_SEARCH_QUERY)
  } catch (err) {
    if (err instanceof QueryError)
      return invalidRequest(`There were errors processing your request: ${err.message}`, 'query', query)
    throw err
  }
  const sel = parseFieldSelection(p)
  if (isError(sel)) return sel
  const bounds = pageBounds(r, 10, 100, 10)
  if (isResult(bounds)) return bounds
  const sortOrder = p.get('sort_order')
  if (sortOrder !== null && sortOrder !== 'recency' && sortOrder !== 'relevancy') {
    return invalidRequest(
      `The \`sort_order\` query parameter value [${sortOrder}] is not one of [recency,relevancy]`,
      'sort_order',
      sortOrder,
    )
  }
  // Recent search only sees the last 7 days.
  const windowStart = r.ctx.now() - SEARCH_WINDOW_MS
  bounds.startTime = Math.max(bounds.startTime ?? windowStart, windowStart)
  const store = r.ctx.store
  const page = pageNewestFirst(store.timeline, { ...bounds, accept: (t: Tweet) => matchesQuery(node, t, store) })
  return { status: 200, body: renderPage(r.ctx, page, sel, 'next_token') }
}
