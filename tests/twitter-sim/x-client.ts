// twitter-api-v2 pointed at the simulator. The library has no base-URL option, so a
// plugin rewrites api.x.com / api.twitter.com URLs before each request, and an
// http.Agent lets its https-based transport speak plain HTTP on loopback.

import http from 'node:http'
import { TwitterApi, type ITwitterApiClientPlugin } from 'twitter-api-v2'

const X_HOSTS = /^https:\/\/api\.(x|twitter)\.com\//

export function simulatorPlugin(baseUrl: string): ITwitterApiClientPlugin {
  const rewrite = (params: { url: string }): void => {
    params.url = params.url.replace(X_HOSTS, `${baseUrl.replace(/\/$/, '')}/`)
  }
  return {
    onBeforeRequestConfig: ({ params }) => rewrite(params),
    onBeforeStreamRequestConfig: ({ params }) => rewrite(params),
  }
}

export function simulatorClient(baseUrl: string, token: string): { client: TwitterApi; agent: http.Agent } {
  const agent = new http.Agent({ keepAlive: false })
  const client = new TwitterApi(token, { plugins: [simulatorPlugin(baseUrl)], httpAgent: agent })
  return { client, agent }
}
