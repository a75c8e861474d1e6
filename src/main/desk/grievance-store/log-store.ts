// DESIGN — the grievance cache as a log-structured store (Bitcask's shape: append-only
// data files, an in-memory key directory, hint files, merging), chosen by measurement
// (bench/desk.bench.ts; the figures are in the README):
//
//   log-N.jsonl     append-only segments. A batch (a changes page, a server copy, the org)
//                   is its documents, one JSON line each, then `["commit",cursor,at]`;
//                   one write() and one fdatasync per batch, so a page costs its own size.
//                   Replay applies a batch only when its commit line is there: a torn last
//                   line or an unfinished batch is dropped (and cut off), never fatal.
//   index-N.jsonl   a checkpoint of the in-memory directory: header (meta, the position in
//                   the logs it is complete up to), then [id, version, file, offset,
//                   length, queue row] per grievance. Written to a temp file, fsynced,
//                   renamed: the highest index is the commit point of every checkpoint,
//                   compaction and reset. Documents stay where they are; an index only
//                   points at them, so a checkpoint costs ~150 bytes per grievance.
//   delta-N.jsonl   an incremental checkpoint, same records (and [id] for a removal), only
//                   for what changed since the previous one, on top of index-<base>; a
//                   chain of deltas is applied in number order. Checkpoints are taken every
//                   `checkpointBytes` appended, so a start after kill -9 replays at most that
//                   much log; a full index is written again only when the chain holds too
//                   many superseded records (a start reads every record of the chain).
//   merged-N.jsonl  compaction output: the live documents of sealed segments that are
//                   mostly garbage, copied byte for byte (no parsing), reachable only
//                   through an index (never replayed), so a crash mid-compaction leaves an
//                   orphan that the next open deletes.
//
// Why this and not better-sqlite3 (measured in the same bench run, at 100,000 cached
// grievances on 2 shared cores): both sync in ~38 s and write a page or an action at the
// cost of its size, but SQLite's synchronous API stalls the serving thread 75–120 ms per
// page (this store: 22–28 ms), it writes 2.0× the cache for a sync (this store: 1.6×), and
// it is a native module that Electron needs rebuilt for its ABI while the browser desk
// host runs the same node_modules on Node 20. This store is plain Node in both.
//
// Memory holds one small entry per grievance (where its document is, its version, status
// and last change: ~200 B at 100,000, see queue-row.ts); documents are read from disk on
// demand. Everything heavy (replay, index
// load and write, compaction) runs in slices that give the event loop back every few ms.
import { open, readdir, rm, stat, truncate, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { Grievance, isOpen } from '../../../shared/grievance'
import { OrgSummary, type Change } from '../../../shared/protocol'
import { Owner } from '../desk-files'
import {
  ensurePrivateDir,
  deltaName,
  indexName,
  logName,
  mergedName,
  openPrivate,
  parseName,
  syncDirectory,
  writeFileAtomically,
} from './files'
import { scanLines, Slicer } from './line-scanner'
import { QUEUE_ROW_VERSION, rowFromStored, rowToTuple, type QueueRow } from './queue-row'
import type { CacheMeta, GrievanceCacheStore, StoreCounters } from './types'

const INDEX_FORMAT = 2
const MiB = 1 << 20
/**
 * A full index is written once the chain (full index + deltas) would hold this share more
 * records than there are grievances: a start reads at most 1.2× the records of a fresh
 * index, and a sync of new grievances (no record superseded) writes no full index at all.
 */
const CHAIN_SLACK = 0.2
/** Deltas in one chain at most (files to open at a start). */
const CHAIN_MAX_DELTAS = 64

export interface LogStoreOptions {
  dir: string
  /** The active segment is sealed past this size and the next one started. */
  segmentBytes?: number
  /** Checkpoint (a delta, or a full index when the chain is long) once this much was appended since the last. */
  checkpointBytes?: number
  /** Compact sealed segments once their garbage exceeds max(this, live bytes × compactGarbageRatio). */
  compactMinGarbageBytes?: number
  /** Superseded records a chain of deltas may hold in any case (a small cache is not rewritten for a few changes). */
  chainMinSlack?: number
  compactGarbageRatio?: number
  /** Checkpoint on close so that the next start replays nothing. */
  checkpointOnClose?: boolean
  /** Maintenance milestones, for tests and the bench. */
  onEvent?: (event: StoreEvent) => void
  log?: (level: 'info' | 'warn' | 'error', message: string) => void
}

export type StoreEvent =
  | { type: 'checkpoint-start' | 'checkpoint-done'; index: number; kind: 'full' | 'delta' }
  | { type: 'compaction-start' | 'compaction-done'; victims: string[] }
  | { type: 'segment-sealed'; file: string }

export interface OpenReport {
  /** What had to be dropped or rebuilt, for the desk's log; null when the files were sound. */
  recovered: string | null
  /** Log bytes replayed after the last checkpoint (the part of a start that a kill -9 costs). */
  replayedBytes: number
}

/**
 * One grievance's queue row and where its current document is: one small object per
 * grievance (its id is the map's key, the same string). Never mutated: a change is a new
 * entry, so identity says "unchanged" to slices that run between batches.
 */
interface Entry extends QueueRow {
  readonly file: string
  readonly offset: number
  readonly length: number
}

/** Every entry is made here, so all of them share one object shape. */
function makeEntry(row: QueueRow, file: string, offset: number, length: number): Entry {
  return { id: row.id, version: row.version, status: row.status, updatedAt: row.updatedAt, file, offset, length }
}

interface Position {
  log: number
  offset: number
}

type Pending =
  | { kind: 'doc'; id: string; entry: Entry }
  | { kind: 'del'; id: string }
  | { kind: 'meta'; owner: Owner | null; org: OrgSummary | null }

interface Batch {
  docs: Grievance[]
  removals: string[]
  meta?: { owner: Owner | null; org: OrgSummary | null }
  cursor: number
  lastSyncedAt: string | null
}

const emptyMeta = (owner: Owner | null = null): CacheMeta => ({ owner, cursor: 0, org: null, lastSyncedAt: null })

export class LogGrievanceStore implements GrievanceCacheStore {
  private readonly entries = new Map<string, Entry>()
  private readonly readers = new Map<string, Promise<FileHandle>>()
  /** Bytes per data file (documents and control lines), and the part of it that is live. */
  private readonly fileBytes = new Map<string, number>()
  private readonly liveBytes = new Map<string, number>()
  private liveTotal = 0
  private metaState: CacheMeta = emptyMeta()
  private active: FileHandle | null = null
  private activeLog = 1
  private activeSize = 0
  /** The newest index or delta; `fullNo` the full index its chain of deltas builds on. */
  private indexNo = 0
  private fullNo = 0
  /** Records in the chain on disk (full index + deltas) and the deltas in it. */
  private chainRecords = 0
  private chainDeltas = 0
  /** The chain cannot take a delta (a delta was unreadable, rows were rebuilt): next is full. */
  private forceFull = false
  /** Ids set or removed since the last checkpoint's cut: the next delta's records. */
  private dirty = new Set<string>()
  private replayedBytes = 0
  private nextMerged = 1
  private appended = 0
  private appendedAtCheckpoint = 0
  private writes: Promise<unknown> = Promise.resolve()
  private maintenance: Promise<void> = Promise.resolve()
  /** Maintenance tasks queued or running (checkpoint, compaction, reset). */
  private maintenanceQueued = 0
  private closed = false
  private readonly countersState: StoreCounters = { bytesWritten: 0, checkpoints: 0, compactions: 0 }
  private readonly segmentBytes: number
  private readonly checkpointBytes: number
  private readonly compactMinGarbage: number
  private readonly compactRatio: number
  private readonly chainMinSlack: number

  private constructor(private readonly opts: LogStoreOptions) {
    this.segmentBytes = opts.segmentBytes ?? 64 * MiB
    this.checkpointBytes = opts.checkpointBytes ?? 8 * MiB
    this.compactMinGarbage = opts.compactMinGarbageBytes ?? 32 * MiB
    this.compactRatio = opts.compactGarbageRatio ?? 0.5
    this.chainMinSlack = opts.chainMinSlack ?? 2_000
  }

  static async open(opts: LogStoreOptions): Promise<{ store: LogGrievanceStore; report: OpenReport }> {
    const store = new LogGrievanceStore(opts)
    const recovered = await store.load()
    return { store, report: { recovered, replayedBytes: store.replayedBytes } }
  }

  // ---- reads ------------------------------------------------------------------------

  get meta(): Readonly<CacheMeta> {
    return this.metaState
  }
  get size(): number {
    return this.entries.size
  }
  get counters(): Readonly<StoreCounters> {
    return this.countersState
  }
  has(id: string): boolean {
    return this.entries.has(id)
  }
  versionOf(id: string): number | undefined {
    return this.entries.get(id)?.version
  }
  row(id: string): QueueRow | undefined {
    return this.entries.get(id)
  }
  /** The entries themselves (read-only, never mutated): no copy of 100,000 rows per call. */
  rows(): QueueRow[] {
    return [...this.entries.values()]
  }

  async get(id: string): Promise<Grievance | null> {
    // A compaction may move the document between the lookup and the read: look again.
    for (let attempt = 0; ; attempt++) {
      const entry = this.entries.get(id)
      if (!entry) return null
      let text: string
      try {
        text = await this.readRange(entry.file, entry.offset, entry.length)
      } catch (error) {
        if (attempt < 3 && this.entries.get(id) !== entry) continue
        throw error
      }
      return Grievance.parse(JSON.parse(text))
    }
  }

  async *all(): AsyncGenerator<Grievance> {
    const byFile = await this.groupByFile(() => true)
    for (const [file, list] of byFile) {
      for await (const { text } of this.readEntries(file, list)) yield JSON.parse(text) as Grievance
    }
  }

  // ---- writes -----------------------------------------------------------------------

  applyChangesPage(changes: readonly Change[], last: number, at: string): Promise<string[]> {
    return this.enqueue(async () => {
      // Same outcome as applying the page in order: the last word on an id wins.
      const upserts = new Map<string, Grievance>()
      const removals = new Set<string>()
      for (const change of changes) {
        if (change.kind === 'upsert') {
          const g = change.grievance
          removals.delete(g.id)
          const seen = upserts.get(g.id)?.version ?? this.entries.get(g.id)?.version
          if (seen === undefined || seen <= g.version) upserts.set(g.id, g)
        } else {
          upserts.delete(change.id)
          if (this.entries.has(change.id)) removals.add(change.id)
        }
      }
      const cursor = Math.max(this.metaState.cursor, last)
      await this.writeBatch({ docs: [...upserts.values()], removals: [...removals], cursor, lastSyncedAt: at })
      return [...upserts.keys(), ...removals]
    })
  }

  upsertNewer(grievances: readonly Grievance[]): Promise<string[]> {
    return this.enqueue(async () => {
      const upserts = new Map<string, Grievance>()
      for (const g of grievances) {
        const seen = upserts.get(g.id)?.version ?? this.entries.get(g.id)?.version
        if (seen === undefined || seen <= g.version) upserts.set(g.id, g)
      }
      if (upserts.size === 0) return []
      const { cursor, lastSyncedAt } = this.metaState
      await this.writeBatch({ docs: [...upserts.values()], removals: [], cursor, lastSyncedAt })
      return [...upserts.keys()]
    })
  }

  setOrg(org: OrgSummary): Promise<void> {
    return this.enqueue(async () => {
      const { owner, cursor, lastSyncedAt } = this.metaState
      await this.writeBatch({ docs: [], removals: [], meta: { owner, org }, cursor, lastSyncedAt })
    })
  }

  /**
   * The working set (issue 13, item 4): forgets finished grievances (resolved, closed,
   * rejected) last changed before `before`, except those in `keep` (the outbox's). One
   * `del` line each, the cursor unchanged: a later server change brings one back, and the
   * space goes at the next compaction. Resolves to the ids it removed.
   */
  evictFinished(before: string, keep: ReadonlySet<string>): Promise<string[]> {
    return this.enqueue(async () => {
      const removals: string[] = []
      const slicer = new Slicer()
      for (const [id, entry] of this.entries) {
        if (!isOpen(entry.status) && entry.updatedAt < before && !keep.has(id)) removals.push(id)
        await slicer.maybeYield()
      }
      if (removals.length === 0) return []
      const { cursor, lastSyncedAt } = this.metaState
      await this.writeBatch({ docs: [], removals, cursor, lastSyncedAt })
      return removals
    })
  }

  /** A new empty log and an index that points only at it; the rename of the index is the switch. */
  reset(owner: Owner | null): Promise<void> {
    return this.runMaintenance(() =>
      this.enqueue(async () => {
        const log = this.activeLog + 1
        const handle = await openPrivate(join(this.opts.dir, logName(log)), 'a')
        await syncDirectory(this.opts.dir)
        const meta = emptyMeta(owner)
        const n = this.indexNo + 1
        const bytes = await this.writeIndex(n, { log, offset: 0 }, meta, [], null)
        await this.active?.close()
        this.active = handle
        this.activeLog = log
        this.activeSize = 0
        this.clearMemory()
        this.fileBytes.set(logName(log), 0)
        this.metaState = meta
        this.afterIndex(n, bytes, { full: true, records: 0 })
        await this.removeUnreferenced(new Set(), { log, offset: 0 })
      }),
    )
  }

  async flush(): Promise<void> {
    await this.writes
  }

  async idle(): Promise<void> {
    do {
      await this.writes
      await this.maintenance
    } while (this.maintenanceQueued > 0)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.idle()
    if (this.opts.checkpointOnClose !== false && this.appended > this.appendedAtCheckpoint) {
      try {
        await this.checkpoint()
      } catch (error) {
        this.opts.log?.('warn', `grievance cache: checkpoint on close failed: ${String(error)}`)
      }
    }
    await this.active?.close()
    this.active = null
    for (const file of [...this.readers.keys()]) await this.dropReader(file)
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.writes.then(task)
    this.writes = run.catch(() => undefined)
    return run
  }

  private async writeBatch(batch: Batch): Promise<void> {
    const active = await this.activeForWrite()
    const file = logName(this.activeLog)
    const texts: string[] = []
    const placed: { id: string; entry: Entry }[] = []
    let offset = this.activeSize
    // A page is ~1.5 MB of JSON: stringify it in slices, not in one 30–50 ms block.
    const slicer = new Slicer()
    for (const grievance of batch.docs) {
      const text = JSON.stringify(grievance)
      const length = Buffer.byteLength(text)
      placed.push({ id: grievance.id, entry: makeEntry(grievance, file, offset, length) })
      texts.push(text)
      offset += length + 1
      await slicer.maybeYield()
    }
    const control: string[] = []
    for (const id of batch.removals) control.push(JSON.stringify(['del', id]), '\n')
    if (batch.meta) control.push(JSON.stringify(['meta', batch.meta]), '\n')
    control.push(JSON.stringify(['commit', batch.cursor, batch.lastSyncedAt]), '\n')
    const tail = control.join('')
    // One buffer for the whole batch, encoded in place: no Buffer per document, no concat copy.
    const buf = Buffer.allocUnsafe(offset - this.activeSize + Buffer.byteLength(tail))
    let at = 0
    for (const text of texts) {
      at += buf.write(text, at)
      buf[at++] = 10
    }
    buf.write(tail, at)
    try {
      await writeAll(active, buf)
      await active.datasync()
    } catch (error) {
      // Leave no half batch for the next one to follow (replay would drop both).
      await active.truncate(this.activeSize).catch(() => undefined)
      throw error
    }
    // Durable: only now does memory change (a failed write never shows unsaved data).
    this.activeSize += buf.length
    this.fileBytes.set(file, (this.fileBytes.get(file) ?? 0) + buf.length)
    this.countersState.bytesWritten += buf.length
    this.appended += buf.length
    for (const { id, entry } of placed) this.setEntry(id, entry)
    for (const id of batch.removals) this.deleteEntry(id)
    if (batch.meta) this.metaState = { ...this.metaState, ...batch.meta }
    this.metaState = { ...this.metaState, cursor: batch.cursor, lastSyncedAt: batch.lastSyncedAt }
    this.scheduleMaintenance()
  }

  /** The active segment, sealed and replaced first when it is full. */
  private async activeForWrite(): Promise<FileHandle> {
    if (!this.active) throw new Error('The grievance cache is closed')
    if (this.activeSize < this.segmentBytes) return this.active
    const sealed = logName(this.activeLog)
    const next = this.activeLog + 1
    const handle = await openPrivate(join(this.opts.dir, logName(next)), 'a')
    await syncDirectory(this.opts.dir)
    await this.active.close()
    this.active = handle
    this.activeLog = next
    this.activeSize = 0
    this.fileBytes.set(logName(next), 0)
    this.opts.onEvent?.({ type: 'segment-sealed', file: sealed })
    return handle
  }

  /** `track`: a change since the last checkpoint (false while loading an index or delta). */
  private setEntry(id: string, entry: Entry, track = true): void {
    this.deleteEntry(id, track)
    this.entries.set(id, entry)
    this.liveBytes.set(entry.file, (this.liveBytes.get(entry.file) ?? 0) + entry.length)
    this.liveTotal += entry.length
  }

  private deleteEntry(id: string, track = true): void {
    if (track) this.dirty.add(id)
    const old = this.entries.get(id)
    if (!old) return
    this.entries.delete(id)
    this.liveBytes.set(old.file, (this.liveBytes.get(old.file) ?? 0) - old.length)
    this.liveTotal -= old.length
  }

  // ---- maintenance: checkpoints and compaction, one at a time, off the write path ----

  private scheduleMaintenance(): void {
    if (this.closed || this.maintenanceQueued > 0) return
    const work = this.needsCompaction() ? () => this.compact() : this.needsCheckpoint() ? () => this.checkpoint() : null
    if (!work) return
    void this.runMaintenance(work).catch((error: unknown) =>
      this.opts.log?.('warn', `grievance cache maintenance failed (will retry later): ${String(error)}`),
    )
  }

  private runMaintenance(work: () => Promise<void>): Promise<void> {
    this.maintenanceQueued++
    const run = this.maintenance.then(work).finally(() => {
      this.maintenanceQueued--
      // Writes that went on meanwhile could not start a checkpoint: the tail a start after
      // a crash replays stays near checkpointBytes only if one is taken now.
      if (this.maintenanceQueued === 0 && !this.closed && this.needsCheckpoint()) {
        void this.runMaintenance(() => this.checkpoint()).catch((error: unknown) =>
          this.opts.log?.('warn', `grievance cache checkpoint failed (will retry later): ${String(error)}`),
        )
      }
    })
    this.maintenance = run.catch(() => undefined)
    return run
  }

  private needsCheckpoint(): boolean {
    return this.appended - this.appendedAtCheckpoint > this.checkpointBytes
  }

  /** A full index when a delta would make the chain too long to read at a start. */
  private wantsFull(): boolean {
    if (this.forceFull || this.chainDeltas >= CHAIN_MAX_DELTAS) return true
    const slack = Math.max(this.chainMinSlack, this.entries.size * CHAIN_SLACK)
    return this.chainRecords + this.dirty.size > this.entries.size + slack
  }

  private sealedGarbage(): { file: string; garbage: number; total: number }[] {
    const active = logName(this.activeLog)
    const out: { file: string; garbage: number; total: number }[] = []
    for (const [file, total] of this.fileBytes) {
      if (file === active) continue
      out.push({ file, garbage: total - (this.liveBytes.get(file) ?? 0), total })
    }
    return out
  }

  private needsCompaction(): boolean {
    const garbage = this.sealedGarbage().reduce((sum, f) => sum + f.garbage, 0)
    return garbage > Math.max(this.compactMinGarbage, this.liveTotal * this.compactRatio)
  }

  private async checkpoint(): Promise<void> {
    // A consistent cut, taken between two batches.
    const cut = await this.enqueue(() => Promise.resolve(this.cutCheckpoint()))
    const kind = cut.full ? 'full' : 'delta'
    this.opts.onEvent?.({ type: 'checkpoint-start', index: cut.n, kind })
    let bytes: number
    try {
      bytes = await this.writeIndex(cut.n, cut.position, cut.meta, cut.kept, cut.full ? null : this.fullNo, cut.removed)
    } catch (error) {
      // What the cut took is still unsaved: the next checkpoint writes it (a full one, if this was).
      for (const id of cut.ids) this.dirty.add(id)
      if (cut.full) this.forceFull = true
      throw error
    }
    this.afterIndex(cut.n, bytes, { full: cut.full, records: cut.kept.length + cut.removed.length })
    this.appendedAtCheckpoint = cut.appended
    await this.removeUnreferenced(cut.referenced, cut.position)
    this.opts.onEvent?.({ type: 'checkpoint-done', index: cut.n, kind })
  }

  private cutCheckpoint() {
    const full = this.wantsFull()
    const ids = this.dirty
    this.dirty = new Set()
    const kept: Entry[] = []
    const removed: string[] = []
    if (full) {
      // Values only (one array of references): the id is in the entry.
      for (const entry of this.entries.values()) kept.push(entry)
    } else {
      for (const id of ids) {
        const entry = this.entries.get(id)
        if (entry) kept.push(entry)
        else removed.push(id)
      }
    }
    const referenced = new Set<string>()
    for (const [file, live] of this.liveBytes) if (live > 0) referenced.add(file)
    return {
      full,
      ids,
      kept,
      removed,
      referenced,
      position: { log: this.activeLog, offset: this.activeSize },
      meta: { ...this.metaState },
      appended: this.appended,
      n: this.indexNo + 1,
    }
  }

  private afterIndex(n: number, bytes: number, written: { full: boolean; records: number }): void {
    this.indexNo = n
    if (written.full) {
      this.fullNo = n
      this.chainRecords = written.records
      this.chainDeltas = 0
      this.forceFull = false
    } else {
      this.chainRecords += written.records
      this.chainDeltas++
    }
    this.countersState.bytesWritten += bytes
    this.countersState.checkpoints++
  }

  /** A full index (`base` null) or a delta on top of index-<base>, with the ids it removes. */
  private async writeIndex(
    n: number,
    position: Position,
    meta: CacheMeta,
    entries: readonly Entry[],
    base: number | null,
    removed: readonly string[] = [],
  ): Promise<number> {
    const files: string[] = []
    const fileNo = new Map<string, number>()
    for (const entry of entries) {
      if (!fileNo.has(entry.file)) {
        fileNo.set(entry.file, files.length)
        files.push(entry.file)
      }
    }
    let bytes = 0
    const name = base === null ? indexName(n) : deltaName(n)
    await writeFileAtomically(join(this.opts.dir, name), async (handle) => {
      const header = { format: INDEX_FORMAT, rowVersion: QUEUE_ROW_VERSION, position, meta, files, base }
      let chunk = JSON.stringify(header) + '\n'
      for (const id of removed) chunk += JSON.stringify([id]) + '\n'
      const slicer = new Slicer()
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i]!
        chunk += JSON.stringify([e.id, e.version, fileNo.get(e.file), e.offset, e.length, ...rowToTuple(e)]) + '\n'
        if (chunk.length > MiB) {
          bytes += await writeAll(handle, Buffer.from(chunk))
          chunk = ''
        }
        // By time, not by bytes: 1 MB of rows is 3,000 stringifies, 60 ms on a busy core.
        await slicer.maybeYield()
      }
      chunk += JSON.stringify(['end', entries.length + removed.length]) + '\n'
      bytes += await writeAll(handle, Buffer.from(chunk))
    })
    return bytes
  }

  /** Deletes older indexes and data files nothing points at any more. */
  private async removeUnreferenced(referenced: Set<string>, position: Position): Promise<void> {
    const names = await readdir(this.opts.dir)
    for (const name of names) {
      const parsed = parseName(name)
      if (!parsed) continue
      const keep =
        parsed.kind === 'index'
          ? parsed.n >= this.fullNo
          : parsed.kind === 'delta'
            ? parsed.n > this.fullNo && parsed.n <= this.indexNo
            : referenced.has(name) || (parsed.kind === 'log' && parsed.n >= position.log)
      if (keep) continue
      await this.dropReader(name)
      await rm(join(this.opts.dir, name), { force: true })
      this.fileBytes.delete(name)
      this.liveBytes.delete(name)
    }
  }

  /** Victims: sealed files that are at least half garbage, worst first; else the worst few. */
  private pickVictims(): string[] {
    const files = this.sealedGarbage()
      .filter((f) => f.garbage > 0)
      .sort((a, b) => b.garbage / b.total - a.garbage / a.total)
    const half = files.filter((f) => f.garbage * 2 >= f.total)
    if (half.length > 0) return half.map((f) => f.file)
    const wanted = files.reduce((sum, f) => sum + f.garbage, 0) / 2
    const victims: string[] = []
    let freed = 0
    for (const f of files) {
      if (freed >= wanted) break
      victims.push(f.file)
      freed += f.garbage
    }
    return victims
  }

  private async compact(): Promise<void> {
    const victims = this.pickVictims()
    if (victims.length === 0) return
    this.opts.onEvent?.({ type: 'compaction-start', victims })
    const victimSet = new Set(victims)
    const byFile = await this.groupByFile((e) => victimSet.has(e.file))
    const out = mergedName(this.nextMerged++)
    const handle = await openPrivate(join(this.opts.dir, out), 'w')
    const moved: { id: string; old: Entry; offset: number }[] = []
    let size = 0
    try {
      await syncDirectory(this.opts.dir)
      // Live documents are copied into one reused output buffer: holding their slices
      // instead would keep every 4 MB read window they came from alive until the write.
      let out = Buffer.allocUnsafe(4 * MiB)
      let used = 0
      for (const [file, list] of byFile) {
        for await (const { id, entry, bytes } of this.readEntries(file, list)) {
          if (used + bytes.length + 1 > out.length) {
            size += await writeAll(handle, out.subarray(0, used))
            used = 0
            if (bytes.length + 1 > out.length) out = Buffer.allocUnsafe(bytes.length + 1)
          }
          moved.push({ id, old: entry, offset: size + used })
          used += bytes.copy(out, used)
          out[used++] = 10
        }
      }
      size += await writeAll(handle, out.subarray(0, used))
      await handle.datasync()
    } finally {
      await handle.close()
    }
    this.countersState.bytesWritten += size
    this.fileBytes.set(out, size)
    // Re-point the documents nobody replaced meanwhile (entries are never mutated, so
    // identity says "unchanged"); safe to do in slices for the same reason.
    const slicer = new Slicer()
    for (const m of moved) {
      if (this.entries.get(m.id) === m.old) this.setEntry(m.id, makeEntry(m.old, out, m.offset, m.old.length))
      await slicer.maybeYield()
    }
    this.countersState.compactions++
    // The new index points at `out`; only once it is durable do the victims go.
    await this.checkpoint()
    this.opts.onEvent?.({ type: 'compaction-done', victims })
  }

  // ---- file reading -------------------------------------------------------------------

  /** One open handle per file for single reads: an action's read is one trip to the thread pool, not three. */
  private readHandle(file: string): Promise<FileHandle> {
    let handle = this.readers.get(file)
    if (!handle) {
      handle = open(join(this.opts.dir, file), 'r')
      handle.catch(() => this.readers.delete(file))
      this.readers.set(file, handle)
    }
    return handle
  }

  private async dropReader(file: string): Promise<void> {
    const handle = this.readers.get(file)
    this.readers.delete(file)
    await handle?.then((h) => h.close()).catch(() => undefined)
  }

  private async readRange(file: string, offset: number, length: number): Promise<string> {
    const handle = await this.readHandle(file)
    const buf = Buffer.allocUnsafe(length)
    let done = 0
    while (done < length) {
      const { bytesRead } = await handle.read(buf, done, length - done, offset + done)
      if (bytesRead === 0) throw new Error(`grievance cache: ${file} ends before offset ${offset + length}`)
      done += bytesRead
    }
    return buf.toString('utf8')
  }

  /**
   * Sliced: the map may change between slices, which is safe because callers check
   * entry identity before acting on what they read (a replaced entry is skipped).
   */
  private async groupByFile(wanted: (e: Entry) => boolean): Promise<Map<string, [string, Entry][]>> {
    const byFile = new Map<string, [string, Entry][]>()
    const slicer = new Slicer()
    for (const pair of this.entries) {
      await slicer.maybeYield()
      if (!wanted(pair[1])) continue
      const list = byFile.get(pair[1].file) ?? []
      list.push(pair)
      byFile.set(pair[1].file, list)
    }
    for (const list of byFile.values()) list.sort((a, b) => a[1].offset - b[1].offset)
    return byFile
  }

  /**
   * Sequential reads through a window: 100,000 documents are a few hundred large reads.
   * A yielded `bytes` is overwritten by a later read: copy it to keep it.
   */
  private async *readEntries(
    file: string,
    list: [string, Entry][],
  ): AsyncGenerator<{ id: string; entry: Entry; bytes: Buffer; text: string }> {
    const handle = await open(join(this.opts.dir, file), 'r')
    try {
      // One window buffer, refilled: a yielded `bytes` is valid until the next one is asked for.
      let buf = Buffer.allocUnsafe(4 * MiB)
      let window = buf.subarray(0, 0)
      let windowStart = 0
      for (const [id, entry] of list) {
        if (entry.offset < windowStart || entry.offset + entry.length > windowStart + window.length) {
          if (entry.length > buf.length) buf = Buffer.allocUnsafe(entry.length)
          const size = buf.length
          const { bytesRead } = await handle.read(buf, 0, size, entry.offset)
          window = buf.subarray(0, bytesRead)
          windowStart = entry.offset
          if (bytesRead < entry.length) throw new Error(`grievance cache: ${file} is shorter than its index says`)
        }
        const bytes = window.subarray(entry.offset - windowStart, entry.offset - windowStart + entry.length)
        yield {
          id,
          entry,
          bytes,
          get text() {
            return bytes.toString('utf8')
          },
        }
      }
    } finally {
      await handle.close()
    }
  }

  // ---- opening: newest index, then replay the logs after it ---------------------------

  private async load(): Promise<string | null> {
    const dir = this.opts.dir
    await ensurePrivateDir(dir)
    const notes: string[] = []
    let names = await readdir(dir)
    for (const name of names) if (name.endsWith('.tmp')) await rm(join(dir, name), { force: true })
    const numbered = (kind: 'index' | 'delta') =>
      names
        .map((name) => ({ name, parsed: parseName(name) }))
        .filter((f) => f.parsed?.kind === kind)
        .map((f) => ({ name: f.name, n: f.parsed!.n }))
    const indexes = numbered('index').sort((a, b) => b.n - a.n)
    const deltas = new Map(numbered('delta').map((d) => [d.n, d.name]))
    let position: Position | null = null
    let stale = false
    for (const { name, n } of indexes) {
      try {
        const loaded = await this.loadIndex(name, null)
        position = loaded.position
        stale = loaded.stale
        this.afterLoad(n, { full: true, records: loaded.records })
        // A full index of an older row version (read without a rebuild, but holding the old,
        // larger rows) is rewritten at the next checkpoint, so later starts read the new one.
        if (loaded.rowVersion !== QUEUE_ROW_VERSION) this.forceFull = true
        break
      } catch (error) {
        notes.push(`${name} unreadable (${error instanceof Error ? error.message : String(error)})`)
        this.clearMemory()
      }
    }
    if (position) {
      // The deltas on top of it, in order; the first unreadable one ends the chain (the
      // logs from the last good position hold the rest) and the next checkpoint is full.
      for (let n = this.fullNo + 1; deltas.has(n); n++) {
        try {
          const loaded = await this.loadIndex(deltas.get(n)!, this.fullNo)
          position = loaded.position
          stale ||= loaded.stale
          this.afterLoad(n, { full: false, records: loaded.records })
        } catch (error) {
          notes.push(`${deltas.get(n)!} unreadable (${error instanceof Error ? error.message : String(error)})`)
          this.forceFull = true
          break
        }
      }
      // A delta past the chain's end (after an unreadable one or a gap) would make a new
      // delta's number unreachable: the next checkpoint is full, numbered past every file.
      if ([...deltas.keys()].some((n) => n > this.indexNo)) this.forceFull = true
      this.indexNo = Math.max(this.indexNo, ...deltas.keys(), ...indexes.map((i) => i.n))
    }
    for (const [file, live] of this.liveBytes) {
      if (live > 0) this.fileBytes.set(file, (await stat(join(dir, file))).size)
    }
    const hasData = names.some((name) => parseName(name)?.kind !== undefined)
    if (!position) {
      // No index at all is a new cache; an unreadable one leaves documents nothing points
      // at, so start empty and let the next pull fetch everything again.
      if (hasData) notes.push('starting the grievance cache empty; the next sync fetches it again')
      for (const name of names) if (parseName(name)) await rm(join(dir, name), { force: true })
      position = { log: 1, offset: 0 }
      this.afterIndex(1, await this.writeIndex(1, position, emptyMeta(), [], null), { full: true, records: 0 })
      this.countersState.checkpoints = 0
      names = await readdir(dir)
    }
    if (stale) {
      await this.rebuildRows()
      this.forceFull = true
    }
    const logs = names
      .map((name) => parseName(name))
      .filter((p): p is { kind: 'log'; n: number } => p?.kind === 'log' && p.n >= position.log)
      .map((p) => p.n)
      .sort((a, b) => a - b)
    let expected = position.log
    for (const n of logs) {
      if (n !== expected) break // A gap cannot come from our own writes; ignore what follows it.
      const dropped = await this.replayLog(n, n === position.log ? position.offset : 0)
      if (dropped > 0) notes.push(`dropped ${dropped} bytes of an unfinished write at the end of ${logName(n)}`)
      expected = n + 1
    }
    this.replayedBytes = this.appended
    this.activeLog = Math.max(position.log, expected - 1)
    const activeFile = logName(this.activeLog)
    const created = !names.includes(activeFile)
    this.active = await openPrivate(join(dir, activeFile), 'a')
    // Only a new file's name needs making durable (an fsync here costs ~1 s on a busy disk).
    if (created) await syncDirectory(dir)
    this.activeSize = (await this.active.stat()).size
    this.fileBytes.set(activeFile, this.activeSize)
    for (const name of names) {
      const parsed = parseName(name)
      if (parsed?.kind === 'merged') this.nextMerged = Math.max(this.nextMerged, parsed.n + 1)
    }
    const referenced = new Set<string>()
    for (const entry of this.entries.values()) referenced.add(entry.file)
    await this.removeUnreferenced(referenced, position)
    // A long tail replayed at this start is checkpointed now, not at the next start.
    this.scheduleMaintenance()
    return notes.length > 0 ? `grievance cache: ${notes.join('; ')}` : null
  }

  /** The chain's bookkeeping for an index or delta read at a start (nothing written). */
  private afterLoad(n: number, read: { full: boolean; records: number }): void {
    this.afterIndex(n, 0, read)
    this.countersState.checkpoints--
  }

  private clearMemory(): void {
    this.entries.clear()
    this.fileBytes.clear()
    this.liveBytes.clear()
    this.liveTotal = 0
    this.dirty.clear()
    this.metaState = emptyMeta()
  }

  /**
   * Reads a full index (`base` null: memory must be empty) or a delta on top of
   * index-<base> into memory. Throws when the file is incomplete or not what was expected.
   */
  private async loadIndex(
    name: string,
    base: number | null,
  ): Promise<{ position: Position; records: number; stale: boolean; rowVersion: number }> {
    let header: IndexHeader | null = null
    let count = -1
    let records = 0
    let ended = false
    let problem: string | null = null
    let stale = false
    await scanLines(join(this.opts.dir, name), 0, (line) => {
      try {
        if (!header) {
          header = parseIndexHeader(JSON.parse(line))
          if (header.base !== base) throw new Error(`built on ${String(header.base)}, not ${String(base)}`)
          return true
        }
        const rec = JSON.parse(line) as unknown[]
        if (rec[0] === 'end') {
          count = Number(rec[1])
          ended = true
          return false
        }
        records++
        if (rec.length === 1 && base !== null && typeof rec[0] === 'string') {
          this.deleteEntry(rec[0], false)
          return true
        }
        const [id, version, fileNo, offset, length] = rec as [string, number, number, number, number]
        const file = header.files[fileNo]
        if (typeof id !== 'string' || file === undefined) throw new Error('bad entry')
        // A row of an unknown version is rebuilt from its document after loading; a
        // placeholder holds its place.
        const stored = rowFromStored(header.rowVersion, rec.slice(5))
        if (!stored) stale = true
        const [status, updatedAt] = stored ?? ['new', '']
        this.setEntry(id, makeEntry({ id, version, status, updatedAt }, file, offset, length), false)
        return true
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error)
        return false
      }
    })
    if (problem !== null) throw new Error(problem)
    if (!header || !ended || count !== records || (base === null && count !== this.entries.size)) {
      throw new Error('incomplete')
    }
    // A delta's file list may name files gone since (all of their documents superseded):
    // the sizes of the files still pointed at are read once the chain is loaded.
    const { position, meta } = header as IndexHeader
    this.metaState = meta
    return { position, records, stale, rowVersion: (header as IndexHeader).rowVersion }
  }

  /** After an upgrade changed QueueRow: recompute every row from its document, once. */
  private async rebuildRows(): Promise<void> {
    for (const [file, list] of await this.groupByFile(() => true)) {
      for await (const { id, entry, text } of this.readEntries(file, list)) {
        this.entries.set(id, makeEntry(JSON.parse(text) as Grievance, entry.file, entry.offset, entry.length))
      }
    }
  }

  /** Applies every committed batch of one log; cuts off what follows the last commit. */
  private async replayLog(n: number, from: number): Promise<number> {
    const file = logName(n)
    const path = join(this.opts.dir, file)
    let pending: Pending[] = []
    let committedEnd = from
    await scanLines(path, from, (line, offset, length) => {
      try {
        if (line.startsWith('{')) {
          const doc = JSON.parse(line) as Grievance
          if (typeof doc.id !== 'string' || !Number.isInteger(doc.version)) return false
          pending.push({ kind: 'doc', id: doc.id, entry: makeEntry(doc, file, offset, length) })
          return true
        }
        const rec = JSON.parse(line) as unknown[]
        if (rec[0] === 'del' && typeof rec[1] === 'string') pending.push({ kind: 'del', id: rec[1] })
        else if (rec[0] === 'meta') {
          const meta = rec[1] as { owner: unknown; org: unknown }
          pending.push({
            kind: 'meta',
            owner: Owner.nullable().parse(meta.owner),
            org: OrgSummary.nullable().parse(meta.org),
          })
        } else if (rec[0] === 'commit' && Number.isInteger(rec[1])) {
          for (const p of pending) {
            if (p.kind === 'doc') this.setEntry(p.id, p.entry)
            else if (p.kind === 'del') this.deleteEntry(p.id)
            else this.metaState = { ...this.metaState, owner: p.owner, org: p.org }
          }
          pending = []
          this.metaState = {
            ...this.metaState,
            cursor: rec[1] as number,
            lastSyncedAt: (rec[2] as string | null) ?? null,
          }
          committedEnd = offset + length + 1
        } else return false
        return true
      } catch {
        return false
      }
    })
    const size = (await stat(path)).size
    if (size > committedEnd) await truncate(path, committedEnd)
    this.fileBytes.set(file, committedEnd)
    this.appended += committedEnd - from
    return size - committedEnd
  }
}

async function writeAll(handle: FileHandle, buf: Buffer): Promise<number> {
  let done = 0
  while (done < buf.length) {
    const { bytesWritten } = await handle.write(buf, done, buf.length - done)
    done += bytesWritten
  }
  return buf.length
}

interface IndexHeader {
  rowVersion: number
  position: Position
  meta: CacheMeta
  files: string[]
  /** The full index a delta builds on; null for a full index. */
  base: number | null
}

function parseIndexHeader(raw: unknown): IndexHeader {
  const h = raw as {
    format?: unknown
    rowVersion?: unknown
    position?: Position
    meta?: CacheMeta
    files?: unknown
    base?: unknown
  }
  if (h.format !== INDEX_FORMAT) throw new Error(`unknown index format ${String(h.format)}`)
  if (!h.position || !Number.isInteger(h.position.log) || !Number.isInteger(h.position.offset)) {
    throw new Error('no position')
  }
  if (!Array.isArray(h.files) || !h.files.every((f) => typeof f === 'string' && parseName(f) !== null)) {
    throw new Error('bad file list')
  }
  const m = h.meta
  if (!m || !Number.isInteger(m.cursor)) throw new Error('no meta')
  const meta: CacheMeta = {
    owner: Owner.nullable().parse(m.owner),
    cursor: m.cursor,
    org: OrgSummary.nullable().parse(m.org),
    lastSyncedAt: typeof m.lastSyncedAt === 'string' ? m.lastSyncedAt : null,
  }
  // Indexes written before deltas existed have no base: full ones.
  const base = typeof h.base === 'number' && Number.isInteger(h.base) ? h.base : null
  return { rowVersion: Number(h.rowVersion), position: h.position, meta, files: h.files as string[], base }
}
