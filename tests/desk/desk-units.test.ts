// Pure pieces of the desk core: the optimistic apply, SSE framing, batching and rebase,
// backoff, and the durable outbox file.
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyActionLocally, rebasePending } from '../../src/main/desk/apply-action'
import { Backoff } from '../../src/main/desk/backoff'
import type { OutboxEntry } from '../../src/main/desk/desk-files'
import { DurableJSONFile } from '../../src/main/desk/durable-json-file'
import { SseParser } from '../../src/main/desk/event-stream'
import { recoverOutbox, salvageTopLevelArrays } from '../../src/main/desk/outbox-recovery'
import { PUSH_BATCH_BYTES, actionBytes, nextPushBatch, rebaseQueued } from '../../src/main/desk/outbox-batch'
import { LIMITS } from '../../src/shared/limits'
import { applyChangesPage, keepOptimistic } from '../../src/main/desk/sync-engine'
import type { Action, ActionBody } from '../../src/shared/protocol'
import { tempDir } from './helpers'
import { makeGrievance } from './mock-sync-server'

const me = { username: 'officer.cyber' }
let n = 0
const act = (body: ActionBody, grievanceId = 'g1', baseVersion = 1): Action => ({
  id: `action-${++n}-xxxxxxxx`,
  grievanceId,
  baseVersion,
  at: '2026-01-10T12:00:00.000Z',
  body,
})
const entry = (action: Action): OutboxEntry => ({ action, owner: { serverUrl: 'http://s', username: me.username } })

describe('applyActionLocally', () => {
  it('mirrors the server: replies pending, claims assign, forwards clear the assignee', () => {
    const g = makeGrievance('g1')
    const replied = applyActionLocally(g, act({ type: 'reply', text: 'Noted' }), me)
    expect(replied.thread.at(-1)).toMatchObject({
      kind: 'reply',
      text: 'Noted',
      by: 'officer.cyber',
      post: { state: 'pending', attempts: 0 },
    })
    expect(g.thread).toHaveLength(1) // never mutates its input
    const claimed = applyActionLocally(g, act({ type: 'claim' }), me)
    expect(claimed).toMatchObject({ status: 'assigned', assignee: 'officer.cyber', version: 1 })
    const forwarded = applyActionLocally(claimed, act({ type: 'forward', toDivision: 'police', note: 'theirs' }), me)
    expect(forwarded).toMatchObject({ status: 'forwarded', division: 'police', assignee: null })
    expect(forwarded.thread.at(-1)).toMatchObject({ kind: 'note', text: 'theirs' })
    expect(applyActionLocally(g, act({ type: 'reject', reason: 'spam' }), me)).toMatchObject({
      status: 'rejected',
      statusReason: 'spam',
    })
    expect(applyActionLocally(g, act({ type: 'set-priority', priority: 'critical' }), me).priority).toBe('critical')
  })

  it('gives a named assignment to that officer at once, and refuses it on closed work', () => {
    const claimed = applyActionLocally(makeGrievance('g1'), act({ type: 'claim' }), me)
    const assigned = applyActionLocally(claimed, act({ type: 'assign', assignee: 'officer.cyber2' }), me)
    expect(assigned).toMatchObject({ status: 'assigned', assignee: 'officer.cyber2' })
    const closed = makeGrievance('g1', { status: 'closed' })
    expect(() => applyActionLocally(closed, act({ type: 'assign', assignee: 'officer.cyber2' }), me)).toThrow(
      /closed cannot become assigned/,
    )
  })

  it('throws on illegal transitions and bad retries', () => {
    const closed = makeGrievance('g1', { status: 'closed' })
    expect(() => applyActionLocally(closed, act({ type: 'resolve' }), me)).toThrow(
      'A grievance that is closed cannot become resolved',
    )
    expect(() => applyActionLocally(makeGrievance('g1'), act({ type: 'close' }), me)).toThrow(
      /new cannot become closed/,
    )
    expect(() => applyActionLocally(makeGrievance('g1'), act({ type: 'retry-reply', entryId: 'c-g1' }), me)).toThrow(
      /No reply/,
    )
    expect(() => applyActionLocally(makeGrievance('g2'), act({ type: 'claim' }), me)).toThrow(/not g2/)
  })

  it('retries only a failed reply', () => {
    const g = makeGrievance('g1', {
      thread: [
        { id: 'r1', kind: 'reply', text: 'x', at: 'a', post: { state: 'failed', error: 'X down', attempts: 5 } },
      ],
    })
    const retried = applyActionLocally(g, act({ type: 'retry-reply', entryId: 'r1' }), me)
    expect(retried.thread[0]?.post).toEqual({ state: 'pending', attempts: 5 })
    expect(() => applyActionLocally(retried, act({ type: 'retry-reply', entryId: 'r1' }), me)).toThrow(/has not failed/)
  })

  it('rebases pending actions on a new server copy, skipping the ones that no longer apply', () => {
    const server = makeGrievance('g1', { status: 'resolved', version: 4 })
    const view = rebasePending(
      server,
      [act({ type: 'start' }), act({ type: 'note', text: 'still here' }), act({ type: 'claim' }, 'other')],
      me,
    )
    expect(view.status).toBe('resolved')
    expect(view.thread.at(-1)?.text).toBe('still here')
  })
})

describe('SseParser', () => {
  it('parses events split across chunks, CRLF, comments and multi-line data', () => {
    const parser = new SseParser()
    expect(parser.feed(': keep-alive\n\nevent: hel')).toEqual([])
    expect(parser.feed('lo\r\ndata: {"type":"hello","seq":3}\r\n\r\ndata: a\ndata: b\n\n')).toEqual([
      { event: 'hello', data: '{"type":"hello","seq":3}' },
      { event: 'message', data: 'a\nb' },
    ])
  })
})

describe('outbox batching and rebase', () => {
  it('cuts a batch before a second state change on the same grievance, not before replies', () => {
    const claim = act({ type: 'claim' })
    const reply = act({ type: 'reply', text: 'hi' })
    const other = act({ type: 'claim' }, 'g2')
    const start = act({ type: 'start' })
    const entries = [claim, reply, other, start].map(entry)
    expect(nextPushBatch(entries, 50).map((a) => a.id)).toEqual([claim.id, reply.id, other.id])
    expect(nextPushBatch(entries, 2)).toHaveLength(2)
  })

  it('cuts a batch by bytes too, never above the protocol count, and always sends a lone oversized action', () => {
    const big = (text: string) => entry(act({ type: 'note', text }))
    const notes = Array.from({ length: 10 }, () => big('n'.repeat(1000)))
    const one = actionBytes(notes[0]!.action)
    expect(nextPushBatch(notes, 50, 3 * one + 20)).toHaveLength(3)
    expect(nextPushBatch(notes, 50, 10)).toHaveLength(1)
    const many = Array.from({ length: LIMITS.actionsPerBatch + 5 }, () => big('x'))
    expect(nextPushBatch(many, 10_000)).toHaveLength(LIMITS.actionsPerBatch)
    // The default budget: half the server's body limit.
    const huge = Array.from({ length: 200 }, () => big('ह'.repeat(LIMITS.noteChars)))
    const batch = nextPushBatch(huge, 200)
    expect(Buffer.byteLength(JSON.stringify({ actions: batch }))).toBeLessThanOrEqual(PUSH_BATCH_BYTES)
    expect(Buffer.byteLength(JSON.stringify({ actions: [...batch, huge[0]!.action] }))).toBeGreaterThan(
      PUSH_BATCH_BYTES,
    )
    expect(PUSH_BATCH_BYTES).toBeLessThanOrEqual(LIMITS.actionsBodyBytes / 2)
  })

  it('moves queued base versions only when nobody else changed the grievance', () => {
    const claim = act({ type: 'claim' }, 'g1', 5)
    const start = act({ type: 'start' }, 'g1', 5)
    const elsewhere = act({ type: 'start' }, 'g2', 5)
    const queued = [start, elsewhere].map(entry)
    expect(rebaseQueued(queued, claim, 6).map((e) => e.action.baseVersion)).toEqual([6, 5])
    expect(rebaseQueued(queued, claim, 7).map((e) => e.action.baseVersion)).toEqual([5, 5])
  })

  it('applies a changes page: newer copies win, tombstones remove, the cursor only grows', () => {
    const cache = {
      owner: null,
      cursor: 10,
      grievances: { g1: makeGrievance('g1', { version: 3 }) },
      org: null,
      lastSyncedAt: null,
    }
    const next = applyChangesPage(
      cache,
      [
        { seq: 11, kind: 'upsert', grievance: makeGrievance('g1', { version: 2 }) },
        { seq: 12, kind: 'upsert', grievance: makeGrievance('g2') },
        { seq: 13, kind: 'remove', id: 'g2' },
        { seq: 14, kind: 'upsert', grievance: makeGrievance('g3') },
      ],
      14,
      'now',
    )
    expect(next.grievances.g1?.version).toBe(3)
    expect(Object.keys(next.grievances).sort()).toEqual(['g1', 'g3'])
    expect(next.cursor).toBe(14)
    expect(applyChangesPage(next, [], 2, 'later').cursor).toBe(14)
  })
})

describe('Backoff', () => {
  it('grows from min to max with jitter in the upper half', () => {
    const low = new Backoff({ minMs: 1000, maxMs: 30_000, random: () => 0 })
    expect([low.next(), low.next(), low.next(), low.next(), low.next(), low.next(), low.next()]).toEqual([
      500, 1000, 2000, 4000, 8000, 15_000, 15_000,
    ])
    const high = new Backoff({ minMs: 1000, maxMs: 30_000, random: () => 1 })
    expect(high.next()).toBe(1000)
    for (let i = 0; i < 10; i++) high.next()
    expect(high.next()).toBe(30_000)
    high.reset()
    expect(high.next()).toBe(1000)
  })
})

describe('DurableJSONFile', () => {
  it('writes whole files in order and leaves no temp file behind', async () => {
    const { dir, remove } = await tempDir()
    try {
      const file = join(dir, 'outbox.json')
      const adapter = new DurableJSONFile<{ n: number }>(file)
      expect(await adapter.read()).toBeNull()
      await Promise.all([1, 2, 3].map((n) => adapter.write({ n })))
      expect(JSON.parse(await readFile(file, 'utf-8'))).toEqual({ n: 3 })
      expect(await readdir(dir)).toEqual(['outbox.json'])
      // A temp file left by a crash mid-write does not affect the real one.
      await writeFile(join(dir, '.outbox.json.tmp'), '{"n": 9')
      expect(await adapter.read()).toEqual({ n: 3 })
    } finally {
      await remove()
    }
  })
})

describe('recoverOutbox', () => {
  const owner = { serverUrl: 'http://s', username: me.username }
  const notes = ['first', 'second, with "quotes" and } braces', 'third ]', 'fourth\\n', 'fifth'].map((text) =>
    entry(act({ type: 'note', text })),
  )
  const conflict = {
    action: act({ type: 'claim' }),
    kind: 'rejected' as const,
    reason: 'no',
    grievance: null,
    at: 'now',
    owner,
  }
  const text = JSON.stringify({ entries: notes, conflicts: [conflict] }, null, 2)
  // Where each entry's JSON ends in the file, as JSON.stringify lays it out.
  const ends = notes.map((e) => {
    const element = JSON.stringify(e, null, 2).split('\n').join('\n    ')
    return text.indexOf(element) + element.length
  })

  it('keeps every entry written before a cut, at every byte offset, and invents nothing', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      const { outbox, lost } = recoverOutbox(text.slice(0, offset))
      const whole = ends.filter((end) => end <= offset).length
      expect(outbox.entries, `cut at ${offset}`).toEqual(notes.slice(0, whole))
      if (offset === text.length) expect(outbox.conflicts).toEqual([conflict])
      expect(lost).toBeLessThanOrEqual(1)
    }
  })

  it('keeps the readable entries of a file whose middle entry is damaged', () => {
    const garbled = JSON.parse(text) as { entries: unknown[] }
    garbled.entries[2] = { action: { id: 'x' } }
    const { outbox, lost } = recoverOutbox(JSON.stringify(garbled))
    expect(outbox.entries).toEqual([notes[0], notes[1], notes[3], notes[4]])
    expect(lost).toBe(1)
    const broken = text.replace('"third ]"', '"third ]" oops')
    const salvaged = recoverOutbox(broken)
    expect(salvaged.outbox.entries).toEqual([notes[0], notes[1], notes[3], notes[4]])
    expect(salvaged.lost).toBe(1)
    expect(salvageTopLevelArrays('garbage').arrays.size).toBe(0)
  })
})

describe('keepOptimistic', () => {
  it("keeps an applied action's effect at the server's version when only it happened", () => {
    const g = makeGrievance('g1', { version: 3 })
    const note = act({ type: 'note', text: 'n1' }, 'g1', 3)
    const kept = keepOptimistic({ g1: g }, [{ action: note, version: 4 }], me)
    expect(kept.g1).toMatchObject({ version: 4 })
    expect(kept.g1!.thread.at(-1)).toMatchObject({ kind: 'note', text: 'n1' })
    // Two notes of one batch: each took the grievance one version on.
    const second = act({ type: 'note', text: 'n2' }, 'g1', 3)
    const both = keepOptimistic(
      { g1: g },
      [
        { action: note, version: 4 },
        { action: second, version: 5 },
      ],
      me,
    )
    expect(both.g1!.version).toBe(5)
    expect(both.g1!.thread.map((e) => e.text)).toEqual(['Help needed g1', 'n1', 'n2'])
  })

  it('keeps the cached version when somebody else changed it too, and leaves pulled copies alone', () => {
    const g = makeGrievance('g1', { version: 3 })
    const claim = act({ type: 'claim' }, 'g1', 3)
    const behind = keepOptimistic({ g1: g }, [{ action: claim, version: 6 }], me)
    expect(behind.g1).toMatchObject({ status: 'assigned', assignee: 'officer.cyber', version: 3 })
    const pulled = makeGrievance('g1', { version: 4, status: 'assigned', assignee: 'officer.cyber' })
    expect(keepOptimistic({ g1: pulled }, [{ action: claim, version: 4 }], me).g1).toBe(pulled)
    // Not applicable to the cached copy any more (moved on): left for the pull.
    const closed = makeGrievance('g1', { version: 3, status: 'closed' })
    expect(keepOptimistic({ g1: closed }, [{ action: claim, version: 4 }], me).g1).toBe(closed)
  })
})
