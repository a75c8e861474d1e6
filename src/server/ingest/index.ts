// Ingestion wiring: one paced read client per supervisor (the pacer learns X's rate-limit
// headers from every answer that client gets) and the supervisor over every source.
import type { ServerContext } from '../context'
import { createXClient } from '../x/client'
import { RateLimitPacer, rateLimitPlugin } from '../x/rate-limits'
import { IngestionSupervisor, type IngestionOptions } from './supervisor'

export { IngestionSupervisor, type IngestionOptions } from './supervisor'
export { markTweetDeleted } from './deleted-tweets'
export { buildSearchQueries, buildStreamRules, MAX_QUERY_LENGTH } from './keyword-queries'

/** A supervisor reading X at apiBase with this bearer token (the app token when there is one). */
export function createIngestion(
  ctx: ServerContext,
  apiBase: string,
  readToken: string,
  opts: IngestionOptions = {},
): IngestionSupervisor {
  const pacer = new RateLimitPacer()
  const x = createXClient(apiBase, readToken, [rateLimitPlugin(pacer)]).readOnly
  return new IngestionSupervisor(ctx, x, pacer, opts)
}
