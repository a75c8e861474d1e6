// The status bar tells the truth about the last sync, and the conflicts banner shrinks
// to a counter once the officer has seen it (issue 9 item 7).
import { describe, expect, it } from 'vitest'
import { i18n } from '../../src/renderer/src/i18n/instance'
import { conflictsView, lastSyncedWords } from '../../src/renderer/src/features/sync/sync-words'

const now = Date.parse('2026-03-01T12:00:00Z')
const en = i18n.getFixedT('en')
const hi = i18n.getFixedT('hi')
const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString()

describe('last synced', () => {
  it('never says "just now" while offline, however recent the last sync', () => {
    for (const status of ['offline', 'server-error', 'connecting'] as const) {
      const words = lastSyncedWords({ status, lastSyncedAt: at(10) }, now, en, 'en')
      expect(words, status).not.toMatch(/just now/)
      expect(words).toBe('last synced less than a minute ago')
    }
    expect(lastSyncedWords({ status: 'offline', lastSyncedAt: at(10) }, now, hi, 'hi')).not.toContain('अभी-अभी')
  })

  it('counts the real time since lastSyncedAt while offline, in the interface language', () => {
    expect(lastSyncedWords({ status: 'offline', lastSyncedAt: at(5 * 60) }, now, en, 'en')).toBe(
      'last synced 5 minutes ago',
    )
    expect(lastSyncedWords({ status: 'offline', lastSyncedAt: at(5 * 60) }, now, hi, 'hi')).toBe('अंतिम सिंक 5 मिनट पहले')
    expect(lastSyncedWords({ status: 'offline', lastSyncedAt: at(3 * 3600) }, now, en, 'en')).toBe(
      'last synced 3 hours ago',
    )
  })

  it('says "just now" only while online, and "not synced yet" without a sync', () => {
    expect(lastSyncedWords({ status: 'online', lastSyncedAt: at(10) }, now, en, 'en')).toBe('last synced just now')
    expect(lastSyncedWords({ status: 'offline', lastSyncedAt: null }, now, en, 'en')).toBe('not synced yet')
    expect(lastSyncedWords(null, now, en, 'en')).toBe('not synced yet')
  })
})

describe('the conflicts banner', () => {
  it('shows everything while a conflict is new, a counter once all are seen, and again for a new one', () => {
    expect(conflictsView([], new Set(), false)).toBe('none')
    expect(conflictsView(['a'], new Set(), false)).toBe('full')
    expect(conflictsView(['a'], new Set(['a']), false)).toBe('counter')
    expect(conflictsView(['a'], new Set(['a']), true)).toBe('full')
    expect(conflictsView(['a', 'b'], new Set(['a']), false)).toBe('full')
  })
})
