// The two-factor capability's contract: optional TOTP (RFC 6238) codes at sign-in, which
// an admin can require for whole roles. A user enrols (the server makes a secret, shows
// it once as an otpauth:// address and a QR code) and confirms with a code; from then on
// a right password gets a short-lived challenge instead of a session, and the code turns
// the challenge into one. The server side is src/server/two-factor; the screens are
// features/two-factor and the admin users section.
import { z } from 'zod'
import { safeText } from './limits'
import { Role } from './protocol'

export const TWO_FACTOR_LIMITS = {
  /** Digits of a code (what every authenticator app shows by default). */
  codeDigits: 6,
  /** Seconds one code is current (RFC 6238's default time step). */
  periodSeconds: 30,
  /** Steps of clock difference accepted either side of the server's (a phone a little fast or slow). */
  skewSteps: 1,
  /** Bytes of a new secret: 160 bits, the HMAC-SHA1 block RFC 4226 recommends. */
  secretBytes: 20,
  /** How long the challenge between password and code lives. */
  challengeSeconds: 300,
  /** A challenge token as sent (base64url of 32 bytes is 43). */
  challengeChars: 64,
  /** Characters a typed code may have before spaces are taken out ("123 456", "abcde-fghij"). */
  typedCodeChars: 16,
  /** Recovery codes made at a time (each good once, for a lost phone). */
  recoveryCodes: 10,
  /** Characters of a recovery code (base32: 50 random bits), shown as two groups of five. */
  recoveryCodeChars: 10,
} as const

export const TWO_FACTOR_PATHS = {
  /** Any signed-in user (even one who must still enrol): GET their own status. */
  status: '/api/v1/auth/two-factor',
  /** POST: a new secret to enrol with (replaces an unconfirmed one); 409 when already on. */
  enrolment: '/api/v1/auth/two-factor/enrolment',
  /** POST {code}: the first right code turns two-factor on. */
  confirm: '/api/v1/auth/two-factor/enrolment/confirm',
  /** No session (the challenge is the key): POST {challenge, code} → the sign-in answer. */
  verify: '/api/v1/auth/two-factor/verify',
  /** Signed in with two-factor on: POST makes a new set of recovery codes (shown once; the old set ends). */
  recoveryCodes: '/api/v1/auth/two-factor/recovery-codes',
  /** Admins: GET the required roles and who has two-factor on; PUT {requiredRoles}. */
  policy: '/api/v1/admin/two-factor',
  /** Admins: DELETE turns a user's two-factor off (a lost phone); their sessions end. */
  reset: '/api/v1/admin/users/:username/two-factor',
} as const

/** The answer of a route a user who must enrol first may not use yet (403). */
export const TWO_FACTOR_ENROLMENT_REQUIRED = 'two_factor_enrolment_required'

/** A code as typed: digits, spaces allowed between them (apps show "123 456"). */
export const TotpCode = safeText(TWO_FACTOR_LIMITS.typedCodeChars)
  .transform((s) => s.replace(/\s+/g, ''))
  .refine((s) => new RegExp(`^\\d{${TWO_FACTOR_LIMITS.codeDigits}}$`).test(s), {
    message: `must be the ${TWO_FACTOR_LIMITS.codeDigits}-digit code from the authenticator app`,
  })

/** A recovery code as typed: ten base32 letters, any case, a dash or spaces between the groups. */
export const RecoveryCode = safeText(TWO_FACTOR_LIMITS.typedCodeChars)
  .transform((s) => s.replace(/[\s-]+/g, '').toLowerCase())
  .refine((s) => new RegExp(`^[a-z2-7]{${TWO_FACTOR_LIMITS.recoveryCodeChars}}$`).test(s), {
    message: 'must be a recovery code (two groups of five letters and digits)',
  })

/** What finishes a sign-in: the app's code, or one of the recovery codes. */
export const SignInCode = z.union([TotpCode, RecoveryCode])

export const RecoveryCodes = z.object({ codes: z.array(z.string()).max(TWO_FACTOR_LIMITS.recoveryCodes) })
export type RecoveryCodes = z.infer<typeof RecoveryCodes>

export const TwoFactorStatus = z.object({
  enabled: z.boolean(),
  /** The user's role must use two-factor (then they cannot work until it is on). */
  required: z.boolean(),
  /** Recovery codes not used yet (0 when none were made). */
  recoveryCodesLeft: z.number().int().optional(),
})
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>

/** A new secret: shown once, for the authenticator app (type it, or scan the address as a QR code). */
export const TwoFactorEnrolment = z.object({
  /** Base32, as authenticator apps take it when typed. */
  secret: z.string(),
  /** otpauth://totp/… with issuer, account, digits and period. */
  uri: z.string(),
})
export type TwoFactorEnrolment = z.infer<typeof TwoFactorEnrolment>

export const ConfirmTwoFactorRequest = z.object({ code: TotpCode }).strict()
export type ConfirmTwoFactorRequest = z.input<typeof ConfirmTwoFactorRequest>

export const VerifyTwoFactorRequest = z
  .object({ challenge: safeText(TWO_FACTOR_LIMITS.challengeChars), code: SignInCode })
  .strict()
export type VerifyTwoFactorRequest = z.input<typeof VerifyTwoFactorRequest>

/** The sign-in answer when the password was right and a code is needed (no session yet). */
export const TwoFactorChallenge = z.object({
  twoFactor: z.literal('code'),
  challenge: z.string().max(TWO_FACTOR_LIMITS.challengeChars),
  expiresInSeconds: z.number().int(),
})
export type TwoFactorChallenge = z.infer<typeof TwoFactorChallenge>

export const TwoFactorPolicy = z.object({ requiredRoles: z.array(Role).max(Role.options.length) }).strict()
export type TwoFactorPolicy = z.infer<typeof TwoFactorPolicy>

/** GET /api/v1/admin/two-factor. */
export const AdminTwoFactor = TwoFactorPolicy.extend({
  /** Users with two-factor on, and since when (ISO). */
  enrolled: z.array(z.object({ username: z.string(), enabledAt: z.string().nullable() })),
  /** Per role, active users with two-factor off: whom requiring it for the role signs out. */
  withoutTwoFactor: z.record(Role, z.number().int().nonnegative()),
})
export type AdminTwoFactor = z.infer<typeof AdminTwoFactor>

/**
 * How many users saving `roles` would sign out: those without two-factor in the roles it
 * newly requires (roles already required caught theirs when they were saved). The admin
 * screen asks before a save that signs anyone out.
 */
export function usersSignedOutBy(view: AdminTwoFactor, roles: readonly Role[]): number {
  const newly = new Set(roles.filter((r) => !view.requiredRoles.includes(r)))
  return [...newly].reduce((sum, role) => sum + view.withoutTwoFactor[role], 0)
}
