// RFC 6238 codes, by otpauth: a new secret, its otpauth:// address, and which time step a
// typed code belongs to (within the accepted clock skew). Pure: the clock is passed in.
import { Secret, TOTP } from 'otpauth'
import { TWO_FACTOR_LIMITS } from '../../shared/two-factor'

function totpOf(secretBase32: string, account = '', issuer = ''): TOTP {
  return new TOTP({
    issuer,
    label: account,
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: TWO_FACTOR_LIMITS.codeDigits,
    period: TWO_FACTOR_LIMITS.periodSeconds,
  })
}

/** A new random secret, base32 (what authenticator apps take when typed). */
export function newTotpSecret(): string {
  return new Secret({ size: TWO_FACTOR_LIMITS.secretBytes }).base32
}

/** otpauth://totp/Issuer:account?secret=…: the QR code's content. */
export function totpUri(secretBase32: string, account: string, issuer: string): string {
  return totpOf(secretBase32, account, issuer).toString()
}

/** The time step `atMs` falls in. */
export function timeStepAt(atMs: number): number {
  return TOTP.counter({ period: TWO_FACTOR_LIMITS.periodSeconds, timestamp: atMs })
}

/**
 * The time step the code is right for, within ±skewSteps of `atMs`, or null when it is
 * right for none (the comparison is otpauth's, in constant time).
 */
export function matchingStep(secretBase32: string, code: string, atMs: number): number | null {
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: atMs, window: TWO_FACTOR_LIMITS.skewSteps })
  return delta === null ? null : timeStepAt(atMs) + delta
}

/** The code for the step `atMs` falls in (tests and the e2e spec compute codes as an app would). */
export function codeAt(secretBase32: string, atMs: number): string {
  return totpOf(secretBase32).generate({ timestamp: atMs })
}
