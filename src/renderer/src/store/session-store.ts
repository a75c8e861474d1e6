// Who is signed in. `session` is null until the desk has answered `session.get`, so the
// app can tell "still restoring" from "signed out".
import { create } from 'zustand'
import type { Session } from '../../../shared/desk-api'
import { problemFromError, type Problem } from '../i18n/problem'
import { invokeDesk } from '../lib/bridge'

export interface LoginForm {
  serverUrl: string
  username: string
  password: string
}

interface SessionStore {
  session: Session | null
  restoring: boolean
  loggingIn: boolean
  error: Problem | null
  restore(): Promise<void>
  login(form: LoginForm): Promise<boolean>
  logout(): Promise<void>
  /** The signed-in user's new password (required after an admin set it); false when refused (see changeError). */
  changePassword(currentPassword: string, newPassword: string): Promise<boolean>
  changingPassword: boolean
  changeError: Problem | null
  setSession(session: Session): void
}

/**
 * Checks the form before the desk does, so the officer gets a sentence, not a zod dump.
 * `serverKnown`: the desk already has an address (pre-seeded or used before), so the
 * field may stay empty.
 */
export function validateLogin(form: LoginForm, serverKnown = true): Problem | null {
  if (!form.username.trim()) return { key: 'session.usernameMissing' }
  if (!form.password) return { key: 'session.passwordMissing' }
  const server = form.serverUrl.trim()
  if (!server && !serverKnown) return { key: 'session.serverMissing' }
  if (server) {
    let url: URL
    try {
      url = new URL(server)
    } catch {
      return { key: 'session.serverNotUrl' }
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { key: 'session.serverNotHttp' }
  }
  return null
}

/**
 * Signed in for work: a user, and nothing still held back (a password of their own, or the
 * two-factor enrolment their role requires). Until then the workspace stays closed.
 */
export function workingUser(session: Session | null | undefined): Session['user'] | undefined {
  if (!session?.user || session.mustChangePassword || session.twoFactor) return undefined
  return session.user
}

export const useSessionStore = create<SessionStore>()((set, get) => ({
  session: null,
  restoring: true,
  loggingIn: false,
  error: null,
  changingPassword: false,
  changeError: null,

  async restore() {
    set({ restoring: true })
    try {
      set({ session: await invokeDesk('session.get', {}), restoring: false })
    } catch (error) {
      set({ session: { user: null, serverUrl: null }, restoring: false, error: problemFromError(error) })
    }
  },

  async login(form) {
    const invalid = validateLogin(form, Boolean(get().session?.serverUrl))
    if (invalid) {
      set({ error: invalid })
      return false
    }
    set({ loggingIn: true, error: null })
    try {
      const server = form.serverUrl.trim()
      const session = await invokeDesk('session.login', {
        username: form.username.trim(),
        password: form.password,
        ...(server ? { serverUrl: server } : {}),
      })
      // The code step (two-factor) comes before there is a user.
      if (!session.user && session.twoFactor !== 'code') {
        set({ loggingIn: false, error: { key: 'session.noUser' } })
        return false
      }
      set({ session, loggingIn: false })
      return true
    } catch (error) {
      set({ loggingIn: false, error: problemFromError(error, 'login') })
      return false
    }
  },

  async logout() {
    try {
      set({ session: await invokeDesk('session.logout', {}), error: null })
    } catch (error) {
      set({ error: problemFromError(error) })
    }
  },

  async changePassword(currentPassword, newPassword) {
    set({ changingPassword: true, changeError: null })
    try {
      const session = await invokeDesk('session.change-password', { currentPassword, newPassword })
      set({ session, changingPassword: false })
      return true
    } catch (error) {
      const problem = problemFromError(error)
      // The server names the field it refuses: a wrong current password gets its own sentence.
      const wrongCurrent = /^currentPassword:/.test(problem.detail ?? '')
      set({
        changingPassword: false,
        changeError: wrongCurrent
          ? { key: 'admin.users.changePassword.wrongCurrent', detail: problem.detail! }
          : problem,
      })
      return false
    }
  },

  setSession(session) {
    set({ session })
  },
}))
