// One JSON document on disk, read once at start and replaced whole on every write.
// Updates are serialised and in-memory state changes only after the write committed
// (Actual's rule), so a failed write never leaves the desk showing unsaved data.
// A file that does not parse or does not match its schema is moved aside as
// `<name>.corrupt-<timestamp>` and the store starts from its default — or, when the
// store knows how (`recover`, the outbox), from whatever of it can still be read.
// A store with a `journal` (the outbox) also takes small changes as appended lines
// (`append`, append-journal.ts): an officer's action costs one fdatasync'd line, not a
// durable rewrite of the document; the next whole-file write folds the lines in.
import { copyFile, readFile, rename } from 'node:fs/promises'
import { Low, type Adapter } from 'lowdb'
import type { z } from 'zod'
import { AppendJournal, JournalMark } from './append-journal'
import { makePrivate } from './private-files'

export interface CorruptFileReport {
  file: string
  /** The damaged file as it was found, kept for a person to look at. */
  movedTo: string
  reason: string
  /** Set when the store was rebuilt from the readable part of the file. */
  recovered?: { lost: number }
}

/** Small changes kept as appended lines: each record is checked and applied in order. */
export interface JournalOptions<T, R> {
  file: string
  record: z.ZodType<R>
  /** Returns a new object (no mutation); replayed at start, so applying twice must be harmless. */
  apply: (data: T, record: R) => T
}

/** Where a journal's fold mark rides in the document (stripped by the schema on read). */
const MARK_KEY = 'journal'

export class JsonStore<T, R = never> {
  private readonly db: Low<T>
  private queue: Promise<unknown> = Promise.resolve()
  private journal: { file: AppendJournal; options: JournalOptions<T, R> } | null = null
  /** The fold mark of the document on disk. */
  private mark: JournalMark | null = null
  /** Appends run in their own queue, beside whole-file writes. */
  private journalQueue: Promise<unknown> = Promise.resolve()
  /** Lines appended since the last whole-file write began, with where each ends. */
  private sinceMark: { end: number; record: R }[] = []

  private constructor(adapter: Adapter<T>, defaultData: T) {
    this.db = new Low<T>(adapter, defaultData)
  }

  static async open<S extends z.ZodType, R = never>(opts: {
    file: string
    adapter: Adapter<z.infer<S>>
    schema: S
    defaultData: () => z.infer<S>
    clock: () => Date
    /** Rebuilds the data from a damaged file's text; returns valid data and what was lost. */
    recover?: (text: string) => { data: z.infer<S>; lost: number }
    journal?: JournalOptions<z.infer<S>, R>
  }): Promise<{ store: JsonStore<z.infer<S>, R>; corrupt: CorruptFileReport | null }> {
    const store = new JsonStore<z.infer<S>, R>(opts.adapter, opts.defaultData())
    let raw: unknown
    let reason: string | null = null
    try {
      raw = await opts.adapter.read()
    } catch (error) {
      reason = `unreadable JSON (${error instanceof Error ? error.message : String(error)})`
    }
    if (reason === null && raw !== null) {
      const parsed = opts.schema.safeParse(raw)
      if (parsed.success) store.db.data = parsed.data
      else reason = `unexpected content (${parsed.error.issues[0]?.message ?? 'schema mismatch'})`
      const mark = JournalMark.safeParse((raw as Record<string, unknown> | null)?.[MARK_KEY])
      if (parsed.success && mark.success) store.mark = mark.data
    }
    if (reason === null) {
      if (opts.journal) await store.replay(opts.journal)
      return { store, corrupt: null }
    }
    const movedTo = `${opts.file}.corrupt-${opts.clock().toISOString().replace(/[:.]/g, '-')}`
    if (!opts.recover) {
      await rename(opts.file, movedTo)
      await makePrivate(movedTo)
      if (opts.journal) await store.replay(opts.journal)
      return { store, corrupt: { file: opts.file, movedTo, reason } }
    }
    // Copy, then replace atomically: a crash in between leaves the damaged file in place
    // to be recovered again next start, never an empty outbox with the data only aside.
    const recovered = opts.recover(await readFile(opts.file, 'utf-8'))
    await copyFile(opts.file, movedTo)
    await makePrivate(movedTo)
    store.db.data = recovered.data
    if (opts.journal) await store.replay(opts.journal)
    await store.update((current) => current)
    return { store, corrupt: { file: opts.file, movedTo, reason, recovered: { lost: recovered.lost } } }
  }

  /**
   * Applies the journal's lines after the document's mark. A damaged document (recovered or
   * started empty) has no mark: every line is applied again, which `apply` makes harmless.
   */
  private async replay(options: JournalOptions<T, R>): Promise<void> {
    const file = new AppendJournal(options.file)
    this.journal = { file, options }
    const { records } = await file.open(this.mark)
    let data = this.db.data
    for (const record of records) {
      const parsed = options.record.safeParse(record)
      if (parsed.success) data = options.apply(data, parsed.data)
    }
    this.db.data = data
  }

  get data(): T {
    return this.db.data
  }

  /** `produce` must return a new object (no mutation): it is swapped in after the write. */
  update(produce: (current: T) => T): Promise<T> {
    const run = this.queue.then(() => this.writeWhole(produce(this.db.data), false))
    this.queue = run.catch(() => undefined)
    return run
  }

  /**
   * A small change as one appended line (needs `journal`): durable when it resolves and in
   * memory only after it committed, as `update`. Appends keep their order among themselves
   * but do not wait for a whole-file write in flight (the outbox's settle after each push):
   * the line lands after that write's mark, so the next start replays it, and it is applied
   * again onto what that write puts in memory.
   */
  append(record: R): Promise<T> {
    const journal = this.journal
    if (!journal) return Promise.reject(new Error('this store has no journal'))
    const run = this.journalQueue.then(async () => {
      const end = await journal.file.append(record)
      this.sinceMark.push({ end, record })
      this.db.data = journal.options.apply(this.db.data, record)
      return this.db.data
    })
    this.journalQueue = run.catch(() => undefined)
    return run
  }

  /** Waits for writes already queued; lines not yet in the document are folded in. */
  async flush(): Promise<void> {
    await Promise.all([this.queue, this.journalQueue])
    if (this.journal?.file.hasUnfolded(this.mark)) await this.update((current) => current).catch(() => undefined)
  }

  /** Folds the journal in and starts a new, empty generation (so it never grows across runs), then lets go of it. */
  async close(): Promise<void> {
    const journal = this.journal
    if (!journal?.file.hasLines) return this.flush().then(() => journal?.file.close())
    // Both queues wait for this write: an append meanwhile would go to the generation it retires.
    const run = Promise.all([this.queue, this.journalQueue]).then(() => this.writeWhole(this.db.data, true))
    this.queue = this.journalQueue = run.catch(() => undefined)
    await this.queue
    await journal.file.close()
  }

  private async writeWhole(next: T, mayRotate: boolean): Promise<T> {
    const journal = this.journal
    const fold = journal?.file.markForFold(mayRotate) ?? { mark: null, rotate: false }
    // The mark says which lines the document holds; a store without journal writes `next` as is.
    const onDisk = fold.mark ? ({ ...next, [MARK_KEY]: fold.mark } as T) : next
    await this.db.adapter.write(onDisk)
    const folded = fold.mark?.folded ?? 0
    // Lines appended while the document was written are not in `next`: applied again on top.
    const after = fold.rotate ? [] : this.sinceMark.filter((line) => line.end > folded)
    this.db.data = journal ? after.reduce((data, line) => journal.options.apply(data, line.record), next) : next
    this.sinceMark = after
    if (fold.mark) this.mark = fold.mark
    // The document is durable: a journal that could not be replaced is made on the next append.
    await journal?.file.afterFold(fold.mark, fold.rotate).catch(() => undefined)
    return this.db.data
  }
}
