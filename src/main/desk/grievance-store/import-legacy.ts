// One-time move from today's whole-file cache (grievances.json) into the store, so that a
// desk upgraded while offline keeps its grievances (its outbox refers to them). The file
// (up to ~300 MB) is read in chunks and its grievances go to the store 500 at a time, the
// event loop getting a turn every few milliseconds: neither the whole text nor all its
// documents are ever in memory, and the renderer's thread never stalls for long.
// Exactly once, crash-safe: the store is reset before the first page and the pages carry
// cursor 0; only the closing page carries the file's cursor. A crash mid-import leaves the
// old file in place and cursor 0, so the next start resets and imports again, and even a
// partial store only makes the next sync pull everything. The old file is renamed, not
// deleted, until phase 2 is sure; a corrupt or truncated one is renamed `.unreadable`, the
// store left empty, and the desk pulls everything from the server.
import { createReadStream } from 'node:fs'
import { rename } from 'node:fs/promises'
import { isDeepStrictEqual } from 'node:util'
import type { z } from 'zod'
import { Grievance } from '../../../shared/grievance'
import type { Change } from '../../../shared/protocol'
import { GrievanceCache, type Owner } from '../desk-files'
import { LegacyFileError, LegacySplitter, type LegacyPiece } from './legacy-splitter'
import { Slicer } from './line-scanner'
import type { GrievanceCacheStore } from './types'

const PAGE = 500
/** Small enough that splitting one chunk is a fraction of a time slice. */
const CHUNK_BYTES = 1 << 18

const Meta = GrievanceCache.pick({ owner: true, cursor: true, org: true, lastSyncedAt: true })

export type LegacyImport =
  { outcome: 'none' } | { outcome: 'imported'; count: number } | { outcome: 'unreadable'; reason: string }

/** Returns how many grievances were imported, or null when there was no readable old cache. */
export async function importWholeFileCache(store: GrievanceCacheStore, legacyFile: string): Promise<number | null> {
  const result = await importLegacyCache(store, legacyFile)
  return result.outcome === 'imported' ? result.count : null
}

/** The same, with the reason when the file could not be read (for the desk's log). */
export async function importLegacyCache(store: GrievanceCacheStore, legacyFile: string): Promise<LegacyImport> {
  try {
    // An owner written after the grievances (no desk wrote one so, but the file is JSON)
    // is known only at the end: the second pass resets the store for it.
    let pass = await importPass(store, legacyFile, undefined)
    if (pass.ownerLate) pass = await importPass(store, legacyFile, pass.meta.owner)
    if (pass.meta.org) await store.setOrg(pass.meta.org)
    await rename(legacyFile, `${legacyFile}.imported`)
    return { outcome: 'imported', count: pass.count }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { outcome: 'none' }
    if (!(error instanceof LegacyFileError)) throw error
    // Half a file's grievances with cursor 0 would be harmless, but an empty store says
    // plainly what the log says: everything comes again from the server.
    await store.reset(null)
    await rename(legacyFile, `${legacyFile}.unreadable`)
    return { outcome: 'unreadable', reason: error.message }
  }
}

interface Pass {
  count: number
  meta: z.infer<typeof Meta>
  /** The owner came after the first page, so the store was reset for the wrong one. */
  ownerLate: boolean
}

async function importPass(
  store: GrievanceCacheStore,
  legacyFile: string,
  knownOwner: Owner | null | undefined,
): Promise<Pass> {
  const splitter = new LegacySplitter()
  const slicer = new Slicer()
  const members: Record<string, unknown> = {}
  let page: Change[] = []
  let count = 0
  let resetFor: Owner | null | undefined

  const take = async (pieces: LegacyPiece[]): Promise<void> => {
    for (const piece of pieces) {
      if (piece.kind === 'member') {
        members[piece.key] = piece.value
        continue
      }
      page.push({ seq: 0, kind: 'upsert', grievance: readGrievance(piece.id, piece.text) })
      count++
      if (page.length === PAGE) {
        if (resetFor === undefined) await store.reset((resetFor = ownerOf(members, knownOwner)))
        // Cursor 0 until the end: a crash here leaves a store that pulls everything again.
        await store.applyChangesPage(page, 0, new Date(0).toISOString())
        page = []
      }
      await slicer.maybeYield()
    }
  }

  const stream = createReadStream(legacyFile, { encoding: 'utf8', highWaterMark: CHUNK_BYTES })
  try {
    for await (const chunk of stream) {
      await take(splitter.push(chunk as string))
      await slicer.maybeYield()
    }
    await take(splitter.end())
  } finally {
    stream.destroy()
  }

  const parsed = Meta.safeParse(members)
  if (!parsed.success) throw new LegacyFileError(`the file's ${describeIssue(parsed.error.issues[0])}`)
  const meta = parsed.data
  if (resetFor === undefined) await store.reset((resetFor = meta.owner))
  await store.applyChangesPage(page, meta.cursor, meta.lastSyncedAt ?? new Date(0).toISOString())
  return { count, meta, ownerLate: !isDeepStrictEqual(resetFor, meta.owner) }
}

/** The owner for the store's reset: the one already read (or passed), else none. */
function ownerOf(members: Record<string, unknown>, knownOwner: Owner | null | undefined): Owner | null {
  if (knownOwner !== undefined) return knownOwner
  const owner = Meta.shape.owner.safeParse(members.owner)
  return owner.success ? owner.data : null
}

function readGrievance(id: string, text: string): Grievance {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new LegacyFileError(`grievance "${id}" is not JSON`)
  }
  const grievance = Grievance.safeParse(value)
  if (!grievance.success) throw new LegacyFileError(`grievance "${id}": ${describeIssue(grievance.error.issues[0])}`)
  return grievance.data
}

function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  return issue ? `${issue.path.map(String).join('.') || 'value'}: ${issue.message}` : 'shape is wrong'
}
