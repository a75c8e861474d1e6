// Puts grievances straight into a running server's database through the real ingest
// path (ingestTweet), for tests that are about the API rather than X.
import { readFileSync } from 'node:fs'
import type { IncomingTweet } from '../../src/shared/analysis'
import type { Grievance } from '../../src/shared/grievance'
import { OrgConfig } from '../../src/shared/org'
import { liveTriage } from '../../src/server/config'
import { ChangeNotifier, type ServerContext } from '../../src/server/context'
import { writeTransaction } from '../../src/server/db/database'
import { ingestTweet } from '../../src/server/ingest/grievance-from-tweet'
import type { RunningServer } from '../../src/server/index'
import { LiveModel } from '../../src/server/models'

export const ORG = OrgConfig.parse(
  JSON.parse(readFileSync(new URL('../../resources/orgs/mha.json', import.meta.url), 'utf8')),
)

let nextId = 1_900_000_000_000_000_000n

export const TWEETS = {
  visa: '@HMOIndia My e-visa application is pending for 3 weeks, please help',
  cyber: '@CyberDost I lost 50000 in a UPI fraud yesterday, please help',
  police: '@HMOIndia मेरा पासपोर्ट पुलिस सत्यापन 2 महीने से लंबित है, कृपया मदद करें',
  thanks: '@HMOIndia thanks for the quick response',
}

/** No model deployed: the rules decide alone. */
const RULES_ONLY = new LiveModel(null)

/**
 * The server context ingestion runs with, on a test server's database and its live
 * configuration (so a rule an admin saved applies), rules only (no model).
 */
export function seedContext(server: RunningServer, opts: { acknowledge?: boolean } = {}): ServerContext {
  return {
    db: server.db,
    config: server.config,
    models: RULES_ONLY,
    triage: liveTriage(server.config, RULES_ONLY),
    acknowledge: opts.acknowledge ?? false,
    changes: new ChangeNotifier(),
    log: () => undefined,
  }
}

export async function seedTweet(
  server: RunningServer,
  text: string,
  extra: Partial<IncomingTweet> = {},
): Promise<Grievance | null> {
  const ctx = seedContext(server)
  const id = String(nextId++)
  const tweet: IncomingTweet = {
    id,
    text,
    authorId: `u${id}`,
    authorUsername: 'citizen_a',
    conversationId: id,
    viaHandle: 'HMOIndia',
    ...extra,
  }
  const outcome = await writeTransaction(server.db, (tx) => ingestTweet(ctx, tx, tweet, { viaHandle: 'HMOIndia' }))
  return outcome.kind === 'created' || outcome.kind === 'followed-up' ? outcome.grievance : null
}

/** seedTweet for a tweet the test means to be a grievance: fails loudly when triage disagrees. */
export async function seedGrievance(server: RunningServer, text: string): Promise<Grievance> {
  const g = await seedTweet(server, text)
  if (!g) throw new Error(`not actionable: ${text}`)
  return g
}
