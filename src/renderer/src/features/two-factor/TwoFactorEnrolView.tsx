// Signed in with the password, but the user's role must use two-factor and they have
// none: this is the only screen until it is on (like a required password change).
import { useTranslation } from 'react-i18next'
import { useSessionStore } from '../../store/session-store'
import { EnrolPanel } from './EnrolPanel'

export function TwoFactorEnrolView() {
  const { t } = useTranslation()
  const logout = useSessionStore((s) => s.logout)
  return (
    <main className="login-screen">
      <section className="login-card" aria-labelledby="two-factor-enrol-title" data-testid="two-factor-required">
        <h1 id="two-factor-enrol-title">{t('twoFactor.enrol.requiredTitle')}</h1>
        <p className="muted">{t('twoFactor.enrol.requiredIntro')}</p>
        <EnrolPanel />
        <button type="button" className="link" data-testid="two-factor-sign-out" onClick={() => void logout()}>
          {t('twoFactor.enrol.signOut')}
        </button>
      </section>
    </main>
  )
}
