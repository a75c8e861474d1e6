// twitter-api-v2 pointed at any base URL (the real X API or our simulator).
// The library has no base-URL option, so a small plugin rewrites its fixed
// https://api.x.com/ (and legacy api.twitter.com) prefix before each request.
import http from 'node:http'
import { TwitterApi, type ITwitterApiClientPlugin, type TwitterApiReadWrite } from 'twitter-api-v2'

const FIXED_PREFIXES = ['https://api.x.com/', 'https://api.twitter.com/']

export function baseUrlPlugin(apiBase: string): ITwitterApiClientPlugin {
  const base = apiBase.endsWith('/') ? apiBase : `${apiBase}/`
  const rewrite = (params: { url: string }): void => {
    for (const prefix of FIXED_PREFIXES) {
      if (params.url.startsWith(prefix)) {
        params.url = base + params.url.slice(prefix.length)
        return
      }
    }
  }
  return {
    onBeforeRequestConfig: ({ params }) => rewrite(params),
    onBeforeStreamRequestConfig: ({ params }) => rewrite(params),
  }
}

/** A client for a bearer token (user-context OAuth2 token or app token); extra plugins see every request. */
export function createXClient(
  apiBase: string,
  bearerToken: string,
  plugins: ITwitterApiClientPlugin[] = [],
): TwitterApiReadWrite {
  const isHttp = apiBase.startsWith('http:')
  const client = new TwitterApi(bearerToken, {
    plugins: [baseUrlPlugin(apiBase), ...plugins],
    // The library always calls https.request; a plain http.Agent makes it speak http.
    ...(isHttp ? { httpAgent: new http.Agent({ keepAlive: true }) as unknown as http.Agent } : {}),
  })
  return client.readWrite
}
