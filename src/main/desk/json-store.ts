// One JSON document on disk, read once at start and replaced whole on every write.
// Updates are serialised and in-memory state changes only after the write committed
// (Actual's rule), so a failed write never leaves the desk showing unsaved data.
// A file that does not parse or does not match its schema is moved aside as
// `<name>.corrupt-<timestamp>` and the store starts from its default — or, when the
// store knows how (`recover`, the outbox), from whatever of it can still be read.
import { copyFile, readFile, rename } from 'node:fs/promises'
import { Low, type Adapter } from 'lowdb'
import type { z } from 'zod'
import { makePrivate } from './private-files'

export interface CorruptFileReport {
  file: string
  /** The damaged file as it was found, kept for a person to look at. */
  movedTo: string
  reason: string
  /** Set when the store was rebuilt from the readable part of the file. */
  recovered?: { lost: number }
}

export class JsonStore<T> {
  private readonly db: Low<T>
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(adapter: Adapter<T>, defaultData: T) {
    this.db = new Low<T>(adapter, defaultData)
  }

  static async open<S extends z.ZodType>(opts: {
    file: string
    adapter: Adapter<z.infer<S>>
    schema: S
    defaultData: () => z.infer<S>
    clock: () => Date
    /** Rebuilds the data from a damaged file's text; returns valid data and what was lost. */
    recover?: (text: string) => { data: z.infer<S>; lost: number }
  }): Promise<{ store: JsonStore<z.infer<S>>; corrupt: CorruptFileReport | null }> {
    const store = new JsonStore<z.infer<S>>(opts.adapter, opts.defaultData())
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
    }
    if (reason === null) return { store, corrupt: null }
    const movedTo = `${opts.file}.corrupt-${opts.clock().toISOString().replace(/[:.]/g, '-')}`
    if (!opts.recover) {
      await rename(opts.file, movedTo)
      await makePrivate(movedTo)
      return { store, corrupt: { file: opts.file, movedTo, reason } }
    }
    // Copy, then replace atomically: a crash in between leaves the damaged file in place
    // to be recovered again next start, never an empty outbox with the data only aside.
    const recovered = opts.recover(await readFile(opts.file, 'utf-8'))
    await copyFile(opts.file, movedTo)
    await makePrivate(movedTo)
    await store.update(() => recovered.data)
    return { store, corrupt: { file: opts.file, movedTo, reason, recovered: { lost: recovered.lost } } }
  }

  get data(): T {
    return this.db.data
  }

  /** `produce` must return a new object (no mutation): it is swapped in after the write. */
  update(produce: (current: T) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const next = produce(this.db.data)
      await this.db.adapter.write(next)
      this.db.data = next
      return next
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Waits for writes already queued. */
  async flush(): Promise<void> {
    await this.queue
  }
}
