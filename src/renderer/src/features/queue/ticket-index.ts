// The search box's ticket numbers: what `ticketPartsMatch` answers for one typed ticket,
// without a pass over every grievance's parsed ticket per keystroke. A ticket matches when
// it begins with what was typed ("mha-26-1" while typing) or is the same number
// ("mha-26-123" is MHA-26-000123). The first part is a tight scan of one flat array of
// lower-cased tickets, and only of the previous answer when the new text extends the old
// (typing on); the second is one lookup by number.
import type { TicketParts, TicketQuery } from '../../../../shared/search'

const numberKey = (prefix: string, year: number, sequence: number): string => `${prefix}-${year}-${sequence}`

export class TicketIndex {
  /** slot → lower-cased ticket (null: the slot died) and its id; a changed ticket gets a new slot. */
  private lowers: (string | null)[] = []
  private ids: string[] = []
  /** slot → its ticket's number, when it has the PREFIX-YY-N shape. */
  private numbers: (string | null)[] = []
  private readonly slotOf = new Map<string, number>()
  private dead = 0
  private readonly byNumber = new Map<string, Set<string>>()
  private revision = 0
  private last: { typed: string; revision: number; slots: number[] } | null = null

  put(id: string, parts: TicketParts): void {
    this.remove(id)
    this.revision++
    this.slotOf.set(id, this.lowers.length)
    this.lowers.push(parts.lower)
    this.ids.push(id)
    const key = parts.number ? numberKey(parts.number.prefix, parts.number.year, parts.number.sequence) : null
    this.numbers.push(key)
    if (key !== null) {
      let set = this.byNumber.get(key)
      if (!set) this.byNumber.set(key, (set = new Set()))
      set.add(id)
    }
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    this.revision++
    this.slotOf.delete(id)
    const key = this.numbers[slot]
    const set = key === null || key === undefined ? undefined : this.byNumber.get(key)
    set?.delete(id)
    if (set?.size === 0) this.byNumber.delete(key!)
    this.lowers[slot] = null
    this.numbers[slot] = null
    if (++this.dead > 1_000 && this.dead > this.slotOf.size) this.compact()
  }

  clear(): void {
    this.lowers = []
    this.ids = []
    this.numbers = []
    this.slotOf.clear()
    this.byNumber.clear()
    this.dead = 0
    this.revision++
    this.last = null
  }

  /** The ids whose ticket matches `query`, each once, in no particular order. */
  match(query: TicketQuery): string[] {
    const typed = query.typed
    const last = this.last?.revision === this.revision && typed.startsWith(this.last.typed) ? this.last : null
    const lowers = this.lowers
    const slots: number[] = []
    if (last) {
      for (const slot of last.slots) if (lowers[slot]!.startsWith(typed)) slots.push(slot)
    } else {
      for (let slot = 0; slot < lowers.length; slot++) if (lowers[slot]?.startsWith(typed)) slots.push(slot)
    }
    this.last = { typed, revision: this.revision, slots }
    const out = slots.map((slot) => this.ids[slot]!)
    // The same number written otherwise (leading zeros): not already there by its beginning.
    for (const id of this.byNumber.get(numberKey(query.prefix, query.year, query.sequence)) ?? []) {
      if (!lowers[this.slotOf.get(id)!]!.startsWith(typed)) out.push(id)
    }
    return out
  }

  private compact(): void {
    const lowers: string[] = []
    const ids: string[] = []
    const numbers: (string | null)[] = []
    for (const [id, slot] of this.slotOf) {
      this.slotOf.set(id, lowers.length)
      lowers.push(this.lowers[slot]!)
      ids.push(id)
      numbers.push(this.numbers[slot]!)
    }
    this.lowers = lowers
    this.ids = ids
    this.numbers = numbers
    this.dead = 0
    this.revision++
  }
}
