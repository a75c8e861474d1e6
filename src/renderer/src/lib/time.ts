// Human time for a desk: "3h 20m left", "overdue 2d", "5 minutes ago" — in the current
// interface language. Kept for components not yet converted to useFormat()
// (src/renderer/src/i18n), which re-renders when the language changes; these read the
// language at call time.
import { currentLanguage } from '../i18n/instance'
import { formatDateTime as formatInLanguage } from '../i18n/format'
import { ago as agoIn, slaLeft as slaLeftIn } from '../i18n/time'

/** Time left until an SLA deadline, or how far past it we are. */
export function slaLeft(dueAt: string, now: number): { text: string; breached: boolean } {
  return slaLeftIn(dueAt, now, currentLanguage())
}

export function ago(at: string | null, now: number): string {
  return agoIn(at, now, currentLanguage())
}

/** Date and time in the desk's time zone (IST). */
export function formatDateTime(at: string): string {
  return formatInLanguage(at, currentLanguage())
}
