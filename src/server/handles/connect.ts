// Connecting a handle: the admin's Connect makes a state and a PKCE verifier (kept here,
// sealed, single use, 10 minutes) and sends the browser to X; X sends it back to the
// callback with a code, which is exchanged, checked against the handle (GET /2/users/me:
// an admin signed in to X as the wrong account must not connect it), and stored sealed.
import { createHash, randomBytes } from 'node:crypto'
import { recordAudit } from '../audit/log'
import { HttpError } from '../http/errors'
import type { HandlesDeps } from './deps'
import { clearHandleError, handleRow, keyOf, recordHandleError, sealContext } from './registry'
import { authorizeAddress, exchangeCode, newPkcePair, revokeToken, whoAmI, type XTokens } from './x-oauth'

export const PENDING_CONNECT_MS = 10 * 60_000

const hashState = (state: string): string => createHash('sha256').update(state).digest('hex')

export function connectReady(deps: HandlesDeps): asserts deps is HandlesDeps & {
  oauth: NonNullable<HandlesDeps['oauth']>
  box: NonNullable<HandlesDeps['box']>
} {
  if (!deps.oauth || !deps.box)
    throw new HttpError(503, 'handles_not_configured', deps.connectProblem ?? 'not configured')
}

export async function startConnect(deps: HandlesDeps, username: string, actor: string, clientAddress: string) {
  connectReady(deps)
  const row = await handleRow(deps.db, username)
  if (!row) throw new HttpError(404, 'not_found', `@${username} is not one of the organisation's handles`)
  const state = randomBytes(32).toString('base64url')
  const { verifier, challenge } = newPkcePair()
  const redirectUri = deps.redirectUri()
  await deps.db.query('DELETE FROM x_oauth_pending WHERE expires_at < now()')
  await deps.db.query(
    `INSERT INTO x_oauth_pending (state_hash, username_key, verifier_sealed, redirect_uri, started_by, client_address, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      hashState(state),
      row.username_key,
      deps.box.seal(verifier, sealContext(row.username_key, 'verifier')),
      redirectUri,
      actor,
      clientAddress,
      new Date(Date.now() + (deps.pendingConnectMs ?? PENDING_CONNECT_MS)),
    ],
  )
  return { authorizeUrl: authorizeAddress(deps.oauth, { redirectUri, state, challenge }) }
}

export type CallbackOutcome =
  { ok: true; username: string } | { ok: false; status: number; username: string | null; reason: string }

interface PendingRow {
  [key: string]: unknown
  username_key: string
  verifier_sealed: string
  redirect_uri: string
  started_by: string
  expires_at: Date | string
}

export async function completeConnect(
  deps: HandlesDeps,
  query: { code?: string | undefined; state?: string | undefined; error?: string | undefined },
  clientAddress: string,
): Promise<CallbackOutcome> {
  connectReady(deps)
  if (!query.state)
    return { ok: false, status: 400, username: null, reason: 'The address has no state: start again from Connect.' }
  // Taken and deleted at once: a state works once, even if two requests race with it.
  const [pending] = await deps.db.query<PendingRow>('DELETE FROM x_oauth_pending WHERE state_hash = $1 RETURNING *', [
    hashState(query.state),
  ])
  if (!pending || new Date(pending.expires_at).getTime() < Date.now())
    return {
      ok: false,
      status: 400,
      username: null,
      reason: 'This sign-in link is unknown, used or expired: start again from Connect.',
    }
  const row = await handleRow(deps.db, pending.username_key)
  if (!row) return { ok: false, status: 404, username: null, reason: 'The handle was removed meanwhile.' }
  const fail = async (status: number, reason: string): Promise<CallbackOutcome> => {
    await recordHandleError(deps.db, row.username_key, reason)
    return { ok: false, status, username: row.username, reason }
  }
  if (query.error) return fail(400, `X did not authorise: ${query.error}`)
  if (!query.code) return fail(400, 'X sent no authorisation code.')
  let tokens: XTokens
  try {
    tokens = await exchangeCode(deps.oauth, {
      code: query.code,
      verifier: deps.box.open(pending.verifier_sealed, sealContext(row.username_key, 'verifier')),
      redirectUri: pending.redirect_uri,
    })
  } catch (error) {
    return fail(502, `Exchanging the code failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  let account: { id: string; username: string }
  try {
    account = await whoAmI(deps.oauth, tokens.accessToken)
  } catch (error) {
    await revokeQuietly(deps, tokens)
    return fail(502, error instanceof Error ? error.message : String(error))
  }
  if (keyOf(account.username) !== row.username_key) {
    // Signed in to X as someone else: those tokens are of no use to us, so they go back.
    await revokeQuietly(deps, tokens)
    return fail(409, `X was signed in as @${account.username}, not @${row.username}: sign in to X as @${row.username}.`)
  }
  const box = deps.box
  // A reconnect replaces a grant: the old one goes back to X once the new one is stored.
  const previous = row.access_token_sealed
    ? {
        accessToken: openOrNull(box, row.access_token_sealed, sealContext(row.username_key, 'access')),
        refreshToken: row.refresh_token_sealed
          ? openOrNull(box, row.refresh_token_sealed, sealContext(row.username_key, 'refresh'))
          : null,
      }
    : null
  await deps.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO x_handle_credentials (username_key, x_user_id, access_token_sealed, refresh_token_sealed, scopes,
         expires_at, connected_by, connected_at, last_refresh_at, refresh_failures, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now(), NULL, 0, NULL)
       ON CONFLICT (username_key) DO UPDATE SET x_user_id = EXCLUDED.x_user_id,
         access_token_sealed = EXCLUDED.access_token_sealed, refresh_token_sealed = EXCLUDED.refresh_token_sealed,
         scopes = EXCLUDED.scopes, expires_at = EXCLUDED.expires_at, connected_by = EXCLUDED.connected_by,
         connected_at = now(), last_refresh_at = NULL, refresh_failures = 0, next_attempt_at = NULL`,
      [
        row.username_key,
        account.id,
        box.seal(tokens.accessToken, sealContext(row.username_key, 'access')),
        tokens.refreshToken ? box.seal(tokens.refreshToken, sealContext(row.username_key, 'refresh')) : null,
        tokens.scopes.join(' '),
        new Date(tokens.expiresAt),
        pending.started_by,
      ],
    )
    await clearHandleError(tx, row.username_key)
    await recordAudit(tx, {
      actor: pending.started_by,
      action: 'handle.connected',
      target: row.username,
      clientAddress,
      details: { xUserId: account.id, scopes: tokens.scopes, refreshable: tokens.refreshToken !== null },
    })
  })
  if (previous) await revokeQuietly(deps, previous)
  deps.log(`[handles] @${row.username} connected by ${pending.started_by}`)
  return { ok: true, username: row.username }
}

/** A sealed token, or null when it was sealed with a key this server no longer has. */
export function openOrNull(box: { open(sealed: string, context: string): string }, sealed: string, context: string) {
  try {
    return box.open(sealed, context)
  } catch {
    return null
  }
}

/** Hands tokens back to X; a failure only means they live until they expire. */
export async function revokeQuietly(
  deps: HandlesDeps,
  tokens: { accessToken: string | null; refreshToken: string | null },
): Promise<boolean> {
  if (!deps.oauth) return false
  let ok = true
  for (const [token, hint] of [
    [tokens.refreshToken, 'refresh_token'],
    [tokens.accessToken, 'access_token'],
  ] as const) {
    if (!token) continue
    try {
      await revokeToken(deps.oauth, token, hint)
    } catch (error) {
      ok = false
      deps.log(`[handles] revoking a token at X failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return ok
}
