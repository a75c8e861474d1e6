// The status bar's words, as pure functions: what "last synced" may truthfully say.
import type { TFunction } from 'i18next'
import type { SyncState } from '../../../../shared/desk-api'
import { formatRelative } from '../../i18n/format'
import type { Language } from '../../i18n/languages'

const MINUTE = 60_000

/**
 * "last synced 5 minutes ago" from the desk's real lastSyncedAt. While the desk is not
 * talking to the server the words never say "just now": a minute-old sync reads "less
 * than a minute ago", and the time keeps growing as the clock ticks.
 */
export function lastSyncedWords(
  state: Pick<SyncState, 'status' | 'lastSyncedAt'> | null,
  now: number,
  t: TFunction,
  language: Language,
): string {
  const at = state?.lastSyncedAt ? Date.parse(state.lastSyncedAt) : Number.NaN
  if (Number.isNaN(at)) return t('sync.neverSynced')
  const ms = Math.max(0, now - at)
  if (state?.status === 'online' && ms < 45_000) return t('sync.lastSynced', { when: t('common.justNow') })
  if (ms < MINUTE) return t('sync.lastSyncedUnderMinute')
  return t('sync.lastSynced', { when: formatRelative(-ms, language) })
}

/**
 * How the conflicts banner shows: the full list while any conflict is new to the officer
 * (or they asked to see it), a one-line counter once all are seen, nothing without any.
 */
export function conflictsView(
  actionIds: readonly string[],
  seen: ReadonlySet<string>,
  expanded: boolean,
): 'none' | 'counter' | 'full' {
  if (actionIds.length === 0) return 'none'
  if (expanded || actionIds.some((id) => !seen.has(id))) return 'full'
  return 'counter'
}
