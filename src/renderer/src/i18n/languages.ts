// The interface languages and how they map onto Intl locales. Interface language is the
// officer's choice for the desk's own text; a tweet's language is a different thing.
import type { InterfaceLanguage } from '../../../shared/desk-api'

export type Language = InterfaceLanguage
export const LANGUAGES: readonly Language[] = ['en', 'hi']
export const DEFAULT_LANGUAGE: Language = 'en'

/** Indian conventions for both: lakh/crore grouping, day-month-year dates. */
export const LOCALES: Record<Language, string> = { en: 'en-IN', hi: 'hi-IN' }

/**
 * Ministries work on Indian Standard Time whatever the workstation's clock says, so
 * every time an officer reads is in IST (and never as raw UTC ISO text).
 */
export const DESK_TIME_ZONE = 'Asia/Kolkata'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/**
 * The workstation's language: the first of its preferred languages that the desk offers
 * (`hi`, `hi-IN` → hi; `en-GB` → en), English when none is offered.
 */
export function workstationLanguage(preferred: readonly string[] | undefined = browserLanguages()): Language {
  for (const tag of preferred ?? []) {
    const base = tag.toLowerCase().split(/[-_]/)[0]
    if (isLanguage(base)) return base
  }
  return DEFAULT_LANGUAGE
}

function browserLanguages(): readonly string[] | undefined {
  const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } }).navigator
  if (!nav) return undefined
  if (nav.languages?.length) return nav.languages
  return nav.language ? [nav.language] : undefined
}
