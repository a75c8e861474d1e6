// `npm run server`: the central server configured from the environment (names are a
// fixed interface used by the demo launcher and outside tools).
import { loadOrg, resolveXTokens, startServer } from './index'
import { primaryHandleOf } from './context'
import { loadOrgModel, readModelFile } from './review'
import { stopOnSignals } from './shutdown'

const env = process.env
const demo = env.SEVA_DEMO === '1'
const flag = (value: string | undefined): boolean | undefined =>
  value === undefined || value === '' ? undefined : !['0', 'false', 'off', 'no'].includes(value.toLowerCase())

async function main(): Promise<void> {
  const orgFile = env.SEVA_ORG ?? 'resources/orgs/mha.json'
  const org = await loadOrg(orgFile)
  const tokens = resolveXTokens(
    {
      ...(env.SEVA_X_API_BASE ? { xApiBase: env.SEVA_X_API_BASE } : {}),
      ...(env.SEVA_X_USER_TOKEN ? { xUserToken: env.SEVA_X_USER_TOKEN } : {}),
      ...(env.SEVA_X_APP_TOKEN ? { xAppToken: env.SEVA_X_APP_TOKEN } : {}),
    },
    primaryHandleOf(org),
  )
  // The model file that seeds the registry (src/server/models): SEVA_MODEL names a file, "off" = none
  // (on an empty registry, the rules alone); else the org's own (as seva triage finds it). Triage
  // uses the registry's deployed version.
  const model =
    env.SEVA_MODEL === 'off' ? null : env.SEVA_MODEL ? readModelFile(env.SEVA_MODEL) : loadOrgModel(orgFile, org)
  const acknowledge = flag(env.SEVA_ACK) ?? (demo ? true : undefined)
  const password = env.SEVA_DEMO_PASSWORD ?? 'seva-demo'
  const server = await startServer({
    port: Number(env.SEVA_SERVER_PORT ?? 4020),
    host: env.SEVA_SERVER_HOST ?? '127.0.0.1',
    org,
    model,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.SEVA_DATA_DIR ?? '.data/server' }),
    xApiBase: tokens.base,
    ...(tokens.userToken ? { xUserToken: tokens.userToken } : {}),
    ...(tokens.appToken ? { xAppToken: tokens.appToken } : {}),
    // Connecting handles by OAuth 2.0 (src/server/handles): the X app's client, where X sends the browser back, the token key.
    ...(env.SEVA_X_CLIENT_ID ? { xClientId: env.SEVA_X_CLIENT_ID } : {}),
    ...(env.SEVA_X_CLIENT_SECRET ? { xClientSecret: env.SEVA_X_CLIENT_SECRET } : {}),
    ...(env.SEVA_PUBLIC_URL ? { oauthRedirectBase: env.SEVA_PUBLIC_URL } : {}),
    ...(env.SEVA_SECRET_KEY ? { secretKey: env.SEVA_SECRET_KEY } : {}),
    demo,
    demoPassword: password,
    pollIntervalMs: Number(env.SEVA_POLL_MS ?? 5000),
    ...(acknowledge !== undefined ? { acknowledge } : {}),
    ...(env.SEVA_INSTANCE_ID ? { instanceId: env.SEVA_INSTANCE_ID } : {}),
    ...(env.SEVA_LEASE_MS ? { leaseMs: Number(env.SEVA_LEASE_MS) } : {}),
    ...(env.SEVA_IDLE_REASSIGN_MS ? { idleReassignMs: Number(env.SEVA_IDLE_REASSIGN_MS) } : {}),
    ...(env.SEVA_SLA_CHECK_MS ? { slaCheckIntervalMs: Number(env.SEVA_SLA_CHECK_MS) } : {}),
    // The proxies' addresses or CIDRs, so sign-in lockouts count the client's address, not the proxy's.
    ...(env.SEVA_TRUST_PROXY
      ? {
          trustProxy: /^(1|true|on|yes)$/i.test(env.SEVA_TRUST_PROXY)
            ? true
            : env.SEVA_TRUST_PROXY.split(',').map((a) => a.trim()),
        }
      : {}),
  })
  console.log(`Seva Desk server listening on ${server.url} (database: ${server.db.kind}, X API: ${tokens.base})`)
  if (demo) {
    console.log(`Demo logins (password "${password}"):`)
    for (const login of server.demoLogins)
      console.log(`  ${login.username.padEnd(24)} ${login.role.padEnd(11)} ${login.divisions.join(', ')}`)
  }
  stopOnSignals(() => server.close(), {
    ...(env.SEVA_SHUTDOWN_GRACE_MS ? { graceMs: Number(env.SEVA_SHUTDOWN_GRACE_MS) } : {}),
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
