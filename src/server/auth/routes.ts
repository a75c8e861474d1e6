// The HTTP side of authentication: sign-in (with lockout: 429 and Retry-After), sign-out,
// and the Bearer check every other route runs. Tokens travel only in the Authorization
// header: one in the address ends up in proxy and server logs and browser history.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { LIMITS } from '../../shared/limits'
import { API_PATHS, LoginRequest, type Role } from '../../shared/protocol'
import { TWO_FACTOR_ENROLMENT_REQUIRED, TWO_FACTOR_LIMITS, TWO_FACTOR_PATHS } from '../../shared/two-factor'
import { PASSWORD_CHANGE_REQUIRED, USERS_PATHS } from '../../shared/users'
import { audit } from '../audit/log'
import type { ServerContext } from '../context'
import { describeZodError, HttpError } from '../http/errors'
import { openChallenge } from '../two-factor/challenges'
import { signIn } from './login'
import { KnownLockouts, type LoginThrottlePolicy } from './login-throttle'
import { endSession, sessionForToken, sessionIdOf, type Session, type SessionCloser } from './sessions'
import { publicUser, type StaffUser } from './users'

export function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.authorization ?? '')
  return match?.[1] ?? null
}

/** A token in the address is refused outright, so no client comes to rely on it. */
function refuseQueryToken(request: FastifyRequest): void {
  const query = request.query as Record<string, unknown> | undefined
  if (query && 'token' in query)
    throw new HttpError(
      400,
      'token_in_query',
      'Send the session token in the Authorization header (Bearer), never in the address',
    )
}

export interface AuthenticateOptions {
  /**
   * The route serves a user who must still replace the password an admin chose (only
   * /me and changing the password do); every other route answers them 403
   * password_change_required.
   */
  allowPasswordChangePending?: boolean
  /**
   * The route serves a user whose role must use two-factor and who has not enrolled yet
   * (only /me, the two-factor enrolment routes and changing the password do); every other
   * route answers them 403 two_factor_enrolment_required.
   */
  allowTwoFactorEnrolmentPending?: boolean
}

export async function authenticateSession(
  ctx: ServerContext,
  request: FastifyRequest,
  opts: AuthenticateOptions = {},
): Promise<Session> {
  refuseQueryToken(request)
  const token = bearerToken(request)
  if (!token) throw new HttpError(401, 'unauthorized', 'Sign in first: send Authorization: Bearer <token>')
  const session = await sessionForToken(ctx.db, token)
  if (!session) throw new HttpError(401, 'unauthorized', 'The session token is unknown or has expired; sign in again')
  if (session.user.mustChangePassword && !opts.allowPasswordChangePending)
    throw new HttpError(
      403,
      PASSWORD_CHANGE_REQUIRED,
      `Choose a new password first (POST ${USERS_PATHS.password}): an administrator set the current one`,
    )
  if (session.user.mustEnrolTwoFactor && !opts.allowTwoFactorEnrolmentPending)
    throw new HttpError(
      403,
      TWO_FACTOR_ENROLMENT_REQUIRED,
      `Turn on two-factor sign-in first (POST ${TWO_FACTOR_PATHS.enrolment}): it is required for ${session.user.role}s`,
    )
  return session
}

export async function authenticate(
  ctx: ServerContext,
  request: FastifyRequest,
  opts: AuthenticateOptions = {},
): Promise<StaffUser> {
  return (await authenticateSession(ctx, request, opts)).user
}

/**
 * The signed-in user when their role is one of `roles`; 401 without a session, 403 with
 * the wrong role. Every supervisor and admin route starts with this.
 */
export async function requireRole(
  ctx: ServerContext,
  request: FastifyRequest,
  roles: readonly Role[],
  what: string,
): Promise<StaffUser> {
  const user = await authenticate(ctx, request)
  if (!roles.includes(user.role))
    throw new HttpError(403, 'forbidden', `Only ${roles.map((r) => `${r}s`).join(' and ')} may ${what}`)
  return user
}

export function registerAuthRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  opts: { throttle: LoginThrottlePolicy; sessions: SessionCloser },
): void {
  const known = new KnownLockouts()
  app.post(API_PATHS.login, { bodyLimit: LIMITS.smallBodyBytes }, async (request, reply) => {
    const parsed = LoginRequest.safeParse(request.body)
    if (!parsed.success) throw new HttpError(400, 'bad_request', describeZodError(parsed.error))
    const outcome = await signIn(ctx.db, { ...parsed.data, ip: request.ip }, opts.throttle, ctx.log, known)
    // Every attempt is on the record, failures with the name tried (never the password).
    await audit(ctx.db, {
      actor:
        outcome.kind === 'signed-in' || outcome.kind === 'code-needed' ? outcome.user.username : parsed.data.username,
      action:
        outcome.kind === 'signed-in'
          ? 'auth.sign-in'
          : outcome.kind === 'code-needed'
            ? 'auth.sign-in-code-asked'
            : 'auth.sign-in-failed',
      clientAddress: request.ip,
      ...(outcome.kind === 'locked' ? { details: { lockedOut: true } } : {}),
    })
    // The password was right; the session waits for the code (POST TWO_FACTOR_PATHS.verify).
    if (outcome.kind === 'code-needed')
      return reply.send({
        twoFactor: 'code',
        challenge: await openChallenge(ctx.db, outcome.user.username),
        expiresInSeconds: TWO_FACTOR_LIMITS.challengeSeconds,
      })
    if (outcome.kind === 'locked') {
      reply.header('retry-after', String(outcome.retryAfterSeconds))
      throw new HttpError(
        429,
        'too_many_attempts',
        `Too many failed sign-ins; try again in ${outcome.retryAfterSeconds} s`,
      )
    }
    if (outcome.kind === 'invalid') throw new HttpError(401, 'invalid_credentials', 'Wrong username or password')
    return reply.send({
      token: outcome.token,
      user: publicUser(outcome.user),
      mustChangePassword: outcome.user.mustChangePassword ?? false,
      mustEnrolTwoFactor: outcome.user.mustEnrolTwoFactor ?? false,
    })
  })

  // Idempotent: a desk that lost the answer and signs out again still gets 204.
  app.post(API_PATHS.logout, { bodyLimit: LIMITS.smallBodyBytes }, async (request, reply) => {
    refuseQueryToken(request)
    const token = bearerToken(request)
    if (!token) throw new HttpError(401, 'unauthorized', 'Send the token to end as Authorization: Bearer <token>')
    const session = await sessionForToken(ctx.db, token)
    await endSession(ctx.db, sessionIdOf(token), opts.sessions)
    if (session)
      await audit(ctx.db, { actor: session.user.username, action: 'auth.sign-out', clientAddress: request.ip })
    return reply.code(204).send()
  })
}
