// Which roll-up rows (rollup.ts) add up to a range of IST days. Two plans:
//  - wholeBlocks, migration 19's: from each day the largest block (month, seven-day block,
//    day) that starts there and ends within the range, added up;
//  - signedBlocks, the one the summary reads: blocks of every grain (year, quarter, month,
//    block, day) added AND taken away, whichever reads the fewest histogram rows. Counts and
//    histograms subtract exactly, so 3 February – 26 November is the year less January,
//    1–2 February, 27–30 November and December: some 550 histogram rows per key instead of
//    ~1,800 for quarters, months, six blocks and ten days.
import type { Grain } from './rollup'

const MS_PER_DAY = 86_400_000
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`)
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** A block of roll-up rows: grain, first day, first day after; sign +1 to add it, −1 to take it away. */
export interface RangePart {
  grain: Grain
  start: string
  end: string
  sign: 1 | -1
}

/** The first day after the block of grain `grain` that starts on `day`, or null when no such block starts there. */
function blockEnd(day: string, grain: Grain): string | null {
  const d = new Date(dayMs(day))
  const dom = d.getUTCDate()
  const month = d.getUTCMonth()
  if (grain === 'd') return dayOf(d.getTime() + MS_PER_DAY)
  const monthsLater = (n: number) => dayOf(Date.UTC(d.getUTCFullYear(), month + n, 1))
  if (grain === 'w') {
    if ((dom - 1) % 7 !== 0) return null
    const week = dayOf(d.getTime() + 7 * MS_PER_DAY)
    return week < monthsLater(1) ? week : monthsLater(1)
  }
  if (dom !== 1) return null
  if (grain === 'm') return monthsLater(1)
  if (grain === 'q') return month % 3 === 0 ? monthsLater(3) : null
  return month === 0 ? monthsLater(12) : null
}

/** Migration 19's plan: months, seven-day blocks and days, added up (the bench's baseline). */
export function wholeBlocks(from: string, to: string): [Grain, string, string][] {
  const after = dayOf(dayMs(to) + MS_PER_DAY)
  const parts: [Grain, string, string][] = []
  for (let day = from; day < after;) {
    let grain: Grain = 'd'
    let end = blockEnd(day, 'd')!
    for (const g of ['m', 'w'] as const) {
      const e = blockEnd(day, g)
      if (e !== null && e <= after) {
        grain = g
        end = e
        break
      }
    }
    const last = parts[parts.length - 1]
    if (last && last[0] === grain && last[2] === day) last[2] = end
    else parts.push([grain, day, end])
    day = end
  }
  return parts
}

/**
 * Histogram rows one roll-up row of a grain stands for per key, as measured on the bench's
 * data (a busy ministry: buckets fill up, so a year holds hardly more than a month), plus
 * a fixed cost per block so that, rows being equal, fewer blocks win. Sparser work makes the
 * coarse grains relatively dearer, but then every plan is cheap.
 */
const ROWS_PER_BLOCK: Record<Grain, number> = { d: 17, w: 48, m: 84, q: 96, y: 109 }
const COST_PER_BLOCK = 4
/** Taking a block away costs a little more than adding one: of two equal plans, the one that adds. */
const SUBTRACT_PENALTY = 1

/**
 * The cheapest signed cover of the range: a shortest path over the days from the first
 * day of the range to the day after its last, where adding a block steps forward over it
 * and taking one away steps back over it (the signs telescope to exactly the range). The
 * days searched run from the 1st of January before the range to the 1st of January after
 * it, so at most two years (a range covers at most 366 days): a few hundred nodes.
 */
export function signedBlocks(from: string, to: string): RangePart[] {
  const after = dayOf(dayMs(to) + MS_PER_DAY)
  const first = `${from.slice(0, 4)}-01-01`
  const last = `${Number(to.slice(0, 4)) + 1}-01-01`
  const days: string[] = []
  for (let ms = dayMs(first); ms <= dayMs(last); ms += MS_PER_DAY) days.push(dayOf(ms))
  const index = new Map(days.map((d, i) => [d, i]))
  // Edges out of each day: [to, cost, part].
  const edges: [number, number, RangePart][][] = days.map(() => [])
  days.forEach((start, i) => {
    for (const grain of ['y', 'q', 'm', 'w', 'd'] as const) {
      const end = blockEnd(start, grain)
      const j = end === null ? undefined : index.get(end)
      if (j === undefined) continue
      const cost = ROWS_PER_BLOCK[grain] + COST_PER_BLOCK
      edges[i]!.push([j, cost, { grain, start, end: end!, sign: 1 }])
      edges[j]!.push([i, cost + SUBTRACT_PENALTY, { grain, start, end: end!, sign: -1 }])
    }
  })
  // Dijkstra without a heap: a few hundred nodes.
  const source = index.get(from)!
  const target = index.get(after)!
  const dist = days.map(() => Infinity)
  const via: ([number, RangePart] | null)[] = days.map(() => null)
  const done = days.map(() => false)
  dist[source] = 0
  for (;;) {
    let u = -1
    for (let i = 0; i < days.length; i++) if (!done[i] && (u === -1 || dist[i]! < dist[u]!)) u = i
    if (u === -1 || dist[u] === Infinity || u === target) break
    done[u] = true
    for (const [v, cost, part] of edges[u]!)
      if (dist[u]! + cost < dist[v]!) {
        dist[v] = dist[u]! + cost
        via[v] = [u, part]
      }
  }
  const parts: RangePart[] = []
  for (let v = target; v !== source;) {
    const [u, part] = via[v]!
    parts.push(part)
    v = u
  }
  return mergeTouching(parts)
}

/** Blocks of one grain and sign that touch become one range (fewer conditions in the statement). */
function mergeTouching(parts: RangePart[]): RangePart[] {
  const sorted = [...parts].sort(
    (a, b) => b.sign - a.sign || a.grain.localeCompare(b.grain) || a.start.localeCompare(b.start),
  )
  const merged: RangePart[] = []
  for (const p of sorted) {
    const prev = merged[merged.length - 1]
    if (prev && prev.grain === p.grain && prev.sign === p.sign && prev.end === p.start) prev.end = p.end
    else merged.push({ ...p })
  }
  return merged
}
