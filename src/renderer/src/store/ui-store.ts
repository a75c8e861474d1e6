// Queue filters and sort, composer drafts and overlays: state of the screen, not of the desk.
import { create } from 'zustand'
import { DEFAULT_SORT, EMPTY_FILTER, type QueueFilter, type QueueSort } from '../features/queue/filters'

interface UiStore {
  filter: QueueFilter
  sort: QueueSort
  helpOpen: boolean
  /** Unsent reply text per grievance, so switching tickets loses nothing. */
  drafts: Readonly<Record<string, string>>
  setFilter(patch: Partial<QueueFilter>): void
  resetFilter(): void
  setSort(sort: QueueSort): void
  setHelpOpen(open: boolean): void
  setDraft(grievanceId: string, text: string): void
  /** On sign-out: the next officer at this workstation starts clean. */
  reset(): void
}

export const useUiStore = create<UiStore>()((set, get) => ({
  filter: EMPTY_FILTER,
  sort: DEFAULT_SORT,
  helpOpen: false,
  drafts: {},
  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } })
  },
  resetFilter() {
    set({ filter: EMPTY_FILTER })
  },
  setSort(sort) {
    set({ sort })
  },
  setHelpOpen(helpOpen) {
    set({ helpOpen })
  },
  setDraft(grievanceId, text) {
    const drafts = { ...get().drafts }
    if (text) drafts[grievanceId] = text
    else delete drafts[grievanceId]
    set({ drafts })
  },
  reset() {
    set({ filter: EMPTY_FILTER, sort: DEFAULT_SORT, helpOpen: false, drafts: {} })
  },
}))
