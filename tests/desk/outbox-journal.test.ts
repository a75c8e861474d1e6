// The outbox's journal (append-journal.ts via outbox-store.ts): an action queued with
// `append` is durable when it resolves, survives kill -9 at any moment of appends and
// whole-file writes running beside each other, is applied once however often replayed,
// and a torn last line (a crash inside an append) is dropped, not fatal.
import { spawn } from 'node:child_process'
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { openOutbox } from '../../src/main/desk/outbox-store'
import { actionNumber, queuedNote } from './outbox-journal-workload'

const WRITER = join(import.meta.dirname, 'outbox-journal-writer.ts')
const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

async function freshDir(): Promise<{ dir: string; files: { outbox: string; outboxJournal: string } }> {
  const dir = await mkdtemp(join(tmpdir(), 'outbox-journal-'))
  dirs.push(dir)
  return { dir, files: { outbox: join(dir, 'outbox.json'), outboxJournal: join(dir, 'outbox-journal.jsonl') } }
}

const open = (files: { outbox: string; outboxJournal: string }) => openOutbox(files, () => new Date())
const numbers = (entries: readonly Parameters<typeof actionNumber>[0][]) => entries.map(actionNumber)

describe('the outbox journal', () => {
  it('keeps appended actions without a whole write, and again after the whole write folds them in', async () => {
    const { files } = await freshDir()
    const { store } = await open(files)
    for (const n of [1, 2, 3]) await store.append(queuedNote(n))
    // Killed here: no outbox.json yet, the journal alone holds them.
    expect(numbers((await open(files)).store.data.entries)).toEqual([1, 2, 3])
    await store.update((current) => ({ ...current, entries: current.entries.filter((e) => actionNumber(e) !== 1) }))
    await store.append(queuedNote(4))
    // The settled action is not replayed from the journal: the document's mark says it is folded in.
    expect(numbers((await open(files)).store.data.entries)).toEqual([2, 3, 4])
    await store.close()
    expect(numbers((await open(files)).store.data.entries)).toEqual([2, 3, 4])
    // A clean close leaves an empty new generation: the journal does not grow across runs.
    expect((await readFile(files.outboxJournal, 'utf-8')).trim().split('\n')).toHaveLength(1)
  })

  it('does not make an append wait for a whole write, and loses neither in memory nor on disk', async () => {
    const { files } = await freshDir()
    const { store } = await open(files)
    await store.append(queuedNote(1))
    const settle = store.update((current) => ({ ...current, entries: [] }))
    const queued = store.append(queuedNote(2))
    await Promise.all([settle, queued])
    expect(numbers(store.data.entries)).toEqual([2])
    expect(numbers((await open(files)).store.data.entries)).toEqual([2])
  })

  it('drops a torn last line and appends after it cleanly', async () => {
    const { files } = await freshDir()
    const { store } = await open(files)
    await store.append(queuedNote(1))
    await appendFile(files.outboxJournal, JSON.stringify(queuedNote(2)).slice(0, 40))
    const reopened = (await open(files)).store
    expect(numbers(reopened.data.entries)).toEqual([1])
    await reopened.append(queuedNote(3))
    expect(numbers((await open(files)).store.data.entries)).toEqual([1, 3])
  })

  it('starts from the journal when outbox.json is damaged, and a line replayed twice queues once', async () => {
    const { files } = await freshDir()
    const { store } = await open(files)
    for (const n of [1, 2]) await store.append(queuedNote(n))
    await store.update((current) => current)
    await appendFile(files.outbox, 'garbage')
    const { store: recovered, corrupt } = await open(files)
    expect(corrupt?.recovered).toBeDefined()
    expect(numbers(recovered.data.entries)).toEqual([1, 2])
  })

  it(
    'loses no acknowledged action to kill -9 during appends and whole writes, and undoes no committed settle',
    { timeout: 120_000 },
    async () => {
      const { dir, files } = await freshDir()
      let next = 0
      for (let round = 0; round < 6; round++) {
        const seen = await runAndKill(dir, next, 20 + round * 15)
        const { store } = await open(files)
        const held = numbers(store.data.entries)
        expect(new Set(held).size, `round ${round}: no action twice`).toBe(held.length)
        // Every settle starts just before the append of its n: the last three acknowledged
        // actions are above anything a settle in flight may drop.
        for (const n of seen.queued.filter((q) => q >= seen.lastQueued - 2))
          expect(held, `round ${round}: acknowledged action ${n}`).toContain(n)
        // A settle that committed stays committed: nothing below it comes back from the journal.
        expect(
          held.every((n) => n >= seen.settledBelow),
          `round ${round}: settled below ${seen.settledBelow}`,
        ).toBe(true)
        next = seen.lastQueued + 1
      }
    },
  )
})

/** Starts the writer and kills it with SIGKILL once it acknowledged `after` actions. */
function runAndKill(
  dir: string,
  from: number,
  after: number,
): Promise<{ queued: number[]; lastQueued: number; settledBelow: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(from)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const queued: number[] = []
    let settledBelow = Number.NEGATIVE_INFINITY
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('queued ')) queued.push(Number(line.slice(7)))
      if (line.startsWith('settled ')) settledBelow = Math.max(settledBelow, Number(line.slice(8)))
      if (queued.length >= after && !child.killed) child.kill('SIGKILL')
    })
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: ${stderr}`))
      else resolve({ queued, lastQueued: queued.at(-1) ?? from - 1, settledBelow })
    })
  })
}
