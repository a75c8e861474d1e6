// The X handles capability: the org's handles, connected to X by OAuth 2.0 with PKCE,
// their tokens sealed at rest, refreshed by the leader before they expire, and the primary
// handle's token used to post replies. createHandles() builds it from the server options.
import { HANDLES_PATHS } from '../../shared/handles'
import type { OrgConfig } from '../../shared/org'
import type { Database } from '../db/database'
import { DEFAULT_REFRESH_POLICY, type HandlesDeps, type RefreshPolicy } from './deps'
import { primaryCredential, seedHandles } from './registry'
import { loadSecretKey } from '../secrets/secret-box'
import { defaultAuthorizeUrl, SIM_CLIENT, type OAuthClientConfig } from './x-oauth'

export { registerHandlesRoutes } from './routes'
export { refreshDueHandles, type RefreshResult } from './refresh'
export { SecretBox, keyFileFor, loadSecretKey } from '../secrets/secret-box'
export type { HandlesDeps } from './deps'

export interface HandlesOptions {
  db: Database
  /** The organisation in force now (the live config): handles are seeded from it once. */
  currentOrg: () => OrgConfig
  log: (message: string) => void
  apiBase: string
  isRealX: boolean
  clientId?: string | undefined
  clientSecret?: string | undefined
  authorizeUrl?: string | undefined
  /** Base of the callback address (default: this server's own URL once it listens). */
  redirectBase?: string | undefined
  secretKey?: string | undefined
  dataDir?: string | undefined
  databaseUrl?: string | undefined
  refresh?: Partial<RefreshPolicy> | undefined
  /** The deployment's key, when the server loaded it once for every capability that seals secrets. */
  keys?: Awaited<ReturnType<typeof loadSecretKey>> | undefined
}

export interface Handles {
  deps: HandlesDeps
  /** Called once the server listens, when no redirect base was given. */
  setOwnUrl(url: string): void
  /** The token replies are posted with: the primary handle's while it is connected and unexpired, else `fallback`. */
  postingToken(db: Database, fallback: string | undefined): Promise<string | null>
}

export async function createHandles(opts: HandlesOptions): Promise<Handles> {
  await seedHandles(opts.db, opts.currentOrg())
  const { box, source } = opts.keys ?? (await loadSecretKey(opts))
  if (source.kind === 'file' && source.created && !opts.keys)
    opts.log(`[handles] made a new token key at ${source.path} (0600)`)
  const clientId = opts.clientId ?? (opts.isRealX ? undefined : SIM_CLIENT.clientId)
  const clientSecret = opts.clientSecret ?? (opts.clientId || opts.isRealX ? undefined : SIM_CLIENT.clientSecret)
  const oauth: OAuthClientConfig | null = clientId
    ? {
        clientId,
        clientSecret,
        apiBase: opts.apiBase,
        authorizeUrl: opts.authorizeUrl ?? defaultAuthorizeUrl(opts.apiBase, opts.isRealX),
      }
    : null
  const connectProblem = !oauth
    ? 'No OAuth client: set SEVA_X_CLIENT_ID (and SEVA_X_CLIENT_SECRET for a confidential client) to connect handles'
    : source.kind === 'missing'
      ? source.reason
      : null
  if (connectProblem) opts.log(`[handles] connecting handles is off: ${connectProblem}`)
  let redirectBase = opts.redirectBase ?? 'http://127.0.0.1:4020'
  const deps: HandlesDeps = {
    db: opts.db,
    currentOrg: opts.currentOrg,
    log: opts.log,
    box,
    oauth,
    connectProblem,
    redirectUri: () => new URL(HANDLES_PATHS.callback, redirectBase).toString(),
    refresh: { ...DEFAULT_REFRESH_POLICY, ...opts.refresh },
  }
  return {
    deps,
    setOwnUrl: (url) => {
      if (!opts.redirectBase) redirectBase = url
    },
    postingToken: async (db, fallback) => {
      const primary = await primaryCredential(db, box)
      if (primary?.accessToken && primary.expiresAt !== null && primary.expiresAt > Date.now())
        return primary.accessToken
      return fallback ?? primary?.accessToken ?? null
    },
  }
}
