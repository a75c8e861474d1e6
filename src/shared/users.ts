// The users capability's contract: admins list, create and edit staff accounts; every
// signed-in user changes their own password (and must, after an admin set it). The
// server side is src/server/users; the admin screen is features/admin/users.
import { z } from 'zod'
import { LIMITS, safeText } from './limits'
import { Role } from './protocol'

export const USERS_PATHS = {
  /** Admins: GET lists every user; POST creates one (201, 409 when the username exists). */
  users: '/api/v1/admin/users',
  /** Admins: PATCH edits one user (display name, role, divisions, languages, capacity, disabled, password). */
  user: '/api/v1/admin/users/:username',
  /** Any signed-in user, even one who must change their password first: POST {currentPassword, newPassword}. */
  password: '/api/v1/auth/password',
} as const

/** The answer of a route a must-change user may not use yet (403). */
export const PASSWORD_CHANGE_REQUIRED = 'password_change_required'

/**
 * Usernames are what officers type at sign-in and what the audit log names: lower-case
 * letters, digits and . _ - only, starting with a letter or digit (no look-alike Unicode).
 */
export const Username = safeText(LIMITS.nameChars).regex(/^[a-z0-9][a-z0-9._-]*$/, {
  message: 'use lower-case letters, digits and . _ - only, starting with a letter or digit',
})

const DisplayName = safeText(LIMITS.reasonChars).refine((s) => s.trim().length > 0, { message: 'must not be blank' })
const Divisions = z.array(safeText(LIMITS.nameChars)).max(LIMITS.userDivisions)
const Languages = z.array(safeText(LIMITS.nameChars)).max(LIMITS.userLanguages)
const Capacity = z.number().int().min(0).max(LIMITS.userCapacity)
const Password = safeText(LIMITS.passwordChars)

/** A user as admins see them (never the password hash). */
export const AdminUser = z.object({
  username: z.string(),
  displayName: z.string(),
  role: Role,
  divisions: z.array(z.string()),
  languages: z.array(z.string()),
  capacity: z.number().int(),
  disabled: z.boolean(),
  /** Set when an admin chose the password: the user must pick their own at next sign-in. */
  mustChangePassword: z.boolean(),
  /** ISO time, null when never signed in. */
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
})
export type AdminUser = z.infer<typeof AdminUser>

export const UserList = z.object({ users: z.array(AdminUser) })
export type UserList = z.infer<typeof UserList>

/** POST /api/v1/admin/users. */
export const CreateUserRequest = z
  .object({
    username: Username,
    displayName: DisplayName,
    role: Role,
    divisions: Divisions,
    password: Password,
    languages: Languages.optional(),
    capacity: Capacity.optional(),
  })
  .strict()
export type CreateUserRequest = z.infer<typeof CreateUserRequest>

/** PATCH /api/v1/admin/users/:username: only the fields given change. */
export const UpdateUserRequest = z
  .object({
    displayName: DisplayName.optional(),
    role: Role.optional(),
    divisions: Divisions.optional(),
    languages: Languages.optional(),
    capacity: Capacity.optional(),
    disabled: z.boolean().optional(),
    /** A new password chosen by the admin: the user's sessions end and they must change it at next sign-in. */
    password: Password.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'say what to change' })
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>

/** POST /api/v1/auth/password. */
export const ChangePasswordRequest = z.object({ currentPassword: Password, newPassword: Password }).strict()
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>

/** Its answer: the session used stays; every other session of the user has ended. */
export const ChangePasswordResponse = z.object({ ok: z.literal(true), sessionsEnded: z.number().int() })
export type ChangePasswordResponse = z.infer<typeof ChangePasswordResponse>
