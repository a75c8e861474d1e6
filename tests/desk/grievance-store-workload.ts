// A deterministic stream of changes for the grievance store's crash tests: new
// grievances, newer versions of older ones (garbage for compaction) and removals, with
// seq = position in the stream. `expectedAt(cursor)` is what a store that applied every
// page up to `cursor` must hold, exactly.
import type { Change } from '../../src/shared/protocol'
import { grievanceId, makeGrievance } from '../../bench/desk/corpus'

export const PAGE = 20

export function changeAt(seq: number): Change {
  // Odd seqs create grievance `seq`; even ones update (or remove) an older odd one.
  const older = (k: number): number => 2 * ((seq * k) % Math.floor(seq / 4)) + 1
  if (seq > 40 && seq % 22 === 0) return { seq, kind: 'remove', id: grievanceId(older(5)) }
  if (seq > 30 && seq % 2 === 0) {
    return { seq, kind: 'upsert', grievance: { ...makeGrievance(older(7)), version: seq } }
  }
  return { seq, kind: 'upsert', grievance: { ...makeGrievance(seq), version: seq } }
}

export function pageAt(p: number): { changes: Change[]; last: number } {
  const changes: Change[] = []
  for (let seq = (p - 1) * PAGE + 1; seq <= p * PAGE; seq++) changes.push(changeAt(seq))
  return { changes, last: p * PAGE }
}

/** id → version after applying every change up to `cursor` in order. */
export function expectedAt(cursor: number): Map<string, number> {
  const state = new Map<string, number>()
  for (let seq = 1; seq <= cursor; seq++) {
    const c = changeAt(seq)
    if (c.kind === 'remove') state.delete(c.id)
    else if ((state.get(c.grievance.id) ?? -1) <= c.grievance.version) state.set(c.grievance.id, c.grievance.version)
  }
  return state
}
