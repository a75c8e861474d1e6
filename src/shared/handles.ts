// The X handles capability's contract: the organisation's handles, which of them are
// connected to X by OAuth 2.0 (PKCE), and the admin routes that add, remove, connect and
// disconnect them. Tokens never cross the wire: only whether a handle is connected, until
// when, and what went wrong last.
import { z } from 'zod'
import { LIMITS, safeString } from './limits'

export const HANDLES_PATHS = {
  /** Admins: GET the list; POST {username, division?, primary?} adds one. */
  handles: '/api/v1/admin/handles',
  /** Admins: DELETE removes the handle (disconnecting it first). */
  handle: '/api/v1/admin/handles/:username',
  /** Admins: POST → {authorizeUrl} to open in the system browser. */
  connect: '/api/v1/admin/handles/:username/connect',
  /** Admins: POST revokes the handle's tokens at X and forgets them. */
  disconnect: '/api/v1/admin/handles/:username/disconnect',
  /** Where X sends the browser back (?code&state); authenticated by the single-use state. */
  callback: '/api/v1/oauth/x/callback',
} as const

/** A route of HANDLES_PATHS for one handle. */
export function handlePath(path: string, username: string): string {
  return path.replace(':username', encodeURIComponent(username))
}

export const X_USERNAME = /^[A-Za-z0-9_]{1,15}$/

export const XUsername = safeString(LIMITS.xUsernameChars)
  .transform((s) => s.trim().replace(/^@/, ''))
  .pipe(z.string().regex(X_USERNAME, { message: 'must be an X username: 1–15 letters, digits or _' }))

export const HandleParams = z.object({ username: XUsername })

export const AddHandleInput = z
  .object({
    username: XUsername,
    /** A division of the organisation whose work this handle brings in. */
    division: safeString(LIMITS.nameChars).min(1).optional(),
    /** The handle that posts replies and acknowledgements (only one is). */
    primary: z.boolean().optional(),
  })
  .strict()
export type AddHandleInput = z.infer<typeof AddHandleInput>

export const HandleStatus = z.object({
  username: z.string(),
  primary: z.boolean(),
  division: z.string().nullable(),
  connected: z.boolean(),
  /** Who connected it, and when (ISO). */
  connectedBy: z.string().nullable(),
  connectedAt: z.string().nullable(),
  /** When the access token stops working unless refreshed. */
  tokenExpiresAt: z.string().nullable(),
  /** Whether X gave a refresh token (offline.access): without one the handle must be reconnected every 2 h. */
  refreshable: z.boolean(),
  lastRefreshAt: z.string().nullable(),
  /** The last failure to connect or refresh, until the next success. */
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  /** When a failed refresh is tried again. */
  nextRetryAt: z.string().nullable(),
})
export type HandleStatus = z.infer<typeof HandleStatus>

export const HandleList = z.object({
  handles: z.array(HandleStatus),
  /** False when the server has no OAuth client or no key to encrypt tokens with: Connect cannot work. */
  canConnect: z.boolean(),
  /** Why not, for the admin. */
  connectProblem: z.string().nullable(),
})
export type HandleList = z.infer<typeof HandleList>

export const ConnectAnswer = z.object({ authorizeUrl: z.string() })
export type ConnectAnswer = z.infer<typeof ConnectAnswer>

export const DisconnectAnswer = z.object({
  handle: HandleStatus,
  /** False when X could not be reached: the tokens are forgotten here but may live on at X until they expire. */
  revokedAtX: z.boolean(),
})
export type DisconnectAnswer = z.infer<typeof DisconnectAnswer>

export const OAuthCallbackQuery = z.object({
  code: safeString(LIMITS.oauthParamChars).optional(),
  state: safeString(LIMITS.oauthParamChars).optional(),
  error: safeString(LIMITS.oauthParamChars).optional(),
  error_description: safeString(LIMITS.oauthParamChars).optional(),
})
