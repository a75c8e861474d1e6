// The working set's other half (issue 13, item 4): the desk keeps open work and recently
// finished work; anything older is searched for on the server and opened on demand, put in
// the cache so the officer can act on it (and read it offline from then on). Online only:
// without a connection the search says so in a sentence, it does not fail with a stack.
import type { Grievance } from '../../shared/grievance'
import type { ServerSearchAnswer } from '../../shared/grievance-search'
import type { DeskInput } from '../../shared/desk-api'
import { DeskCoreError, ServerUnreachableError } from './errors'
import type { LogGrievanceStore } from './grievance-store'
import type { ServerClient } from './server-client'

export const SEARCH_NEEDS_CONNECTION =
  'Searching older grievances on the server needs a connection. The grievances on this desk can still be searched.'
export const OPEN_NEEDS_CONNECTION =
  'This grievance is not kept on this desk, and opening it needs a connection to the server.'

export async function searchServer(
  client: ServerClient,
  input: DeskInput<'grievances.search-server'>,
): Promise<ServerSearchAnswer> {
  try {
    const page = await client.searchGrievances(input)
    return { state: 'found', ...page }
  } catch (error) {
    if (error instanceof ServerUnreachableError) return { state: 'offline', message: SEARCH_NEEDS_CONNECTION }
    throw error
  }
}

/**
 * Fetches a grievance the cache does not hold and stores it there. Resolves to the ids
 * the cache changed (the grievance's, unless a newer copy arrived meanwhile).
 */
export async function fetchIntoCache(
  client: ServerClient,
  cache: LogGrievanceStore,
  id: string,
): Promise<{ grievance: Grievance; changed: string[] }> {
  let grievance: Grievance
  try {
    grievance = await client.grievance(id)
  } catch (error) {
    if (error instanceof ServerUnreachableError) throw new DeskCoreError('offline', OPEN_NEEDS_CONNECTION)
    throw error
  }
  const changed = await cache.upsertNewer([grievance])
  return { grievance, changed }
}
