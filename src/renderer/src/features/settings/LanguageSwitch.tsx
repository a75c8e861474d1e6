// The interface language switch: a native select (keyboard and screen readers know it),
// each language named in itself.
import { useTranslation } from 'react-i18next'
import { LANGUAGES, chooseLanguage, isLanguage, problemText, problemTitle, useLanguageStore } from '../../i18n'
import { useSessionStore, workingUser } from '../../store/session-store'

export function LanguageSwitch() {
  const { t } = useTranslation()
  const language = useLanguageStore((s) => s.language)
  const saveError = useLanguageStore((s) => s.saveError)
  // Not yet signed in while a required password change or enrolment is pending: the choice stays on this workstation.
  const signedIn = useSessionStore((s) => Boolean(workingUser(s.session)))
  return (
    <label className="muted">
      {t('settings.language.label')}{' '}
      <select
        data-testid="language-switch"
        value={language}
        onChange={(event) => {
          const next = event.target.value
          if (isLanguage(next)) void chooseLanguage(next, signedIn)
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`settings.language.name.${code}`)}
          </option>
        ))}
      </select>
      {saveError && (
        <span className="error-text" role="alert" title={problemTitle(saveError, t)}>
          {' '}
          {t('settings.language.saveFailed', { reason: problemText(saveError, t) })}
        </span>
      )}
    </label>
  )
}
