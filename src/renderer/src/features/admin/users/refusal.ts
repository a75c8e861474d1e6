// The users routes' own refusals in the screen's words; anything else as any failure.
import { problemFromError, type Problem } from '../../../i18n/problem'
import { StaffApiError } from '../../../lib/staff-api'

const OWN_WORDS: Record<string, string> = {
  user_exists: 'admin.users.form.exists',
  cannot_disable_self: 'admin.users.cannotDisableSelf',
  cannot_demote_self: 'admin.users.cannotDemoteSelf',
}

export function usersProblem(error: unknown): Problem {
  const key = error instanceof StaffApiError ? OWN_WORDS[error.code] : undefined
  return key ? { key, detail: (error as StaffApiError).message } : problemFromError(error)
}
