// The renderer's i18n layer: one i18next instance with the bundled catalogues, the
// language choice, and formatting in Indian formats. Components use `useTranslation()`
// from react-i18next for text and `useFormat()` for numbers, dates and times.
export { i18n, currentLanguage } from './instance'
export { LANGUAGES, LOCALES, DESK_TIME_ZONE, isLanguage, workstationLanguage, type Language } from './languages'
export { formatDateTime, formatList, formatNumber, formatRelative, formatSpan, type DateTimeStyle } from './format'
export { ago, slaLeft } from './time'
export { useFormat } from './useFormat'
export { useLanguageSync } from './useLanguageSync'
export { applyLanguage, chooseLanguage, useLanguageStore } from './language-store'
export { problemFromError, problemText, problemTitle, type Problem } from './problem'
