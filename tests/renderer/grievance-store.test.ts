// The renderer's grievance store reads the desk in deltas: a sign-in reads the ids and
// then slices of grievances (never the whole list in one answer), a change event reads
// only the changed ids (ahead of slices still loading), the open grievance first, and an
// answer that arrives after a sign-out is dropped.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeGrievance } from '../../bench/desk/corpus'
import type { Grievance } from '../../src/shared/grievance'
import { LIMITS } from '../../src/shared/limits'
import { EMPTY_FILTER } from '../../src/renderer/src/features/queue/filters'
import { useGrievanceStore } from '../../src/renderer/src/store/grievance-store'

interface Call {
  method: string
  ids?: string[]
}

let cache: Map<string, Grievance>
let calls: Call[]
/** Answers held back until released, to look at the store in between. */
let hold: Promise<void> | null
let holdSlices: Promise<void> | null

function installDesk() {
  ;(globalThis as { seva?: unknown }).seva = {
    async invoke(method: string, input: { ids?: string[] }) {
      calls.push({ method, ...(input.ids ? { ids: [...input.ids] } : {}) })
      if (hold) await hold
      if (holdSlices && method === 'grievances.get-many') await holdSlices
      switch (method) {
        case 'grievances.ids':
          return [...cache.keys()]
        case 'grievances.get-many':
          expect(input.ids!.length).toBeLessThanOrEqual(LIMITS.deskGrievancesPerRead)
          return input.ids!.flatMap((id) => cache.get(id) ?? [])
        default:
          throw new Error(`not expected here: ${method}`)
      }
    },
    onEvent: () => () => undefined,
  }
}

function seed(n: number) {
  for (let i = 0; i < n; i++) {
    const g = makeGrievance(i)
    cache.set(g.id, g)
  }
}

const store = () => useGrievanceStore.getState()

beforeEach(() => {
  cache = new Map()
  calls = []
  hold = null
  holdSlices = null
  installDesk()
  store().clear()
})
afterEach(() => {
  store().clear()
  delete (globalThis as { seva?: unknown }).seva
})

describe('the grievance store', () => {
  it('loads a big cache as ids and then slices, and lists every grievance', async () => {
    seed(1_200)
    await store().loadAll()
    expect(calls.map((c) => c.method)).toEqual(['grievances.ids', ...Array(3).fill('grievances.get-many')])
    expect(store().loaded).toBe(true)
    expect(store().list).toHaveLength(1_200)
    expect(store().byId.get(makeGrievance(7).id)).toEqual(makeGrievance(7))
    const visa = store().queue.select({ ...EMPTY_FILTER, division: 'visa' }, null)
    expect(visa.length).toBe([...cache.values()].filter((g) => g.division === 'visa').length)
  })

  it('a change event reads only the changed ids; a grievance gone from the desk leaves the list', async () => {
    seed(50)
    await store().loadAll()
    calls = []
    const changed = { ...makeGrievance(3, 2), status: 'closed' as const }
    cache.set(changed.id, changed)
    cache.delete(makeGrievance(4).id)
    store().refresh([changed.id, makeGrievance(4).id])
    await vi.waitFor(() => expect(store().byId.get(changed.id)?.status).toBe('closed'))
    await vi.waitFor(() => expect(store().list).toHaveLength(49))
    expect(calls).toEqual([{ method: 'grievances.get-many', ids: [changed.id, makeGrievance(4).id] }])
    expect(store().byId.has(makeGrievance(4).id)).toBe(false)
  })

  it('while a sign-in is loading, changed ids and the open grievance are read before the remaining slices', async () => {
    seed(1_500)
    let release!: () => void
    holdSlices = new Promise((r) => (release = r))
    const loading = store().loadAll()
    // The first slice is on its way.
    await vi.waitFor(() => expect(calls).toHaveLength(2))
    const last = makeGrievance(1_499).id
    const middle = makeGrievance(900).id
    store().open(last)
    store().refresh([middle])
    holdSlices = null
    release()
    await loading
    const slices = calls.filter((c) => c.method === 'grievances.get-many').map((c) => c.ids!)
    // The first slice was asked before the event; the next one starts with the open grievance, then the change.
    expect(slices[1]!.slice(0, 2)).toEqual([last, middle])
    expect(new Set(slices.flat()).size).toBe(1_500)
    expect(store().list).toHaveLength(1_500)
  })

  it('an answer that arrives after a sign-out is dropped', async () => {
    seed(10)
    let release!: () => void
    hold = new Promise((r) => (release = r))
    const loading = store().loadAll()
    await vi.waitFor(() => expect(calls).toHaveLength(1))
    store().clear()
    hold = null
    release()
    await loading
    expect(store().list).toHaveLength(0)
    expect(store().loaded).toBe(false)
  })

  it("the officer's own action shows at once", async () => {
    seed(5)
    await store().loadAll()
    const mine = { ...makeGrievance(2), assignee: 'asha', status: 'assigned' as const }
    store().upsert(mine)
    expect(store().byId.get(mine.id)).toBe(mine)
    expect(store().queue.select({ ...EMPTY_FILTER, assignee: 'mine' }, 'asha')).toContain(mine)
  })
})
