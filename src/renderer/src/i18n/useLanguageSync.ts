// Keeps the document's `lang` on the interface language (fonts, hyphenation, screen
// readers) and follows sign-in and sign-out with the officer's own choice.
import { useEffect, useRef } from 'react'
import { adoptSignedInLanguage, resetToWorkstationLanguage, useLanguageStore } from './language-store'

export function useLanguageSync(username: string | null): void {
  const language = useLanguageStore((s) => s.language)
  const previousUser = useRef<string | null>(null)

  useEffect(() => {
    document.documentElement.lang = language
  }, [language])

  useEffect(() => {
    const previous = previousUser.current
    previousUser.current = username
    if (username) {
      adoptSignedInLanguage().catch((error: unknown) => console.warn('[seva] settings.get failed', error))
    } else if (previous) {
      resetToWorkstationLanguage()
    }
  }, [username])
}
