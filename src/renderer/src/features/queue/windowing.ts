// Which queue rows to put in the DOM. Small queues render whole (simple, and every row
// is findable); past VIRTUALISE_ABOVE rows only the visible slice plus some overscan is
// rendered, so a desk with thousands of tickets still scrolls and filters smoothly.

export const VIRTUALISE_ABOVE = 300
export const OVERSCAN_ROWS = 12

export interface RowWindow {
  start: number
  /** Exclusive. */
  end: number
  padTop: number
  padBottom: number
}

export function rowWindow(count: number, rowHeight: number, scrollTop: number, viewportHeight: number): RowWindow {
  if (count <= VIRTUALISE_ABOVE) return { start: 0, end: count, padTop: 0, padBottom: 0 }
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight)
  const start = Math.max(0, Math.min(count - 1, first - OVERSCAN_ROWS))
  const end = Math.min(count, first + visible + OVERSCAN_ROWS)
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight }
}

/** The scrollTop that brings row `index` fully into view, or null when it already is. */
export function scrollToRow(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number | null {
  const top = index * rowHeight
  const bottom = top + rowHeight
  if (top < scrollTop) return top
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight
  return null
}
