// Script detection just good enough to set `lang` (font shaping, screen readers) and
// to tag a reply as Hindi or English.
const DEVANAGARI = /[\u0900-\u097F]/

export function replyLanguage(text: string): 'en' | 'hi' {
  return DEVANAGARI.test(text) ? 'hi' : 'en'
}

/** A `lang` attribute for free text whose language we were not told. */
export function textLang(text: string): string | undefined {
  return DEVANAGARI.test(text) ? 'hi' : undefined
}
