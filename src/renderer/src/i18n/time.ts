// Desk times in words, in a given interface language: SLA time left, "how long ago".
import { formatRelative, formatSpan } from './format'
import { i18n } from './instance'
import type { Language } from './languages'

/** Time left until an SLA deadline, or how far past it we are: "3h 20m left" / "3 घंटे 20 मिनट शेष". */
export function slaLeft(dueAt: string, now: number, language: Language): { text: string; breached: boolean } {
  const t = i18n.getFixedT(language)
  const left = Date.parse(dueAt) - now
  if (Number.isNaN(left)) return { text: t('common.dash'), breached: false }
  const span = formatSpan(left, language)
  return left < 0
    ? { text: t('time.slaOverdue', { span }), breached: true }
    : { text: t('time.slaLeft', { span }), breached: false }
}

/** How long ago something happened: "3 minutes ago" / "3 मिनट पहले"; null is "never". */
export function ago(at: string | null, now: number, language: Language): string {
  const t = i18n.getFixedT(language)
  if (!at) return t('common.never')
  const ms = now - Date.parse(at)
  if (Number.isNaN(ms)) return t('common.dash')
  if (ms < 45_000) return t('common.justNow')
  return formatRelative(-ms, language)
}
