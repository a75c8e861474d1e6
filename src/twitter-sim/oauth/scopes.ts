// The OAuth 2.0 scopes each /2 endpoint needs of a user token, as the spec's `security`
// lists them for OAuth2UserToken (tests/twitter-sim/oauth.test.ts checks this table
// against ../shared/x-api/openapi.json). A token issued without them gets a 403.
export const REQUIRED_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'GET /2/users/me': ['users.read', 'tweet.read'],
  'GET /2/users/by/username/:username': ['users.read', 'tweet.read'],
  'GET /2/users/:id/mentions': ['tweet.read', 'users.read'],
  'GET /2/users/:id': ['tweet.read', 'users.read'],
  'GET /2/tweets/search/recent': ['tweet.read', 'users.read'],
  'GET /2/tweets': ['users.read', 'tweet.read'],
  'POST /2/tweets': ['tweet.write', 'tweet.read', 'users.read'],
  'GET /2/tweets/:id': ['tweet.read', 'users.read'],
  'DELETE /2/tweets/:id': ['users.read', 'tweet.read', 'tweet.write'],
}

/** The scopes a token lacks for an endpoint (none when the endpoint is not in the table). */
export function missingScopes(endpoint: string, granted: readonly string[]): string[] {
  return (REQUIRED_SCOPES[endpoint] ?? []).filter((s) => !granted.includes(s))
}
