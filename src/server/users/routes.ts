// The users capability over HTTP:
//   GET   /api/v1/admin/users              admins: every user
//   POST  /api/v1/admin/users              admins: a new user (201; 409 when the name is taken)
//   PATCH /api/v1/admin/users/:username    admins: edit, disable/enable, set a password
//   POST  /api/v1/auth/password            anyone signed in: change their own password
// Officers and supervisors get 403 on the admin routes, everyone 401 without a token.
import type { FastifyInstance } from 'fastify'
import { LIMITS } from '../../shared/limits'
import {
  ChangePasswordRequest,
  CreateUserRequest,
  UpdateUserRequest,
  USERS_PATHS,
  type AdminUser,
  type ChangePasswordResponse,
  type UserList,
} from '../../shared/users'
import { authenticateSession, requireRole } from '../auth/routes'
import type { LoginThrottlePolicy, SessionCloser } from '../auth'
import { admitAttempt, KnownLockouts, recordSuccess } from '../auth/login-throttle'
import type { ServerContext } from '../context'
import { HttpError } from '../http/errors'
import { parseInput } from '../http/routes'
import { changeOwnPassword, createUser, listUsers, updateUser } from './accounts'

export function registerUserRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  opts: { sessions: SessionCloser; throttle: LoginThrottlePolicy },
): void {
  const { sessions, throttle } = opts
  const known = new KnownLockouts()
  app.get(USERS_PATHS.users, async (request): Promise<UserList> => {
    await requireRole(ctx, request, ['admin'], 'list users')
    return { users: await listUsers(ctx.db) }
  })

  app.post(USERS_PATHS.users, { bodyLimit: LIMITS.smallBodyBytes }, async (request, reply) => {
    const admin = await requireRole(ctx, request, ['admin'], 'create users')
    const body = parseInput(CreateUserRequest, request.body)
    const user: AdminUser = await createUser(ctx.db, { username: admin.username, clientAddress: request.ip }, body)
    return reply.code(201).send(user)
  })

  app.patch(USERS_PATHS.user, { bodyLimit: LIMITS.smallBodyBytes }, async (request): Promise<AdminUser> => {
    const admin = await requireRole(ctx, request, ['admin'], 'change users')
    const { username } = request.params as { username: string }
    if (username.length > LIMITS.nameChars) throw new HttpError(404, 'not_found', 'No such user')
    const body = parseInput(UpdateUserRequest, request.body)
    return updateUser(ctx.db, { username: admin.username, clientAddress: request.ip }, username, body, sessions)
  })

  app.post(
    USERS_PATHS.password,
    { bodyLimit: LIMITS.smallBodyBytes },
    async (request, reply): Promise<ChangePasswordResponse> => {
      const session = await authenticateSession(ctx, request, {
        allowPasswordChangePending: true,
        allowTwoFactorEnrolmentPending: true,
      })
      const { currentPassword, newPassword } = parseInput(ChangePasswordRequest, request.body)
      // A guess at the current password is a guess at the account: it counts as a sign-in
      // attempt, so an unlocked desk left behind cannot be used to try passwords at leisure.
      const username = session.user.username
      const admission = await admitAttempt(ctx.db, username, request.ip, throttle, known)
      if (!admission.admitted) {
        const seconds = Math.max(1, Math.ceil(admission.retryAfterMs / 1000))
        reply.header('retry-after', String(seconds))
        throw new HttpError(429, 'too_many_attempts', `Too many wrong passwords; try again in ${seconds} s`)
      }
      let sessionsEnded: number
      try {
        sessionsEnded = await changeOwnPassword(
          ctx.db,
          { id: session.id, username },
          request.ip,
          currentPassword,
          newPassword,
          sessions,
        )
      } catch (error) {
        // The current password was right (only the new one was refused): not a guess.
        if (!(error instanceof HttpError && error.code === 'wrong_password'))
          await recordSuccess(ctx.db, username, request.ip, throttle, known)
        throw error
      }
      await recordSuccess(ctx.db, username, request.ip, throttle, known)
      return { ok: true, sessionsEnded }
    },
  )
}
