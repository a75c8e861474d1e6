// The admin's changes to the handle list: add, remove, disconnect — each with its audit
// entry in the same transaction as the change.
import type { AddHandleInput, DisconnectAnswer, HandleList, HandleStatus } from '../../shared/handles'
import { LIMITS } from '../../shared/limits'
import { recordAudit } from '../audit/log'
import { HttpError } from '../http/errors'
import { openOrNull, revokeQuietly } from './connect'
import type { HandlesDeps } from './deps'
import { handleRow, handleRows, keyOf, sealContext, toStatus } from './registry'

interface Who {
  actor: string
  clientAddress: string
}

export async function listHandles(deps: HandlesDeps): Promise<HandleList> {
  return {
    handles: (await handleRows(deps.db)).map(toStatus),
    canConnect: deps.oauth !== null && deps.box !== null,
    connectProblem: deps.connectProblem,
  }
}

async function statusOf(deps: HandlesDeps, username: string): Promise<HandleStatus> {
  const row = await handleRow(deps.db, username)
  if (!row) throw new HttpError(404, 'not_found', `@${username} is not one of the organisation's handles`)
  return toStatus(row)
}

export async function addHandle(deps: HandlesDeps, input: AddHandleInput, who: Who): Promise<HandleStatus> {
  if (input.division && !deps.currentOrg().divisions.some((d) => d.id === input.division))
    throw new HttpError(400, 'invalid_input', `division: ${input.division} is not a division of the organisation`)
  await deps.db.transaction(async (tx) => {
    const [count] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM x_handles')
    if ((count?.n ?? 0) >= LIMITS.handlesMax)
      throw new HttpError(409, 'too_many_handles', `An organisation has at most ${LIMITS.handlesMax} handles`)
    const [existing] = await tx.query('SELECT 1 FROM x_handles WHERE username_key = $1', [keyOf(input.username)])
    if (existing) throw new HttpError(409, 'handle_exists', `@${input.username} is already one of the handles`)
    if (input.primary) await tx.query('UPDATE x_handles SET is_primary = false WHERE is_primary')
    await tx.query(
      `INSERT INTO x_handles (username, username_key, is_primary, division, added_by) VALUES ($1, $2, $3, $4, $5)`,
      [input.username, keyOf(input.username), input.primary ?? false, input.division ?? null, who.actor],
    )
    await recordAudit(tx, {
      actor: who.actor,
      action: 'handle.added',
      target: input.username,
      clientAddress: who.clientAddress,
      details: { division: input.division ?? null, primary: input.primary ?? false },
    })
  })
  return statusOf(deps, input.username)
}

/** Deletes the handle's tokens here and returns them opened, to revoke at X. */
async function takeTokens(deps: HandlesDeps, usernameKey: string) {
  const [row] = await deps.db.query<{ access_token_sealed: string; refresh_token_sealed: string | null }>(
    'DELETE FROM x_handle_credentials WHERE username_key = $1 RETURNING access_token_sealed, refresh_token_sealed',
    [usernameKey],
  )
  if (!row || !deps.box) return null
  const box = deps.box
  const open = (sealed: string | null, field: 'access' | 'refresh'): string | null =>
    sealed ? openOrNull(box, sealed, sealContext(usernameKey, field)) : null
  return {
    accessToken: open(row.access_token_sealed, 'access'),
    refreshToken: open(row.refresh_token_sealed, 'refresh'),
  }
}

export async function disconnectHandle(deps: HandlesDeps, username: string, who: Who): Promise<DisconnectAnswer> {
  const row = await handleRow(deps.db, username)
  if (!row) throw new HttpError(404, 'not_found', `@${username} is not one of the organisation's handles`)
  if (!row.access_token_sealed) throw new HttpError(409, 'not_connected', `@${row.username} is not connected`)
  const tokens = await takeTokens(deps, row.username_key)
  const revokedAtX = tokens ? await revokeQuietly(deps, tokens) : false
  await deps.db.transaction((tx) =>
    recordAudit(tx, {
      actor: who.actor,
      action: 'handle.disconnected',
      target: row.username,
      clientAddress: who.clientAddress,
      details: { revokedAtX },
    }),
  )
  return { handle: await statusOf(deps, row.username), revokedAtX }
}

export async function removeHandle(deps: HandlesDeps, username: string, who: Who): Promise<void> {
  const row = await handleRow(deps.db, username)
  if (!row) throw new HttpError(404, 'not_found', `@${username} is not one of the organisation's handles`)
  if (row.is_primary)
    throw new HttpError(409, 'primary_handle', `@${row.username} posts the replies: make another handle primary first`)
  const tokens = row.access_token_sealed ? await takeTokens(deps, row.username_key) : null
  const revokedAtX = tokens ? await revokeQuietly(deps, tokens) : null
  await deps.db.transaction(async (tx) => {
    await tx.query('DELETE FROM x_handles WHERE username_key = $1', [row.username_key])
    await recordAudit(tx, {
      actor: who.actor,
      action: 'handle.removed',
      target: row.username,
      clientAddress: who.clientAddress,
      details: { wasConnected: row.access_token_sealed !== null, revokedAtX },
    })
  })
}
