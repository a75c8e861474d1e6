import { describe, expect, it } from 'vitest'
import { describeError } from '../../src/renderer/src/lib/bridge'
import { replyLanguage } from '../../src/renderer/src/lib/lang'
import { ago, slaLeft } from '../../src/renderer/src/lib/time'
import { validateLogin } from '../../src/renderer/src/store/session-store'

describe('login form validation', () => {
  const form = { serverUrl: '', username: 'officer1', password: 'secret' }
  it('accepts a form without a server address, and one with an http(s) URL', () => {
    expect(validateLogin(form)).toBeNull()
    expect(validateLogin({ ...form, serverUrl: 'http://10.0.0.5:8080' })).toBeNull()
  })
  it('explains what is missing or wrong', () => {
    expect(validateLogin({ ...form, username: '  ' })).toMatch(/username/)
    expect(validateLogin({ ...form, password: '' })).toMatch(/password/)
    expect(validateLogin({ ...form, serverUrl: '10.0.0.5:8080x y' })).toMatch(/full URL/)
    expect(validateLogin({ ...form, serverUrl: 'ftp://server' })).toMatch(/http/)
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
    expect(describeError(undefined)).toBe('Something went wrong.')
  })
})

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
