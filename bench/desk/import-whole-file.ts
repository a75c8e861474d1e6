// The baseline for the legacy-import bench: the import as it was before it streamed
// (issue 13), the whole grievances.json read into one string and parsed at once.
import { readFile, rename } from 'node:fs/promises'
import { GrievanceCache } from '../../src/main/desk/desk-files'
import type { GrievanceCacheStore } from '../../src/main/desk/grievance-store/types'

const PAGE = 500

export async function importWholeFileAtOnce(store: GrievanceCacheStore, legacyFile: string): Promise<number> {
  const old = GrievanceCache.parse(JSON.parse(await readFile(legacyFile, 'utf8')))
  await store.reset(old.owner)
  const grievances = Object.values(old.grievances)
  const at = old.lastSyncedAt ?? new Date(0).toISOString()
  for (let start = 0; start < grievances.length || start === 0; start += PAGE) {
    const lastPage = start + PAGE >= grievances.length
    const page = grievances
      .slice(start, start + PAGE)
      .map((grievance) => ({ seq: 0, kind: 'upsert' as const, grievance }))
    await store.applyChangesPage(page, lastPage ? old.cursor : 0, at)
  }
  if (old.org) await store.setOrg(old.org)
  await rename(legacyFile, `${legacyFile}.imported`)
  return grievances.length
}
