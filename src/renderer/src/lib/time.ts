// Human time for a desk: "3h 20m left", "overdue 2d", "5 min ago".

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

function span(ms: number): string {
  const abs = Math.abs(ms)
  if (abs < HOUR) return `${Math.max(1, Math.round(abs / MINUTE))}m`
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR)
    const m = Math.floor((abs % HOUR) / MINUTE)
    return m ? `${h}h ${m}m` : `${h}h`
  }
  const d = Math.floor(abs / DAY)
  const h = Math.floor((abs % DAY) / HOUR)
  return h ? `${d}d ${h}h` : `${d}d`
}

/** Time left until an SLA deadline, or how far past it we are. */
export function slaLeft(dueAt: string, now: number): { text: string; breached: boolean } {
  const left = Date.parse(dueAt) - now
  if (Number.isNaN(left)) return { text: '—', breached: false }
  return left < 0 ? { text: `overdue ${span(left)}`, breached: true } : { text: `${span(left)} left`, breached: false }
}

export function ago(at: string | null, now: number): string {
  if (!at) return 'never'
  const ms = now - Date.parse(at)
  if (Number.isNaN(ms)) return '—'
  if (ms < 45_000) return 'just now'
  return `${span(ms)} ago`
}

const dateTime = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short' })

export function formatDateTime(at: string): string {
  const t = Date.parse(at)
  return Number.isNaN(t) ? at : dateTime.format(t)
}
