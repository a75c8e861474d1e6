// The two-factor capability over HTTP:
//   GET    /api/v1/auth/two-factor                     signed in (even before enrolling): own status
//   POST   /api/v1/auth/two-factor/enrolment           signed in: a new secret (shown once)
//   POST   /api/v1/auth/two-factor/enrolment/confirm   signed in: {code} turns it on
//   POST   /api/v1/auth/two-factor/recovery-codes      signed in, two-factor on: a new set (shown once)
//   POST   /api/v1/auth/two-factor/verify              public: {challenge, code or recovery code} → a session
//   GET    /api/v1/admin/two-factor                    admins: required roles, who has it on
//   PUT    /api/v1/admin/two-factor                    admins: {requiredRoles}
//   DELETE /api/v1/admin/users/:username/two-factor    admins: reset a user's two-factor
// A code is a guess at the account like a password: it is admitted by the sign-in
// throttle first (429 when locked out) and only a right code takes the count back.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { LIMITS } from '../../shared/limits'
import type { LoginResponse } from '../../shared/protocol'
import {
  ConfirmTwoFactorRequest,
  TWO_FACTOR_PATHS,
  TwoFactorPolicy,
  VerifyTwoFactorRequest,
  type AdminTwoFactor,
  type RecoveryCodes,
  type TwoFactorEnrolment,
  type TwoFactorStatus,
} from '../../shared/two-factor'
import { completeSignIn, findUser, publicUser, type LoginThrottlePolicy, type SessionCloser } from '../auth'
import { admitAttempt, KnownLockouts, recordSuccess } from '../auth/login-throttle'
import { authenticateSession, requireRole } from '../auth/routes'
import { revokeSessionsOf } from '../auth/sessions'
import { audit, recordAudit } from '../audit/log'
import type { ServerContext } from '../context'
import { HttpError } from '../http/errors'
import { parseInput } from '../http/routes'
import type { SecretBox } from '../secrets/secret-box'
import {
  adminView,
  checkCode,
  type CodeCheck,
  resetTwoFactor,
  setRequiredRoles,
  startEnrolment,
  twoFactorStatus,
} from './accounts'
import { challengedUser, endChallenge } from './challenges'
import { displayRecoveryCode, replaceRecoveryCodes, useRecoveryCode } from './recovery'
import { totpUri } from './totp'

export interface TwoFactorDeps {
  /** The deployment's key (null: none, so no enrolling; see secrets/secret-box.ts). */
  box: SecretBox | null
  boxProblem: string | null
  throttle: LoginThrottlePolicy
  sessions: SessionCloser
  /** The clock codes are checked against (tests move it). */
  now: () => number
}

const ENROLLING = { allowTwoFactorEnrolmentPending: true } as const

export function registerTwoFactorRoutes(app: FastifyInstance, ctx: ServerContext, deps: TwoFactorDeps): void {
  const known = new KnownLockouts()
  const small = { bodyLimit: LIMITS.smallBodyBytes }

  /** Admits one code attempt for the user, or answers 429 (a failure on the record). */
  async function admitCode(request: FastifyRequest, reply: FastifyReply, username: string): Promise<void> {
    const admission = await admitAttempt(ctx.db, username, request.ip, deps.throttle, known)
    if (admission.admitted) return
    const seconds = Math.max(1, Math.ceil(admission.retryAfterMs / 1000))
    await audit(ctx.db, {
      actor: username,
      action: 'auth.two-factor-failed',
      clientAddress: request.ip,
      details: { lockedOut: true },
    })
    reply.header('retry-after', String(seconds))
    throw new HttpError(429, 'too_many_attempts', `Too many wrong codes; try again in ${seconds} s`)
  }

  app.get(TWO_FACTOR_PATHS.status, async (request): Promise<TwoFactorStatus> => {
    const session = await authenticateSession(ctx, request, { ...ENROLLING, allowPasswordChangePending: true })
    return twoFactorStatus(ctx.db, session.user.username)
  })

  app.post(TWO_FACTOR_PATHS.enrolment, small, async (request): Promise<TwoFactorEnrolment> => {
    const { user } = await authenticateSession(ctx, request, ENROLLING)
    const secret = await startEnrolment(ctx.db, deps.box, deps.boxProblem, user.username)
    await audit(ctx.db, { actor: user.username, action: 'two-factor.enrolment-started', clientAddress: request.ip })
    return { secret, uri: totpUri(secret, user.username, ctx.config.current().org.name) }
  })

  app.post(TWO_FACTOR_PATHS.confirm, small, async (request, reply): Promise<TwoFactorStatus> => {
    const { user } = await authenticateSession(ctx, request, ENROLLING)
    const { code } = parseInput(ConfirmTwoFactorRequest, request.body)
    await admitCode(request, reply, user.username)
    const check = await checkCode(ctx.db, deps.box, deps.boxProblem, user.username, code, deps.now(), true)
    await audit(ctx.db, {
      actor: user.username,
      action: check === 'ok' ? 'two-factor.enabled' : 'auth.two-factor-failed',
      clientAddress: request.ip,
      ...(check === 'ok' ? {} : { details: { enrolling: true, reason: check } }),
    })
    if (check === 'not-enrolled')
      throw new HttpError(409, 'no_enrolment', 'Start enrolment first: there is no new secret to confirm')
    if (check !== 'ok') throw new HttpError(422, 'invalid_code', 'That code is not right; try the current one')
    // Only the attempt this code made is taken back; earlier wrong codes stay counted.
    await recordSuccess(ctx.db, user.username, request.ip, deps.throttle, known)
    return twoFactorStatus(ctx.db, user.username)
  })

  app.post(TWO_FACTOR_PATHS.recoveryCodes, small, async (request): Promise<RecoveryCodes> => {
    const { user } = await authenticateSession(ctx, request)
    if (!(await twoFactorStatus(ctx.db, user.username)).enabled)
      throw new HttpError(
        409,
        'two_factor_off',
        'Turn on two-factor sign-in first: recovery codes stand in for its codes',
      )
    const codes = await replaceRecoveryCodes(ctx.db, user.username)
    await audit(ctx.db, {
      actor: user.username,
      action: 'two-factor.recovery-codes-made',
      clientAddress: request.ip,
      details: { count: codes.length },
    })
    return { codes: codes.map(displayRecoveryCode) }
  })

  app.post(TWO_FACTOR_PATHS.verify, small, async (request, reply): Promise<LoginResponse> => {
    const { challenge, code } = parseInput(VerifyTwoFactorRequest, request.body)
    const username = await challengedUser(ctx.db, challenge)
    if (!username)
      throw new HttpError(401, 'challenge_expired', 'The sign-in took too long or was finished; sign in again')
    await admitCode(request, reply, username)
    // Six digits: the app's code; otherwise one of the user's recovery codes (used up by this).
    const recovery = !/^\d+$/.test(code)
    const check: CodeCheck = recovery
      ? (await useRecoveryCode(ctx.db, username, code))
        ? 'ok'
        : 'wrong'
      : await checkCode(ctx.db, deps.box, deps.boxProblem, username, code, deps.now(), false)
    const user = check === 'ok' ? await findUser(ctx.db, username) : null
    // A parallel request may have used the same challenge first: then this one opens nothing.
    const won = user !== null && (await endChallenge(ctx.db, challenge))
    if (!won || !user) {
      await audit(ctx.db, {
        actor: username,
        action: 'auth.two-factor-failed',
        clientAddress: request.ip,
        details: { reason: check === 'ok' ? 'challenge-used' : check, ...(recovery ? { recoveryCode: true } : {}) },
      })
      throw new HttpError(401, 'invalid_code', 'That code is not right; try the current one')
    }
    const token = await completeSignIn(ctx.db, { username, ip: request.ip }, deps.throttle, known)
    await audit(ctx.db, {
      actor: username,
      action: 'auth.sign-in',
      clientAddress: request.ip,
      details: { twoFactor: true, ...(recovery ? { recoveryCode: true } : {}) },
    })
    return {
      token,
      user: publicUser(user),
      mustChangePassword: user.mustChangePassword ?? false,
      mustEnrolTwoFactor: false,
    }
  })

  app.get(TWO_FACTOR_PATHS.policy, async (request): Promise<AdminTwoFactor> => {
    await requireRole(ctx, request, ['admin'], 'see the two-factor settings')
    return adminView(ctx.db)
  })

  app.put(TWO_FACTOR_PATHS.policy, small, async (request): Promise<AdminTwoFactor> => {
    const admin = await requireRole(ctx, request, ['admin'], 'change the two-factor settings')
    const { requiredRoles } = parseInput(TwoFactorPolicy, request.body)
    // Without the key nobody could enrol: requiring it would only lock those roles out.
    if (requiredRoles.length > 0 && !deps.box)
      throw new HttpError(503, 'two_factor_unavailable', deps.boxProblem ?? 'Two-factor sign-in is not available here')
    // An admin who requires it of their own role has it on first: a setting that would
    // sign its author out at once is a mistake more often than a wish.
    if (requiredRoles.includes(admin.role) && !(await twoFactorStatus(ctx.db, admin.username)).enabled)
      throw new HttpError(
        409,
        'two_factor_off_for_you',
        `Turn on two-factor sign-in for yourself before requiring it for ${admin.role}s`,
      )
    const revoked = await ctx.db.transaction(async (tx) => {
      const { before, revoked } = await setRequiredRoles(tx, requiredRoles, admin.username)
      await recordAudit(tx, {
        actor: admin.username,
        action: 'two-factor.requirement-changed',
        clientAddress: request.ip,
        details: { from: before, to: [...new Set(requiredRoles)], sessionsEnded: revoked.length },
      })
      return revoked
    })
    deps.sessions.closeSessions(revoked)
    return adminView(ctx.db)
  })

  app.delete(TWO_FACTOR_PATHS.reset, async (request): Promise<AdminTwoFactor> => {
    const admin = await requireRole(ctx, request, ['admin'], "reset a user's two-factor sign-in")
    const { username } = request.params as { username: string }
    if (username.length > LIMITS.nameChars) throw new HttpError(404, 'not_found', 'No such user')
    const revoked = await ctx.db.transaction(async (tx) => {
      const { exists, wasOn } = await resetTwoFactor(tx, username)
      if (!exists) throw new HttpError(404, 'not_found', 'No such user')
      // Whoever holds the old authenticator may be signed in as them: every session ends.
      const ended = await revokeSessionsOf(tx, username)
      await recordAudit(tx, {
        actor: admin.username,
        action: 'two-factor.reset',
        target: username,
        clientAddress: request.ip,
        details: { wasOn, sessionsEnded: ended.length },
      })
      return ended
    })
    deps.sessions.closeSessions(revoked)
    return adminView(ctx.db)
  })
}
