// Keeping connected handles connected: the leader refreshes every access token that
// expires within the policy's window, one handle at a time (X rotates refresh tokens, so
// two refreshes of one grant must never race — only the leader runs this). A failure is
// recorded on the handle and retried later, the delay doubling up to a ceiling.
import type { HandlesDeps } from './deps'
import { clearHandleError, handleRows, recordHandleError, sealContext, type HandleRow } from './registry'
import { refreshTokens, revokeToken, XOAuthError } from './x-oauth'

export interface RefreshResult {
  refreshed: string[]
  failed: string[]
}

export function retryDelay(deps: HandlesDeps, failures: number): number {
  return Math.min(deps.refresh.retryMaxMs, deps.refresh.retryBaseMs * 2 ** Math.max(0, failures - 1))
}

export async function refreshDueHandles(deps: HandlesDeps, now = Date.now()): Promise<RefreshResult> {
  const result: RefreshResult = { refreshed: [], failed: [] }
  if (!deps.oauth || !deps.box) return result
  const due = (await handleRows(deps.db)).filter(
    (r) =>
      r.refresh_token_sealed !== null &&
      new Date(r.expires_at!).getTime() <= now + deps.refresh.withinMs &&
      (r.next_attempt_at === null || new Date(r.next_attempt_at).getTime() <= now),
  )
  for (const row of due) {
    if (await refreshOne(deps, row, now)) result.refreshed.push(row.username)
    else result.failed.push(row.username)
  }
  return result
}

async function refreshOne(deps: HandlesDeps, row: HandleRow, now: number): Promise<boolean> {
  const box = deps.box!
  const oauth = deps.oauth!
  const key = row.username_key
  try {
    const tokens = await refreshTokens(oauth, box.open(row.refresh_token_sealed!, sealContext(key, 'refresh')), now)
    // Only if nobody disconnected or reconnected the handle meanwhile (same refresh token).
    const updated = await deps.db.query(
      `UPDATE x_handle_credentials SET access_token_sealed = $2, refresh_token_sealed = $3, scopes = $4,
         expires_at = $5, last_refresh_at = $6, refresh_failures = 0, next_attempt_at = NULL
       WHERE username_key = $1 AND refresh_token_sealed = $7 RETURNING username_key`,
      [
        key,
        box.seal(tokens.accessToken, sealContext(key, 'access')),
        tokens.refreshToken ? box.seal(tokens.refreshToken, sealContext(key, 'refresh')) : null,
        tokens.scopes.join(' ') || row.scopes,
        new Date(tokens.expiresAt),
        new Date(now),
        row.refresh_token_sealed,
      ],
    )
    if (updated.length === 0) {
      await revokeToken(
        oauth,
        tokens.refreshToken ?? tokens.accessToken,
        tokens.refreshToken ? 'refresh_token' : 'access_token',
      ).catch(() => undefined)
      return false
    }
    await clearHandleError(deps.db, key)
    return true
  } catch (error) {
    const failures = (row.refresh_failures ?? 0) + 1
    const next = new Date(now + retryDelay(deps, failures))
    const message = error instanceof Error ? error.message : String(error)
    const hint =
      error instanceof XOAuthError && error.code === 'invalid_grant'
        ? ' — X no longer accepts this connection: connect the handle again'
        : ''
    await deps.db.query(
      'UPDATE x_handle_credentials SET refresh_failures = $2, next_attempt_at = $3 WHERE username_key = $1',
      [key, failures, next],
    )
    await recordHandleError(deps.db, key, `Refreshing the token failed (attempt ${failures}): ${message}${hint}`)
    deps.log(
      `[handles] refreshing @${row.username} failed (attempt ${failures}, next at ${next.toISOString()}): ${message}`,
    )
    return false
  }
}
