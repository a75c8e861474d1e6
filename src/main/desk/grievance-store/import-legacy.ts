// One-time move from today's whole-file cache (grievances.json) into the store, so that a
// desk upgraded while offline keeps its grievances (its outbox refers to them). The
// cursor moves only with the last page: a crash mid-import leaves cursor 0, and the next
// sync pulls everything again. The old file is renamed, not deleted, until phase 2 is sure.
import { readFile, rename } from 'node:fs/promises'
import { GrievanceCache } from '../desk-files'
import type { GrievanceCacheStore } from './types'

const PAGE = 500

/** Returns how many grievances were imported, or null when there was no readable old cache. */
export async function importWholeFileCache(store: GrievanceCacheStore, legacyFile: string): Promise<number | null> {
  let text: string
  try {
    text = await readFile(legacyFile, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  let parsed
  try {
    parsed = GrievanceCache.safeParse(JSON.parse(text))
  } catch {
    parsed = null
  }
  if (!parsed?.success) {
    await rename(legacyFile, `${legacyFile}.unreadable`)
    return null
  }
  const old = parsed.data
  await store.reset(old.owner)
  const grievances = Object.values(old.grievances)
  const at = old.lastSyncedAt ?? new Date(0).toISOString()
  for (let start = 0; start < grievances.length || start === 0; start += PAGE) {
    const page = grievances.slice(start, start + PAGE)
    const lastPage = start + PAGE >= grievances.length
    await store.applyChangesPage(
      page.map((grievance) => ({ seq: 0, kind: 'upsert' as const, grievance })),
      lastPage ? old.cursor : 0,
      at,
    )
  }
  if (old.org) await store.setOrg(old.org)
  await rename(legacyFile, `${legacyFile}.imported`)
  return grievances.length
}
