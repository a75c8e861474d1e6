// What the handles capability works with, built once in startServer (see index.ts).
import type { OrgConfig } from '../../shared/org'
import type { Database } from '../db/database'
import type { SecretBox } from '../secrets/secret-box'
import type { OAuthClientConfig } from './x-oauth'

export interface RefreshPolicy {
  /** Tokens expiring within this are refreshed (default 10 min). */
  withinMs: number
  /** First retry delay of a failed refresh; doubles each time (default 30 s). */
  retryBaseMs: number
  /** Longest retry delay (default 15 min). */
  retryMaxMs: number
}

export const DEFAULT_REFRESH_POLICY: RefreshPolicy = {
  withinMs: 10 * 60_000,
  retryBaseMs: 30_000,
  retryMaxMs: 15 * 60_000,
}

export interface HandlesDeps {
  db: Database
  /** The organisation as configured now (its divisions); a function so a live, versioned config can back it. */
  currentOrg: () => OrgConfig
  log: (message: string) => void
  /** Null: no key (PostgreSQL without SEVA_SECRET_KEY), so no connecting. */
  box: SecretBox | null
  /** Null: no OAuth client configured for the real X. */
  oauth: OAuthClientConfig | null
  /** Why connecting cannot work, when it cannot. */
  connectProblem: string | null
  /** The callback address X sends the browser back to. */
  redirectUri: () => string
  refresh: RefreshPolicy
  pendingConnectMs?: number
}
