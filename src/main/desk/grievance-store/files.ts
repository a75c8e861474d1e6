// The store's files and the few durable-file moves it needs. Everything it creates is
// private to the user (0600 in a 0700 folder): the cache holds citizens' complaints.
import { chmod, mkdir, open, rename, type FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'

export const DIR_MODE = 0o700
export const FILE_MODE = 0o600

/** Append-only segments, replayed in number order from the index's position. */
export const logName = (n: number): string => `log-${String(n).padStart(8, '0')}.jsonl`
/** Compaction output: reachable only through an index (never replayed). */
export const mergedName = (n: number): string => `merged-${String(n).padStart(8, '0')}.jsonl`
/** Checkpoint of the in-memory index; the highest complete one wins. */
export const indexName = (n: number): string => `index-${String(n).padStart(8, '0')}.jsonl`
/**
 * An incremental checkpoint: what changed since the previous index or delta. Numbered in
 * the same sequence as the indexes; applied in order on top of the newest full index.
 */
export const deltaName = (n: number): string => `delta-${String(n).padStart(8, '0')}.jsonl`

export type FileKind = 'log' | 'merged' | 'index' | 'delta'

export function parseName(name: string): { kind: FileKind; n: number } | null {
  const match = /^(log|merged|index|delta)-(\d{8,})\.jsonl$/.exec(name)
  return match ? { kind: match[1] as FileKind, n: Number(match[2]) } : null
}

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE })
  // mkdir leaves an existing folder's mode alone.
  if (process.platform !== 'win32') await chmod(dir, DIR_MODE)
}

export async function openPrivate(file: string, flags: string): Promise<FileHandle> {
  const handle = await open(file, flags, FILE_MODE)
  // An older file (or a generous umask) keeps its mode on open: make it private.
  if (process.platform !== 'win32') await handle.chmod(FILE_MODE)
  return handle
}

/** Makes a rename or a new file's name durable. Windows cannot open a directory: skip there. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Temp file, fsync, rename over, fsync the folder: all of it or none of it survives a crash. */
export async function writeFileAtomically(file: string, write: (handle: FileHandle) => Promise<void>): Promise<void> {
  const temp = join(dirname(file), `.${file.slice(dirname(file).length + 1)}.tmp`)
  const handle = await openPrivate(temp, 'w')
  try {
    await write(handle)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, file)
  await syncDirectory(dirname(file))
}
