// Who is signed in. `session` is null until the desk has answered `session.get`, so the
// app can tell "still restoring" from "signed out".
import { create } from 'zustand'
import type { Session } from '../../../shared/desk-api'
import { describeError, invokeDesk } from '../lib/bridge'

export interface LoginForm {
  serverUrl: string
  username: string
  password: string
}

interface SessionStore {
  session: Session | null
  restoring: boolean
  loggingIn: boolean
  error: string | null
  restore(): Promise<void>
  login(form: LoginForm): Promise<boolean>
  logout(): Promise<void>
  setSession(session: Session): void
}

/** Checks the form before the desk does, so the officer gets a sentence, not a zod dump. */
export function validateLogin(form: LoginForm): string | null {
  if (!form.username.trim()) return 'Enter your username.'
  if (!form.password) return 'Enter your password.'
  const server = form.serverUrl.trim()
  if (server) {
    let url: URL
    try {
      url = new URL(server)
    } catch {
      return 'The server address must be a full URL, for example http://10.0.0.5:8080'
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return 'The server address must start with http:// or https://'
  }
  return null
}

export const useSessionStore = create<SessionStore>()((set) => ({
  session: null,
  restoring: true,
  loggingIn: false,
  error: null,

  async restore() {
    set({ restoring: true })
    try {
      set({ session: await invokeDesk('session.get', {}), restoring: false })
    } catch (error) {
      set({ session: { user: null, serverUrl: null }, restoring: false, error: describeError(error) })
    }
  },

  async login(form) {
    const invalid = validateLogin(form)
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
      if (!session.user) {
        set({ loggingIn: false, error: 'Sign-in failed: the desk did not return a user.' })
        return false
      }
      set({ session, loggingIn: false })
      return true
    } catch (error) {
      set({ loggingIn: false, error: describeError(error) })
      return false
    }
  },

  async logout() {
    try {
      set({ session: await invokeDesk('session.logout', {}), error: null })
    } catch (error) {
      set({ error: describeError(error) })
    }
  },

  setSession(session) {
    set({ session })
  },
}))
