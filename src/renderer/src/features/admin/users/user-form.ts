// The user form's state and its checks before anything is sent: a sentence beside the
// field instead of the server's 400. The password itself is checked by the shared policy.
import { LIMITS } from '../../../../../shared/limits'
import type { Role } from '../../../../../shared/protocol'
import { Username, type AdminUser, type CreateUserRequest, type UpdateUserRequest } from '../../../../../shared/users'
import { passwordHints } from '../../session/password-hints'

export interface UserDraft {
  username: string
  displayName: string
  role: Role
  divisions: string[]
  languages: string[]
  capacity: string
  password: string
}

export const emptyDraft = (): UserDraft => ({
  username: '',
  displayName: '',
  role: 'officer',
  divisions: [],
  languages: ['en', 'hi'],
  capacity: '20',
  password: '',
})

export function draftOf(user: AdminUser): UserDraft {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    divisions: user.divisions,
    languages: user.languages,
    capacity: String(user.capacity),
    password: '',
  }
}

/** Catalogue keys of what is wrong, by field; empty when the draft may be sent. */
export function draftProblems(draft: UserDraft, creating: boolean): Partial<Record<keyof UserDraft, string>> {
  const problems: Partial<Record<keyof UserDraft, string>> = {}
  if (creating && !Username.safeParse(draft.username).success) problems.username = 'admin.users.form.usernameInvalid'
  if (!draft.displayName.trim() || draft.displayName.length > LIMITS.reasonChars)
    problems.displayName = 'admin.users.form.displayNameMissing'
  const capacity = Number(draft.capacity)
  if (!/^\d+$/.test(draft.capacity.trim()) || capacity > LIMITS.userCapacity)
    problems.capacity = 'admin.users.form.capacityInvalid'
  if ((creating || draft.password !== '') && !passwordHints(draft.password, draft.username).ok)
    problems.password = 'admin.users.policy.title'
  return problems
}

export function createRequest(draft: UserDraft): CreateUserRequest {
  return {
    username: draft.username,
    displayName: draft.displayName.trim(),
    role: draft.role,
    divisions: draft.divisions,
    languages: draft.languages,
    capacity: Number(draft.capacity),
    password: draft.password,
  }
}

/** Only what changed (an unchanged role must not sign the user out). */
export function updateRequest(before: AdminUser, draft: UserDraft): UpdateUserRequest {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  const body: Record<string, unknown> = {}
  if (draft.displayName.trim() !== before.displayName) body.displayName = draft.displayName.trim()
  if (draft.role !== before.role) body.role = draft.role
  if (!same(draft.divisions, before.divisions)) body.divisions = draft.divisions
  if (!same(draft.languages, before.languages)) body.languages = draft.languages
  if (Number(draft.capacity) !== before.capacity) body.capacity = Number(draft.capacity)
  if (draft.password !== '') body.password = draft.password
  return body as UpdateUserRequest
}
