// The one i18next instance of the renderer. Catalogues are bundled (no backend, no
// network); the start language is the workstation's until the signed-in officer's own
// choice arrives from the desk (see language-store.ts).
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './catalogues/en'
import { hi } from './catalogues/hi'
import { formatDateTime, formatNumber } from './format'
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, workstationLanguage, type Language } from './languages'

export const resources = { en: { translation: en }, hi: { translation: hi } } as const

export const i18n = i18next.createInstance()

void i18n.use(initReactI18next).init({
  resources,
  lng: workstationLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // Synchronous: resources are in memory, so the first render is already translated.
  initAsync: false,
  // React escapes what it renders; escaping here too would show "&amp;" to the officer.
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
})

// "{{count, number}}" and "{{at, datetime}}" in a catalogue use the Indian formats
// (en-IN / hi-IN, lakh grouping, IST) rather than i18next's bare "en" / "hi".
i18n.services.formatter?.add('number', (value: unknown, lng: string | undefined) =>
  typeof value === 'number' ? formatNumber(value, languageOf(lng)) : String(value),
)
i18n.services.formatter?.add('datetime', (value: unknown, lng: string | undefined) =>
  typeof value === 'string' || typeof value === 'number' || value instanceof Date
    ? formatDateTime(value, languageOf(lng))
    : String(value),
)

function languageOf(lng: string | undefined): Language {
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE
}

/** The language the interface is in right now. */
export function currentLanguage(): Language {
  return languageOf(i18n.resolvedLanguage ?? i18n.language)
}
