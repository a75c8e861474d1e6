// How far V8 lets the desk's heap grow past what is live before a full collection, set by
// each host at its start (the Electron main process and the browser desk host).
//
// Why (issue 13, peak RSS ≤ 400 MB at 100,000 cached grievances): a sync or a churn of
// changes pages allocates mostly short-lived data (each page parsed, stringified and
// written), but a page lives across its write and fsync, so much of it is promoted to the
// old generation and only a full collection frees it. V8 sets the next full collection at
// up to 4× the live heap on a machine with a large heap limit; with ~50 MB live that was a
// ~200 MB heap of garbage. A fixed factor of 1.5 keeps it near 1.5× live and costs more
// frequent (small: the live heap is small) full collections. Unlike a heap cap
// (--max-old-space-size), it limits nothing: a desk whose live heap grows still gets the
// memory, so it can never make the desk run out of heap where it would not have anyway.
// Measured in `npm run bench desk` (README, "The desk's grievance cache at 100,000").
//
// A command-line flag would not reach the Electron main process (app.commandLine's
// js-flags apply to renderers; the main process's V8 is already running), but this flag
// is read at every heap-limit computation, so setting it at run time takes effect at the
// next collection, in both hosts.
import { setFlagsFromString } from 'node:v8'

/** The old generation's next limit is live × (1 + this / 100) after each full collection. */
export const HEAP_GROWING_PERCENT = 50

export function moderateHeapGrowth(percent: number = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`)
}
