import { describe, expect, it } from 'vitest'
import { i18n } from '../../src/renderer/src/i18n/instance'
import { problemFromError, problemText, problemTitle } from '../../src/renderer/src/i18n/problem'
import { describeError } from '../../src/renderer/src/lib/bridge'
import { replyLanguage } from '../../src/renderer/src/lib/lang'
import { ago as agoIn, slaLeft as slaLeftIn } from '../../src/renderer/src/i18n/time'
import { validateLogin } from '../../src/renderer/src/store/session-store'

describe('login form validation', () => {
  const form = { serverUrl: '', username: 'officer1', password: 'secret' }
  it('accepts a form without a server address, and one with an http(s) URL', () => {
    expect(validateLogin(form)).toBeNull()
    expect(validateLogin({ ...form, serverUrl: 'http://10.0.0.5:8080' })).toBeNull()
  })
  it('explains what is missing or wrong, as catalogue sentences', () => {
    expect(validateLogin({ ...form, username: '  ' })).toEqual({ key: 'session.usernameMissing' })
    expect(validateLogin({ ...form, password: '' })).toEqual({ key: 'session.passwordMissing' })
    expect(validateLogin({ ...form, serverUrl: '10.0.0.5:8080x y' })).toEqual({ key: 'session.serverNotUrl' })
    expect(validateLogin({ ...form, serverUrl: 'ftp://server' })).toEqual({ key: 'session.serverNotHttp' })
    expect(i18n.getFixedT('en')(validateLogin({ ...form, serverUrl: 'ftp://server' })!.key)).toMatch(/http/)
  })
  it('asks for the server address only when the desk does not know one', () => {
    expect(validateLogin(form, true)).toBeNull()
    expect(validateLogin(form, false)).toEqual({ key: 'session.serverMissing' })
  })
})

describe('describeError', () => {
  it("strips Electron's IPC wrapping", () => {
    const wrapped = new Error("Error invoking remote method 'seva:invoke': Error: Wrong username or password.")
    expect(describeError(wrapped)).toBe('Wrong username or password.')
  })
  it('reads desk errors that arrive as plain objects or strings', () => {
    expect(describeError({ code: 'offline', message: 'The server cannot be reached.' })).toBe(
      'The server cannot be reached.',
    )
    expect(describeError('boom')).toBe('boom')
    expect(describeError(undefined)).toBe('')
  })
})

describe('problems in plain words', () => {
  const en = i18n.getFixedT('en')
  const hi = i18n.getFixedT('hi')
  const refused = Object.assign(
    new Error('Cannot reach the server at http://127.0.0.1:4020: connect ECONNREFUSED 127.0.0.1:4020'),
    {
      code: 'offline',
    },
  )

  it('says "offline" as a sentence and keeps the technical reason for support only', () => {
    const problem = problemFromError(refused)
    expect(problemText(problem, en)).not.toMatch(/ECONNREFUSED/)
    expect(problemText(problem, en)).toMatch(/cannot be reached/)
    expect(problemText(problem, hi)).toMatch(/सर्वर/)
    expect(problemTitle(problem, en)).toMatch(/ECONNREFUSED 127\.0\.0\.1:4020/)
  })

  it('reads a refused sign-in as a wrong password, not an expired session', () => {
    const wrong = { code: 'unauthorised', message: 'invalid credentials' }
    expect(problemText(problemFromError(wrong, 'login'), en)).toMatch(/username or password/)
    expect(problemText(problemFromError(wrong), en)).toMatch(/Sign in again/)
  })

  it('maps every desk error code to a sentence, falling back to the desk message', () => {
    expect(problemFromError({ code: 'server', message: 'The server failed (503)' }).key).toBe('problem.server')
    expect(problemFromError({ code: 'not-found', message: 'x' }).key).toBe('problem.notFound')
    expect(problemText(problemFromError({ code: 'invalid-input', message: 'Reason is required' }), en)).toBe(
      'That did not work: Reason is required',
    )
    expect(problemText(problemFromError(undefined), hi)).toBe('कुछ गड़बड़ हो गई।')
  })
})

const slaLeft = (dueAt: string, now: number) => slaLeftIn(dueAt, now, 'en')
const ago = (at: string | null, now: number) => agoIn(at, now, 'en')

describe('time and language helpers', () => {
  const now = Date.parse('2026-03-01T12:00:00Z')
  it('shows time left before an SLA and how far past it we are', () => {
    expect(slaLeft('2026-03-01T15:30:00Z', now)).toEqual({ text: '3h 30m left', breached: false })
    expect(slaLeft('2026-02-28T10:00:00Z', now)).toEqual({ text: 'overdue 1d 2h', breached: true })
    expect(slaLeft('garbage', now)).toEqual({ text: '—', breached: false })
  })
  it('says when the desk last synced', () => {
    expect(ago(null, now)).toBe('never')
    expect(ago('2026-03-01T11:59:50Z', now)).toBe('just now')
    expect(ago('2026-03-01T11:55:00Z', now)).toBe('5 minutes ago')
  })
  it('tags a reply Hindi when it contains Devanagari', () => {
    expect(replyLanguage('आपकी शिकायत MHA-26-000001 दर्ज')).toBe('hi')
    expect(replyLanguage('Your complaint MHA-26-000001 is registered')).toBe('en')
  })
})
