// Newest-first paging over id-sorted tweet lists, the way X's timelines and search page:
// since_id/until_id bound the range, next_token continues below the oldest id returned.

import type { SimContext } from '../context'
import { compareIds, encodePageToken, lowerBound, upperBound } from '../ids'
import { shuffleInPlace } from '../faults'
import { renderTweetPage, type FieldSelection } from '../render'
import type { Tweet } from '../store'

export interface PageRequest {
  sinceId?: string
  untilId?: string
  /** Exclusive upper bound decoded from a pagination token. */
  cursor?: string
  startTime?: number
  endTime?: number
  max: number
  accept: (tweet: Tweet) => boolean
}

export interface Page {
  tweets: Tweet[]
  hasMore: boolean
}

export function pageNewestFirst(sorted: readonly Tweet[], request: PageRequest): Page {
  let upper = request.untilId
  if (request.cursor !== undefined && (upper === undefined || compareIds(request.cursor, upper) < 0))
    upper = request.cursor
  const hi = upper === undefined ? sorted.length : lowerBound(sorted, upper)
  const lo = request.sinceId === undefined ? 0 : upperBound(sorted, request.sinceId)
  const tweets: Tweet[] = []
  for (let i = hi - 1; i >= lo; i--) {
    const tweet = sorted[i]!
    if (request.startTime !== undefined && tweet.createdAt < request.startTime) break
    if (tweet.deleted || (request.endTime !== undefined && tweet.createdAt > request.endTime)) continue
    if (!request.accept(tweet)) continue
    if (tweets.length === request.max) return { tweets, hasMore: true }
    tweets.push(tweet)
  }
  return { tweets, hasMore: false }
}

/** Renders a page as X does, with the page faults (repeats, shuffles) applied. */
export function renderPage(
  ctx: SimContext,
  page: Page,
  sel: FieldSelection,
  tokenName: 'next_token',
): Record<string, unknown> {
  if (page.tweets.length === 0) return { meta: { result_count: 0 } }
  const shown = [...page.tweets]
  if (ctx.faults.duplicateRate > 0 && ctx.random.chance(ctx.faults.duplicateRate)) {
    shown.splice(ctx.random.int(shown.length + 1), 0, ctx.random.pick(page.tweets))
  }
  if (ctx.faults.outOfOrder > 0 && ctx.random.chance(ctx.faults.outOfOrder)) shuffleInPlace(shown, ctx.random.next)
  ctx.usage.count(shown.length)
  const oldest = page.tweets[page.tweets.length - 1]!
  const meta: Record<string, unknown> = {
    result_count: shown.length,
    newest_id: page.tweets[0]!.id,
    oldest_id: oldest.id,
  }
  if (page.hasMore) meta[tokenName] = encodePageToken(oldest.id)
  return { ...renderTweetPage(shown, ctx.store, sel), meta }
}
