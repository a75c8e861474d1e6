// The simulator's OAuth 2.0 authorization-code flow with PKCE, as X runs it: the consent
// page, codes bound to a challenge and used once, expiring access tokens, rotating
// refresh tokens, revocation, and tokens that act as the account that authorised them.
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_OAUTH_CLIENT, startSimulator, type Simulator } from '../../src/twitter-sim/index'
import { REQUIRED_SCOPES } from '../../src/twitter-sim/oauth/scopes'
import { SPEC_PATH } from './helpers'

let sim: Simulator
let clock = Date.parse('2026-12-02T10:00:00Z')
const REDIRECT = 'http://127.0.0.1:4020/api/v1/oauth/x/callback'
const BASIC = `Basic ${Buffer.from(`${DEMO_OAUTH_CLIENT.clientId}:${DEMO_OAUTH_CLIENT.clientSecret}`).toString('base64')}`

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    now: () => clock,
    oauth: {
      clients: [DEMO_OAUTH_CLIENT, { clientId: 'public-app', name: 'Public app', redirectUris: [REDIRECT] }],
      accessTokenTtlMs: 60_000,
    },
  })
})
afterAll(async () => sim?.close())
beforeEach(() => {
  clock += 3_600_000
})

const verifierPair = (): { verifier: string; challenge: string } => {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

function authorizeUrl(extra: Record<string, string> = {}, challenge = verifierPair().challenge): URL {
  const url = new URL('/i/oauth2/authorize', sim.url)
  const params = {
    response_type: 'code',
    client_id: DEMO_OAUTH_CLIENT.clientId,
    redirect_uri: REDIRECT,
    scope: 'tweet.read tweet.write users.read offline.access',
    state: 'state-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  }
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
  return url
}

async function codeFor(account: string, challenge: string): Promise<string> {
  const res = await fetch(authorizeUrl({ sim_account: account }, challenge), { redirect: 'manual' })
  expect(res.status).toBe(302)
  const to = new URL(res.headers.get('location')!)
  expect(to.origin + to.pathname).toBe(REDIRECT)
  expect(to.searchParams.get('state')).toBe('state-123')
  return to.searchParams.get('code')!
}

async function tokenCall(
  form: Record<string, string>,
  auth: string | null = BASIC,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sim.url}/2/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(auth ? { authorization: auth } : {}) },
    body: new URLSearchParams(form).toString(),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const exchange = (code: string, verifier: string) =>
  tokenCall({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT })

async function me(token: string): Promise<{ status: number; username?: string }> {
  const res = await fetch(`${sim.url}/2/users/me`, { headers: { authorization: `Bearer ${token}` } })
  const body = (await res.json()) as { data?: { username: string } }
  return { status: res.status, ...(body.data ? { username: body.data.username } : {}) }
}

describe('authorize page', () => {
  it('shows a sign-in form that lists the accounts, and approving it redirects back with a code', async () => {
    const page = await fetch(authorizeUrl())
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('@MHA_Grievance')
    expect(html).toContain('name="code_challenge"')
    const form = new URLSearchParams()
    for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
      form.set(
        m[1]!,
        m[2]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))),
      )
    form.set('account', 'MHA_Grievance')
    form.set('decision', 'allow')
    const res = await fetch(`${sim.url}/i/oauth2/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    })
    expect(res.status).toBe(302)
    const to = new URL(res.headers.get('location')!)
    expect(to.searchParams.get('code')).toMatch(/^[\w-]{20,}$/)
    expect(to.searchParams.get('state')).toBe('state-123')
  })

  it('sends a denial back as access_denied, and never redirects to an unregistered callback', async () => {
    const form = new URLSearchParams(authorizeUrl().searchParams)
    form.set('decision', 'deny')
    const denied = await fetch(`${sim.url}/i/oauth2/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    })
    expect(new URL(denied.headers.get('location')!).searchParams.get('error')).toBe('access_denied')
    const evil = await fetch(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }), { redirect: 'manual' })
    expect(evil.status).toBe(400)
    expect(evil.headers.get('location')).toBeNull()
    const unknownClient = await fetch(authorizeUrl({ client_id: 'nobody' }), { redirect: 'manual' })
    expect(unknownClient.status).toBe(400)
  })

  it('refuses a missing PKCE challenge and an unknown scope by redirecting with the error', async () => {
    const noPkce = await fetch(authorizeUrl({ code_challenge: '' }), { redirect: 'manual' })
    expect(new URL(noPkce.headers.get('location')!).searchParams.get('error')).toBe('invalid_request')
    const badScope = await fetch(authorizeUrl({ scope: 'tweet.read root.everything' }), { redirect: 'manual' })
    expect(new URL(badScope.headers.get('location')!).searchParams.get('error')).toBe('invalid_scope')
  })
})

describe('token endpoint', () => {
  it('exchanges a code for tokens that act as the account that authorised it', async () => {
    const { verifier, challenge } = verifierPair()
    const answer = await exchange(await codeFor('CyberDost', challenge), verifier)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      token_type: 'bearer',
      expires_in: 60,
      scope: 'tweet.read tweet.write users.read offline.access',
    })
    expect(typeof answer.body.refresh_token).toBe('string')
    expect(await me(answer.body.access_token as string)).toEqual({ status: 200, username: 'CyberDost' })
    const posted = await fetch(`${sim.url}/2/tweets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${answer.body.access_token as string}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: `posted with an OAuth token ${clock}` }),
    })
    expect(posted.status).toBe(201)
    expect(sim.tweetsBy('CyberDost').at(-1)?.text).toBe(`posted with an OAuth token ${clock}`)
  })

  it('answers invalid_grant when the verifier does not match the challenge', async () => {
    const { challenge } = verifierPair()
    const code = await codeFor('CyberDost', challenge)
    const answer = await exchange(code, verifierPair().verifier)
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe('invalid_grant')
  })

  it('refuses a code used twice and revokes the tokens of its first exchange', async () => {
    const { verifier, challenge } = verifierPair()
    const code = await codeFor('BOI_MHA', challenge)
    const first = await exchange(code, verifier)
    expect(first.status).toBe(200)
    const again = await exchange(code, verifier)
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
    expect((await me(first.body.access_token as string)).status).toBe(401)
  })

  it('refuses a code after its 30 seconds', async () => {
    const { verifier, challenge } = verifierPair()
    const code = await codeFor('BOI_MHA', challenge)
    clock += 31_000
    expect((await exchange(code, verifier)).body.error).toBe('invalid_grant')
  })

  it('requires the Basic header of a confidential client, and checks its secret', async () => {
    const { verifier, challenge } = verifierPair()
    const code = await codeFor('BOI_MHA', challenge)
    const form = { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT }
    const noHeader = await tokenCall({ ...form, client_id: DEMO_OAUTH_CLIENT.clientId }, null)
    expect(noHeader).toMatchObject({ status: 401, body: { error: 'unauthorized_client' } })
    const wrong = await tokenCall(
      form,
      `Basic ${Buffer.from(`${DEMO_OAUTH_CLIENT.clientId}:guess`).toString('base64')}`,
    )
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } })
    expect((await tokenCall(form)).status).toBe(200)
  })

  it('lets a public client name itself with client_id, and refuses form fields it lacks', async () => {
    const { verifier, challenge } = verifierPair()
    const res = await fetch(authorizeUrl({ client_id: 'public-app', sim_account: 'NDMA_India' }, challenge), {
      redirect: 'manual',
    })
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!
    const missing = await tokenCall(
      { grant_type: 'authorization_code', code, client_id: 'public-app', redirect_uri: REDIRECT },
      null,
    )
    expect(missing).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
    const ok = await tokenCall(
      {
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        client_id: 'public-app',
        redirect_uri: REDIRECT,
      },
      null,
    )
    expect(ok.status).toBe(200)
    expect((await tokenCall({ grant_type: 'password' })).body.error).toBe('unsupported_grant_type')
  })

  it('expires access tokens, and a refresh gives new ones and spends the old refresh token', async () => {
    const { verifier, challenge } = verifierPair()
    const first = await exchange(await codeFor('NDMA_India', challenge), verifier)
    const firstRefresh = first.body.refresh_token as string
    clock += 61_000
    expect((await me(first.body.access_token as string)).status).toBe(401)
    const refreshed = await tokenCall({ grant_type: 'refresh_token', refresh_token: firstRefresh })
    expect(refreshed.status).toBe(200)
    expect(refreshed.body.refresh_token).not.toBe(firstRefresh)
    expect(await me(refreshed.body.access_token as string)).toEqual({ status: 200, username: 'NDMA_India' })
    const reused = await tokenCall({ grant_type: 'refresh_token', refresh_token: firstRefresh })
    expect(reused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
    const next = await tokenCall({ grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token as string })
    expect(next.status).toBe(200)
  })

  it('issues no refresh token without offline.access', async () => {
    const { verifier, challenge } = verifierPair()
    const res = await fetch(authorizeUrl({ scope: 'tweet.read users.read', sim_account: 'HMOIndia' }, challenge), {
      redirect: 'manual',
    })
    const answer = await exchange(new URL(res.headers.get('location')!).searchParams.get('code')!, verifier)
    expect(answer.status).toBe(200)
    expect(answer.body.refresh_token).toBeUndefined()
  })
})

describe('revoke endpoint', () => {
  it('revokes the grant: neither its access token nor its refresh token works afterwards', async () => {
    const { verifier, challenge } = verifierPair()
    const tokens = await exchange(await codeFor('HMOIndia', challenge), verifier)
    const res = await fetch(`${sim.url}/2/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: BASIC },
      body: new URLSearchParams({
        token: tokens.body.access_token as string,
        token_type_hint: 'access_token',
      }).toString(),
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ revoked: true })
    expect((await me(tokens.body.access_token as string)).status).toBe(401)
    const refresh = await tokenCall({ grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token as string })
    expect(refresh.body.error).toBe('invalid_grant')
  })
})

describe('scopes', () => {
  it('lists for each endpoint the scopes the spec requires of an OAuth 2.0 user token', () => {
    const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as {
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>
    }
    for (const [endpoint, scopes] of Object.entries(REQUIRED_SCOPES)) {
      const [method, path] = endpoint.split(' ') as [string, string]
      const operation = spec.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]
      const fromSpec = operation?.security?.find((s) => 'OAuth2UserToken' in s)?.OAuth2UserToken
      expect([...scopes].sort(), endpoint).toEqual([...(fromSpec ?? ['(not in the spec)'])].sort())
    }
  })

  it('refuses a post to a token granted without tweet.write', async () => {
    const { verifier, challenge } = verifierPair()
    const res = await fetch(authorizeUrl({ scope: 'tweet.read users.read', sim_account: 'HMOIndia' }, challenge), {
      redirect: 'manual',
    })
    const answer = await exchange(new URL(res.headers.get('location')!).searchParams.get('code')!, verifier)
    const token = answer.body.access_token as string
    expect(await me(token)).toEqual({ status: 200, username: 'HMOIndia' })
    const posted = await fetch(`${sim.url}/2/tweets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'not allowed to post' }),
    })
    expect(posted.status).toBe(403)
    expect(((await posted.json()) as { detail: string }).detail).toMatch(/tweet\.write/)
  })
})
