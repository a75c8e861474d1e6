// A lowdb adapter for files that must survive a power cut (the outbox).
//
// lowdb's JSONFile writes through steno: temp file + rename, which is atomic against a
// crash of *our* process but does not fsync — after a power cut the renamed file can be
// empty on some file systems (NTFS, ext4 without auto_da_alloc). This adapter does the
// same dance with the fsyncs in place: write temp, fsync it, rename over, fsync the dir.
// Writes are serialised so two submits never race on the temp file. Every file is
// private to the officer's account (0600; Windows ignores the mode, the profile folder
// is private there). `fsync: false` keeps the atomic rename but skips the fsyncs, for
// files the server can rebuild (the grievance cache).
import { open, readFile, rename } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'
import { PRIVATE_FILE_MODE } from './private-files'

export class DurableJSONFile<T> implements Adapter<T> {
  private readonly tempFile: string
  private chain: Promise<void> = Promise.resolve()

  constructor(
    private readonly file: string,
    private readonly opts: { fsync?: boolean } = {},
  ) {
    this.tempFile = join(dirname(file), `.${basename(file)}.tmp`)
  }

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.file, 'utf-8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    return JSON.parse(text) as T
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 2)
    const run = this.chain.then(() => this.writeNow(text))
    // Keep the chain alive after a failed write; the caller still sees the failure.
    this.chain = run.catch(() => undefined)
    return run
  }

  private writeNow(text: string): Promise<void> {
    return replaceFile(this.file, this.tempFile, text, this.opts.fsync !== false)
  }
}

/** Replaces `file` with `text` atomically (temp file + rename), fsync'd file and folder when `durable`. */
export async function replaceFile(file: string, tempFile: string, text: string, durable = true): Promise<void> {
  const handle = await open(tempFile, 'w', PRIVATE_FILE_MODE)
  try {
    // The mode of open() only applies to a new file: a temp file left by a crash keeps its own.
    await handle.chmod(PRIVATE_FILE_MODE)
    await handle.writeFile(text, 'utf-8')
    if (durable) await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(tempFile, file)
  if (durable) await syncDirectory(dirname(file))
}

/** Makes the rename itself durable. Windows cannot open a directory: skip there. */
async function syncDirectory(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // EISDIR / EPERM on Windows: NTFS journals the rename itself.
  } finally {
    await handle?.close()
  }
}
