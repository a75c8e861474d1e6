// Right after signing in with a password an administrator chose: nothing else opens until
// the user has picked their own. The policy's reasons show live under the new password.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemText } from '../../components/ProblemText'
import { useSessionStore } from '../../store/session-store'
import { PasswordPolicyHints } from './PasswordPolicyHints'
import { passwordHints } from './password-hints'

export function ChangePasswordView() {
  const { t } = useTranslation()
  const user = useSessionStore((s) => s.session?.user)
  const changing = useSessionStore((s) => s.changingPassword)
  const error = useSessionStore((s) => s.changeError)
  const changePassword = useSessionStore((s) => s.changePassword)
  const logout = useSessionStore((s) => s.logout)
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const username = user?.username ?? ''
  const acceptable = current !== '' && passwordHints(next, username, confirmation).ok && confirmation === next

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!acceptable) return
    void changePassword(current, next).then((ok) => {
      if (!ok) setCurrent('')
    })
  }

  return (
    <main className="login-screen">
      <form className="login-card" onSubmit={submit} aria-labelledby="change-password-title" noValidate>
        <h1 id="change-password-title">{t('admin.users.changePassword.title')}</h1>
        <p className="muted">{t('admin.users.changePassword.intro')}</p>
        {/* A hidden username lets password managers file the new password under the right account. */}
        <input type="text" autoComplete="username" value={username} readOnly hidden />
        <label>
          {t('admin.users.changePassword.current')}
          <input
            data-testid="change-password-current"
            type="password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            autoComplete="current-password"
            autoFocus
            required
          />
        </label>
        <label>
          {t('admin.users.changePassword.new')}
          <input
            data-testid="change-password-new"
            type="password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            autoComplete="new-password"
            aria-describedby="change-password-policy"
            required
          />
        </label>
        <label>
          {t('admin.users.changePassword.confirm')}
          <input
            data-testid="change-password-confirm"
            type="password"
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
            autoComplete="new-password"
            aria-describedby="change-password-policy"
            required
          />
        </label>
        <PasswordPolicyHints
          id="change-password-policy"
          password={next}
          username={username}
          confirmation={confirmation}
        />
        {error && (
          <p className="error" role="alert" data-testid="change-password-error">
            <ProblemText problem={error} />
          </p>
        )}
        <button
          data-testid="change-password-submit"
          type="submit"
          className="primary"
          disabled={changing || !acceptable}
        >
          {changing ? t('admin.users.changePassword.saving') : t('admin.users.changePassword.submit')}
        </button>
        <button type="button" className="link" data-testid="change-password-sign-out" onClick={() => void logout()}>
          {t('admin.users.changePassword.signOut')}
        </button>
      </form>
    </main>
  )
}
