// Errors as {error, message} with a proper status code. A client's malformed request
// (bad JSON, wrong content type, too large, invalid fields) is always a 4xx here; only a
// fault of the server itself is a 500.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodError } from 'zod'
import { DatabaseUnavailableError } from '../db/database'

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export function sendError(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  return reply.code(status).send({ error, message })
}

/** Enough issues to fix the request; a batch of 200 broken actions does not make a 100 KB answer. */
const MAX_ISSUES_SHOWN = 10

export function describeZodError(error: ZodError): string {
  const shown = error.issues
    .slice(0, MAX_ISSUES_SHOWN)
    .map((i) => `${i.path.join('.').slice(0, 200) || '(body)'}: ${i.message}`)
  const more = error.issues.length - shown.length
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '')
}

/** Fastify's own refusals of a request, as our codes and plain messages. */
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; error: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, error: 'payload_too_large', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    error: 'unsupported_media_type',
    message: 'Send the body as application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    error: 'bad_request',
    message: 'The Content-Length header does not match the body',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    error: 'bad_request',
    message: 'The body is empty but Content-Type is application/json',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, error: 'bad_json', message: 'The body is not valid JSON' },
}

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: a NUL in text, a number out of range,
 * malformed input) come from a value the request carried: the contract should have refused
 * it, but if one ever slips through it is still the client's 400, not our 500.
 */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)
}

export function apiErrorHandler(log: (message: string) => void) {
  return (error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    if (error instanceof HttpError) return sendError(reply, error.statusCode, error.code, error.message)
    // A database that does not answer (full disk, hung engine): a clear 503 at once.
    if (error instanceof DatabaseUnavailableError) return sendError(reply, 503, 'database_unavailable', error.message)
    const known = FASTIFY_CLIENT_ERRORS[error.code]
    if (known) return sendError(reply, known.status, known.error, known.message)
    if (error instanceof SyntaxError) return sendError(reply, 400, 'bad_json', 'The body is not valid JSON')
    if (isDataException(error)) {
      log(
        `[server] input reached the database unvalidated (${request.method} ${request.routeOptions.url}): ${error.message}`,
      )
      return sendError(reply, 400, 'bad_request', 'A value in the request cannot be stored')
    }
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) {
      return sendError(reply, status, /^[a-z_]+$/.test(error.code ?? '') ? error.code : 'bad_request', error.message)
    }
    log(`[server] internal error: ${error.stack ?? error.message}`)
    return sendError(reply, 500, 'internal', 'Internal server error')
  }
}
