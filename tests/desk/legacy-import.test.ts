import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { grievanceId, makeGrievance } from '../../bench/desk/corpus'
import { importLegacyCache, importWholeFileCache, LogGrievanceStore } from '../../src/main/desk/grievance-store'
import { LegacyFileError, LegacySplitter, type LegacyPiece } from '../../src/main/desk/grievance-store/legacy-splitter'
import { MOCK_ORG } from './mock-sync-server'

const dirs: string[] = []
async function scratch(): Promise<{ dir: string; legacy: string }> {
  const root = await mkdtemp(join(tmpdir(), 'seva-legacy-'))
  dirs.push(root)
  return { dir: join(root, 'grievances'), legacy: join(root, 'grievances.json') }
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

const AT = '2026-03-01T10:00:00.000Z'
const OWNER = { serverUrl: 'http://seva.test', username: 'meena' }
const ORG = MOCK_ORG
const grievancesOf = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [grievanceId(i), makeGrievance(i)]))
const oldCache = (n: number) => ({
  owner: OWNER,
  cursor: 4_321,
  grievances: grievancesOf(n),
  org: ORG,
  lastSyncedAt: AT,
})
const open = (dir: string) => LogGrievanceStore.open({ dir }).then((opened) => opened.store)

function split(text: string, chunk: number): LegacyPiece[] {
  const splitter = new LegacySplitter()
  const pieces: LegacyPiece[] = []
  for (let at = 0; at < text.length; at += chunk) pieces.push(...splitter.push(text.slice(at, at + chunk)))
  return [...pieces, ...splitter.end()]
}

describe('legacy cache splitter', () => {
  const tricky = {
    owner: null,
    cursor: 7,
    grievances: {
      'g-"1"': { text: 'quote \\" brace } bracket ] slash \\\\', thread: [[1, { a: '}' }], []], n: -1.5e3 },
      'g-2': { text: 'मेरा ई-वीज़ा {आवेदन} 😀', empty: {}, t: true, f: false, z: null },
    },
    org: { handles: ['a', 'b'] },
    lastSyncedAt: '2026',
  }

  it('cuts every member and document the same at every chunk boundary, pretty or compact', () => {
    for (const text of [JSON.stringify(tricky), JSON.stringify(tricky, null, 2)]) {
      const expected = split(text, text.length)
      expect(expected.map((p) => p.kind)).toEqual(['member', 'member', 'grievance', 'grievance', 'member', 'member'])
      const docs = expected.filter((p) => p.kind === 'grievance')
      expect(Object.fromEntries(docs.map((p) => [p.id, JSON.parse(p.text) as unknown]))).toEqual(tricky.grievances)
      for (let chunk = 1; chunk <= 40; chunk++) expect(split(text, chunk)).toEqual(expected)
    }
  })

  it('refuses a truncated, mis-shaped or over-long file with where it went wrong', () => {
    const text = JSON.stringify(tricky)
    for (const cut of [1, 20, text.indexOf('g-2') + 10, text.length - 1]) {
      expect(() => split(text.slice(0, cut), 7)).toThrow(LegacyFileError)
    }
    expect(() => split('[1,2]', 3)).toThrow(/expected "\{"/)
    expect(() => split('{"grievances": [] }', 3)).toThrow(/must be one object/)
    expect(() => split('{"owner": null}', 3)).toThrow(/no "grievances"/)
    expect(() => split(`${text} {}`, 5)).toThrow(/after the end/)
    expect(() => split('{"grievances": {} "cursor": 1}', 4)).toThrow(/expected "," or "}" at character 18/)
  })
})

describe('import of the old whole-file cache', () => {
  it('streams 1,300 grievances in, cursor and org last, and leaves the file .imported', async () => {
    const { dir, legacy } = await scratch()
    await writeFile(legacy, JSON.stringify(oldCache(1_300)))
    let store = await open(dir)
    expect(await importLegacyCache(store, legacy)).toEqual({ outcome: 'imported', count: 1_300 })
    await store.close()
    store = await open(dir)
    expect(store.meta).toEqual({ owner: OWNER, cursor: 4_321, org: ORG, lastSyncedAt: AT })
    expect(store.size).toBe(1_300)
    expect(await store.get(grievanceId(1_299))).toEqual(makeGrievance(1_299))
    expect(await importLegacyCache(store, legacy)).toEqual({ outcome: 'none' })
    await store.close()
  })

  it('takes the owner right when the file names it after the grievances', async () => {
    const { dir, legacy } = await scratch()
    const { owner, ...rest } = oldCache(600)
    await writeFile(legacy, JSON.stringify({ ...rest, owner }))
    const store = await open(dir)
    expect(await importWholeFileCache(store, legacy)).toBe(600)
    expect(store.meta).toEqual({ owner: OWNER, cursor: 4_321, org: ORG, lastSyncedAt: AT })
    expect(store.size).toBe(600)
    await store.close()
  })

  it('a truncated file: reported with its reason, store left empty, file moved .unreadable', async () => {
    const { dir, legacy } = await scratch()
    const text = JSON.stringify(oldCache(1_200))
    await writeFile(legacy, text.slice(0, Math.floor(text.length * 0.8)))
    const store = await open(dir)
    const result = await importLegacyCache(store, legacy)
    expect(result).toMatchObject({ outcome: 'unreadable', reason: expect.stringMatching(/ends early/) as string })
    expect(store.size).toBe(0)
    expect(store.meta.cursor).toBe(0)
    expect((await readdir(join(dir, '..'))).sort()).toEqual(['grievances', 'grievances.json.unreadable'])
    await store.close()
  })

  it('a grievance that is not a grievance, or missing members, make the file unreadable', async () => {
    const { dir, legacy } = await scratch()
    const cache = oldCache(900)
    cache.grievances[grievanceId(700)] = { ...makeGrievance(700), version: 'one' as unknown as number }
    await writeFile(legacy, JSON.stringify(cache))
    const store = await open(dir)
    expect(await importLegacyCache(store, legacy)).toMatchObject({
      outcome: 'unreadable',
      reason: expect.stringContaining(`grievance "${grievanceId(700)}": version`) as string,
    })
    expect(store.size).toBe(0)
    await writeFile(legacy, JSON.stringify({ owner: OWNER, grievances: grievancesOf(3) }))
    expect(await importLegacyCache(store, legacy)).toMatchObject({
      outcome: 'unreadable',
      reason: expect.stringContaining('cursor') as string,
    })
    expect(store.size).toBe(0)
    await store.close()
  })

  it('a store failure mid-import is thrown; the file stays, cursor 0, and the next start imports once', async () => {
    const { dir, legacy } = await scratch()
    await writeFile(legacy, JSON.stringify(oldCache(1_700)))
    let store = await open(dir)
    const apply = store.applyChangesPage.bind(store)
    let pages = 0
    store.applyChangesPage = (...args) => (++pages === 3 ? Promise.reject(new Error('disk gone')) : apply(...args))
    await expect(importWholeFileCache(store, legacy)).rejects.toThrow('disk gone')
    await store.close()
    store = await open(dir)
    expect(store.size).toBe(1_000)
    expect(store.meta.cursor).toBe(0)
    expect(await importWholeFileCache(store, legacy)).toBe(1_700)
    expect(store.size).toBe(1_700)
    expect(store.meta.cursor).toBe(4_321)
    await store.close()
  })

  it('SIGKILL mid-import, then a restart: every grievance once, the cursor only at the end', async () => {
    const { dir, legacy } = await scratch()
    await writeFile(legacy, JSON.stringify(oldCache(3_000)))
    const writer = join(import.meta.dirname, 'legacy-import-writer.ts')
    const killedAfter = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, legacy], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let out = ''
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (/page 2\n/.test(out)) child.kill('SIGKILL')
      })
      child.on('close', (_code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`the import ended by itself: ${out} ${stderr.slice(-1000)}`))
        else resolve(out.match(/page \d+\n/g)!.length)
      })
    })
    expect(killedAfter).toBeGreaterThanOrEqual(2)
    let store = await open(dir)
    expect(store.meta.cursor).toBe(0)
    expect(store.size).toBeGreaterThanOrEqual(1_000)
    expect(store.size).toBeLessThan(3_000)
    expect(await readdir(join(dir, '..'))).toContain('grievances.json')
    expect(await importWholeFileCache(store, legacy)).toBe(3_000)
    await store.close()
    store = await open(dir)
    expect(store.size).toBe(3_000)
    expect(store.meta).toEqual({ owner: OWNER, cursor: 4_321, org: ORG, lastSyncedAt: AT })
    expect(await store.get(grievanceId(2_999))).toEqual(makeGrievance(2_999))
    await store.close()
  })
})
