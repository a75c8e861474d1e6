// X API v2 error bodies, as X sends them. Typed problems use the spec's
// https://api.x.com/2/problems/* types; the generic ones (401, 429, 503, duplicate
// content) are "about:blank" problems, exactly as the live API answers them.

export interface ApiError {
  status: number
  body: Record<string, unknown>
}

const PROBLEMS = 'https://api.x.com/2/problems'

export function unauthorized(): ApiError {
  return { status: 401, body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } }
}

export function forbidden(detail: string): ApiError {
  return { status: 403, body: { title: 'Forbidden', type: 'about:blank', status: 403, detail } }
}

export function tooManyRequests(): ApiError {
  return {
    status: 429,
    body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
  }
}

export function serviceUnavailable(): ApiError {
  return {
    status: 503,
    body: { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: 503 },
  }
}

export function notFoundRoute(path: string): ApiError {
  return {
    status: 404,
    body: { title: 'Not Found Error', type: 'about:blank', status: 404, detail: `No such endpoint: ${path}` },
  }
}

export function unsupportedAuthentication(needs: 'user' | 'app'): ApiError {
  const detail =
    needs === 'user'
      ? 'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].'
      : 'Authenticating with OAuth 2.0 User Context is forbidden for this endpoint.  Supported authentication types are [OAuth 2.0 Application-Only].'
  return {
    status: 403,
    body: { title: 'Unsupported Authentication', detail, type: `${PROBLEMS}/unsupported-authentication`, status: 403 },
  }
}

/** X's 400: a problem with one entry per bad parameter in `errors`. */
export function invalidRequest(message: string, parameter?: string, value?: string): ApiError {
  const error: Record<string, unknown> = { message }
  if (parameter !== undefined) error.parameters = { [parameter]: [value ?? ''] }
  return {
    status: 400,
    body: {
      errors: [error],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: `${PROBLEMS}/invalid-request`,
      status: 400,
    },
  }
}

export function streamTooManyConnections(): ApiError {
  return {
    status: 429,
    body: {
      title: 'ConnectionException',
      detail: 'This stream is currently at the maximum allowed connection limit.',
      connection_issue: 'TooManyConnections',
      type: `${PROBLEMS}/streaming-connection`,
      status: 429,
    },
  }
}

export function usageCapExceeded(): ApiError {
  return {
    status: 429,
    body: {
      title: 'UsageCapExceeded',
      detail: 'Usage cap exceeded: Monthly product cap',
      type: `${PROBLEMS}/usage-capped`,
      period: 'Monthly',
      scope: 'Product',
      status: 429,
    },
  }
}

/** The per-item error X puts in `errors` of a 200 answer when a tweet or user is missing. */
export function resourceNotFound(
  resourceType: 'tweet' | 'user',
  parameter: string,
  value: string,
): Record<string, unknown> {
  const what =
    resourceType === 'tweet' ? 'tweet with id' : parameter === 'username' ? 'user with username' : 'user with id'
  return {
    value,
    detail: `Could not find ${what}: [${value}].`,
    title: 'Not Found Error',
    resource_type: resourceType,
    parameter,
    resource_id: value,
    type: `${PROBLEMS}/resource-not-found`,
  }
}

export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value
}
