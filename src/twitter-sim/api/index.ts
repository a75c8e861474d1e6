// The /2 routes, most specific first.

import type { ApiHandler } from '../context'
import { Router } from '../http-util'
import { openStream, getRules, updateRules } from './stream-api'
import { getMentions, searchRecent } from './timelines'
import { createTweet, deleteTweet, getTweetById, getTweetsByIds } from './tweets'
import { getUsage } from './usage-api'
import { getMe, getUserById, getUserByUsername } from './users'

export function apiRouter(): Router<ApiHandler> {
  return new Router<ApiHandler>()
    .add('GET', '/2/users/me', getMe)
    .add('GET', '/2/users/by/username/:username', getUserByUsername)
    .add('GET', '/2/users/:id/mentions', getMentions)
    .add('GET', '/2/users/:id', getUserById)
    .add('GET', '/2/tweets/search/recent', searchRecent)
    .add('GET', '/2/tweets/search/stream/rules', getRules)
    .add('POST', '/2/tweets/search/stream/rules', updateRules)
    .add('GET', '/2/tweets/search/stream', openStream)
    .add('GET', '/2/tweets', getTweetsByIds)
    .add('POST', '/2/tweets', createTweet)
    .add('GET', '/2/tweets/:id', getTweetById)
    .add('DELETE', '/2/tweets/:id', deleteTweet)
    .add('GET', '/2/usage/tweets', getUsage)
}

/** Endpoints whose answers consume the project's Post cap. */
export const CAPPED_READS = new Set([
  'GET /2/users/:id/mentions',
  'GET /2/tweets/search/recent',
  'GET /2/tweets/search/stream',
  'GET /2/tweets',
  'GET /2/tweets/:id',
])
