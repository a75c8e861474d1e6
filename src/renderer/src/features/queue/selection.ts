// Bulk selection as pure functions: x toggles the cursor row, shift+x selects from the
// last toggled row (the anchor) to the cursor, in the order the queue shows.
export interface Selection {
  ids: ReadonlySet<string>
  /** The row last toggled; a range runs from here. */
  anchor: string | null
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null }

export function toggleSelected(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids)
  if (ids.has(id)) ids.delete(id)
  else ids.add(id)
  return { ids, anchor: id }
}

/** Adds every row between the anchor and `id` (inclusive); without a visible anchor, toggles `id`. */
export function selectRange(selection: Selection, visibleIds: readonly string[], id: string): Selection {
  const to = visibleIds.indexOf(id)
  const from = selection.anchor === null ? -1 : visibleIds.indexOf(selection.anchor)
  if (to === -1) return selection
  if (from === -1) return toggleSelected(selection, id)
  const ids = new Set(selection.ids)
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) ids.add(visibleIds[i])
  return { ids, anchor: id }
}

/** Drops rows no longer listed (another view, a filter, or gone from the desk). */
export function pruneSelection(selection: Selection, visibleIds: readonly string[]): Selection {
  if (selection.ids.size === 0) return selection
  const visible = new Set(visibleIds)
  let changed = false
  const ids = new Set<string>()
  for (const id of selection.ids) {
    if (visible.has(id)) ids.add(id)
    else changed = true
  }
  if (!changed) return selection
  return { ids, anchor: selection.anchor !== null && visible.has(selection.anchor) ? selection.anchor : null }
}

/** Selected ids in queue order, so a bulk action works down the list as the officer sees it. */
export function selectedInOrder(selection: Selection, visibleIds: readonly string[]): string[] {
  return visibleIds.filter((id) => selection.ids.has(id))
}
