// The catalogues and the renderer's visible text: every key in both languages (plural
// forms included) with the same placeholders and markup, nothing empty; and no visible
// string in a component that bypasses the i18n layer, apart from the phase-1 allow-list
// of components not yet converted (tests/renderer/i18n-untranslated.txt).
import { describe, expect, it } from 'vitest'
import { en } from '../../src/renderer/src/i18n/catalogues/en'
import { hi } from '../../src/renderer/src/i18n/catalogues/hi'
import { allowListLine, readAllowList, scanRenderer, scanSource } from './i18n-scan'

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

  it('finds the renderer exactly as the allow-list records it: a new untranslated string fails here', () => {
    const found = scanRenderer().map(allowListLine)
    const allowed = readAllowList()
    const remaining = [...allowed]
    const unlisted: string[] = []
    for (const line of found) {
      const at = remaining.indexOf(line)
      if (at === -1) unlisted.push(line)
      else remaining.splice(at, 1)
    }
    // Unlisted: put the text in both catalogues and render it with t().
    // Stale: the string was converted (or removed); delete its allow-list line.
    expect({ unlisted, stale: remaining }).toEqual({ unlisted: [], stale: [] })
  })

  it('finds nothing untranslated in the i18n layer and the language switch', () => {
    const found = scanRenderer().filter((f) => /\/(i18n|features\/settings)\//.test(f.file))
    expect(found).toEqual([])
  })
})
