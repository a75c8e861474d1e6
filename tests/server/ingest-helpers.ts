// Shared bits of the ingestion integration tests: an org with chosen sources, grievances
// read straight from the database, and a wait for a condition.
import type { Grievance } from '../../src/shared/grievance'
import type { IngestionConfig, OrgConfig } from '../../src/shared/org'
import type { RunningServer } from '../../src/server/index'
import { ORG } from './seed'

type IngestionInput = { sources?: Partial<IngestionConfig['sources']>; budget?: Partial<IngestionConfig['budget']> }

export function orgWith(ingestion: IngestionInput): OrgConfig {
  return { ...ORG, ingestion: ingestion as IngestionConfig }
}

export async function grievances(server: RunningServer): Promise<Grievance[]> {
  const rows = await server.db.query<{ doc: Grievance }>(
    'SELECT doc FROM grievances ORDER BY created_at, source_tweet_id',
  )
  return rows.map((r) => r.doc)
}

export async function grievanceOf(server: RunningServer, tweetId: string): Promise<Grievance | undefined> {
  return (await grievances(server)).find((g) => g.source.tweetId === tweetId)
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
