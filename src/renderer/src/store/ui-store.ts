// Queue filters and sort, composer drafts and overlays: state of the screen, not of the desk.
import { create } from 'zustand'
import { DEFAULT_SORT, EMPTY_FILTER, type QueueFilter, type QueueSort } from '../features/queue/filters'
import { EMPTY_SELECTION, type Selection } from '../features/queue/selection'
import type { TableSort } from '../features/queue/table-sort'
import type { QueueViewId } from '../features/queue/views'
import { loadQueueLayout, saveQueueLayout, type QueueLayout } from './queue-layout'

/** The screens of the desk: officers have only the desk; the rest follow the role (features/navigation). */
export type Screen = 'desk' | 'monitor' | 'reports' | 'admin'

interface UiStore {
  screen: Screen
  setScreen(screen: Screen): void
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
  /** The saved view chosen; null = the default for the signed-in role (views.ts). */
  view: QueueViewId | null
  /** Cards or table, and the table's sort: kept on this workstation across restarts. */
  layout: QueueLayout
  selection: Selection
  setView(view: QueueViewId): void
  setTableMode(on: boolean): void
  setTableSort(sort: TableSort): void
  setSelection(selection: Selection): void
}

export const useUiStore = create<UiStore>()((set, get) => ({
  screen: 'desk',
  setScreen(screen) {
    set({ screen })
  },
  filter: EMPTY_FILTER,
  sort: DEFAULT_SORT,
  helpOpen: false,
  drafts: {},
  view: null,
  layout: loadQueueLayout(),
  selection: EMPTY_SELECTION,
  setView(view) {
    set({ view, selection: EMPTY_SELECTION })
  },
  setTableMode(table) {
    set({ layout: saveQueueLayout({ ...get().layout, table }) })
  },
  setTableSort(tableSort) {
    set({ layout: saveQueueLayout({ ...get().layout, tableSort }) })
  },
  setSelection(selection) {
    set({ selection })
  },
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
    set({
      screen: 'desk',
      filter: EMPTY_FILTER,
      sort: DEFAULT_SORT,
      helpOpen: false,
      drafts: {},
      view: null,
      selection: EMPTY_SELECTION,
    })
  },
}))
