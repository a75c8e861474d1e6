// The catalogues and the renderer's visible text: every key in both languages (plural
// forms included) with the same placeholders and markup, nothing empty; no visible
// string anywhere in the renderer that bypasses the i18n layer (no allow-list); every
// key the renderer names exists; and every status, priority, sort option, shortcut, PII
// kind and audit action has its words in both languages.
import { describe, expect, it } from 'vitest'
import { GRIEVANCE_STATUSES, PRIORITIES } from '../../src/shared/grievance'
import { SyncStatus } from '../../src/shared/desk-api'
import { AUDIT_ACTIONS } from '../../src/shared/audit'
import { auditActionKey } from '../../src/renderer/src/features/admin/audit/action-label'
import { en } from '../../src/renderer/src/i18n/catalogues/en'
import { hi } from '../../src/renderer/src/i18n/catalogues/hi'
import { PII_KIND_KEYS } from '../../src/renderer/src/features/composer/words'
import { SHORTCUTS } from '../../src/renderer/src/features/help/shortcuts'
import { SORT_OPTIONS } from '../../src/renderer/src/features/queue/filters'
import { PRIORITY_LABEL_KEYS, STATUS_LABEL_KEYS } from '../../src/renderer/src/features/queue/labels'
import { keysUsed, scanRenderer, scanSource } from './i18n-scan'

type Tree = { [key: string]: string | Tree }
const catalogues = { en: en as Tree, hi: hi as Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]).sort()
const tags = (text: string) => [...text.matchAll(/<\/?([a-zA-Z0-9]+)\s*\/?>/g)].map((m) => m[0]).sort()

const flat = { en: flatten(catalogues.en), hi: flatten(catalogues.hi) }
const baseKey = (key: string) => key.replace(PLURAL_SUFFIX, '')

describe('catalogues', () => {
  it('hold the same keys in English and Hindi', () => {
    const missingInHi = [...flat.en.keys()].filter((k) => !flat.hi.has(k))
    const missingInEn = [...flat.hi.keys()].filter((k) => !flat.en.has(k))
    expect({ missingInHi, missingInEn }).toEqual({ missingInHi: [], missingInEn: [] })
  })

  it('have no empty or untrimmed values', () => {
    for (const [lang, entries] of Object.entries(flat)) {
      const bad = [...entries].filter(([, v]) => v.trim() === '' || v !== v.trim()).map(([k]) => `${lang}:${k}`)
      expect(bad).toEqual([])
    }
  })

  it('use the same placeholders and markup in both languages', () => {
    const differing = [...flat.en]
      .filter(([key]) => flat.hi.has(key))
      .filter(([key, text]) => {
        const other = flat.hi.get(key)!
        return (
          JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(other)) ||
          JSON.stringify(tags(text)) !== JSON.stringify(tags(other))
        )
      })
      .map(([key]) => key)
    expect(differing).toEqual([])
  })

  it('give every plural key each form its language needs, and {{count}} in each', () => {
    for (const lang of ['en', 'hi'] as const) {
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories
      const plurals = new Set([...flat[lang].keys()].filter((k) => PLURAL_SUFFIX.test(k)).map(baseKey))
      expect(plurals.size).toBeGreaterThan(0)
      for (const base of plurals) {
        for (const category of needed) {
          const text = flat[lang].get(`${base}_${category}`)
          expect(text, `${lang}: ${base}_${category}`).toBeDefined()
          expect(placeholders(text!), `${lang}: ${base}_${category}`).toContain('count')
        }
      }
    }
  })
})

describe('the visible-string scan', () => {
  const find = (code: string) => scanSource('x.tsx', code).map((f) => f.text)

  it('reports JSX text and visible props, and not what goes through t()', () => {
    const code = `
      export function X({ n, busy }: { n: number; busy: boolean }) {
        return (
          <section aria-label="Grievance queue" className="queue" data-testid="queue">
            <h2 title={t('queue.title')}>Grievances</h2>
            <input placeholder={busy ? 'Signing in…' : t('session.signIn')} />
            <button aria-label={\`Open \${n}\`}>{busy ? t('common.wait') : 'Sign in'}</button>
            {n === 0 && 'No grievances yet.'}
            <select value={n > 1 ? 'sla' : 'new'}><option label="Newest" /></select>
            <img alt="Seal" />
            {t('queue.count', { count: n, context: 'shown' })} · ({n})
          </section>
        )
      }`
    expect(find(code)).toEqual([
      'Grievance queue',
      'Grievances',
      'Signing in…',
      'Open',
      'Sign in',
      'No grievances yet.',
      'Newest',
      'Seal',
    ])
  })

  it('reports prose in string tables, store messages and return values of .ts files, not keys or developer text', () => {
    const code = `
      const TEXT = { reasonMissing: 'Give a reason: a rejection without one cannot be reviewed.', key: 'queue.sort.sla' }
      export const STATUS_LABELS = { new: 'New', in_progress: 'In progress', closed: 'Closed' }
      const SORTS = { sla: { label: 'SLA due (soonest first)' } }
      export function validate(name: string) {
        if (name === 'not shown here') return 'Enter your username.'
        if (!name) throw new Error('the desk is not connected (window.seva is missing)')
        console.warn('[seva] settings.get failed', name)
        return t('session.username')
      }
      const cls = \`queue-row \${'x'}\`
      const keys = ['INPUT', 'TEXTAREA', 'Enter']
    `
    const found = (file: string) => scanSource(file, code).map((f) => f.text)
    expect(found('src/renderer/src/features/x/labels.ts')).toEqual([
      'Give a reason: a rejection without one cannot be reviewed.',
      'New',
      'In progress',
      'Closed',
      'SLA due (soonest first)',
      'Enter your username.',
      'Enter',
    ])
    // Outside features/ and components/ a lone capitalised word is not taken for a label.
    expect(found('src/renderer/src/store/x.ts')).toEqual([
      'Give a reason: a rejection without one cannot be reviewed.',
      'In progress',
      'SLA due (soonest first)',
      'Enter your username.',
    ])
  })

  it('finds no visible literal anywhere in the renderer: every string goes through t()', () => {
    // A finding here: put the text in both catalogues and render it with t() (or <Trans>).
    expect(scanRenderer().map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([])
  })

  it('finds every catalogue key the renderer names', () => {
    const used = keysUsed()
    expect(used.length).toBeGreaterThan(100)
    const missing = used.filter(({ key }) => !flat.en.has(key) && !flat.en.has(`${key}_one`))
    expect(missing).toEqual([])
  })
})

describe('words for every value the desk shows', () => {
  const inBoth = (key: string) =>
    (['en', 'hi'] as const).every((lang) => flat[lang].has(key) || flat[lang].has(`${key}_one`))
  const withoutWords = (keys: string[]) => keys.filter((key) => !inBoth(key))

  it('has each grievance status and priority in both languages', () => {
    expect(Object.keys(STATUS_LABEL_KEYS).sort()).toEqual([...GRIEVANCE_STATUSES].sort())
    expect(Object.keys(PRIORITY_LABEL_KEYS).sort()).toEqual([...PRIORITIES].sort())
    expect(withoutWords([...Object.values(STATUS_LABEL_KEYS), ...Object.values(PRIORITY_LABEL_KEYS)])).toEqual([])
  })

  it('has each sort option, shortcut and PII kind in both languages', () => {
    expect(withoutWords(Object.values(SORT_OPTIONS).map((o) => o.labelKey))).toEqual([])
    const shortcutKeys = SHORTCUTS.flatMap((s) => [s.whatKey, ...(typeof s.keys === 'string' ? [] : [s.keys.capKey])])
    expect(shortcutKeys.length).toBeGreaterThanOrEqual(SHORTCUTS.length)
    expect(withoutWords(shortcutKeys)).toEqual([])
    expect(withoutWords(Object.values(PII_KIND_KEYS))).toEqual([])
  })

  it('has each audit action an admin filters on in both languages', () => {
    expect(withoutWords(AUDIT_ACTIONS.map(auditActionKey))).toEqual([])
  })

  it('has a plain sentence for every sync state, and a Hindi one that differs from the English', () => {
    const keys = SyncStatus.options.map((status) => `sync.status.${status}`)
    expect(withoutWords(keys)).toEqual([])
    for (const key of keys) expect(flat.hi.get(key), key).not.toBe(flat.en.get(key))
  })
})
