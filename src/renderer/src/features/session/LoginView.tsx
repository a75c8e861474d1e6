import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemText } from '../../components/ProblemText'
import { useSessionStore } from '../../store/session-store'

/**
 * Username and password first. The server address is something an administrator sets
 * once (src/main/server-address.ts pre-seeds it, or the last sign-in left it): when the
 * desk already knows it, the field waits under "Advanced"; only when it does not is it
 * asked for up front.
 */
export function LoginView() {
  const { t } = useTranslation()
  const knownServer = useSessionStore((s) => s.session?.serverUrl ?? '')
  const loggingIn = useSessionStore((s) => s.loggingIn)
  const error = useSessionStore((s) => s.error)
  const login = useSessionStore((s) => s.login)
  const [serverUrl, setServerUrl] = useState(knownServer)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')

  function submit(event: FormEvent) {
    event.preventDefault()
    void login({ serverUrl, username, password }).then((ok) => {
      if (!ok) setPassword('')
    })
  }

  const serverField = (
    <label>
      {t('session.serverAddress')} {knownServer && <span className="muted">{t('common.optional')}</span>}
      <input
        data-testid="login-server"
        type="url"
        value={serverUrl}
        onChange={(e) => setServerUrl(e.target.value)}
        placeholder={knownServer || t('session.serverPlaceholder')}
        autoComplete="url"
        spellCheck={false}
        required={!knownServer}
      />
    </label>
  )

  return (
    <main className="login-screen">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">{t('session.title')}</h1>
        <p className="muted">{t('session.subtitle')}</p>
        {!knownServer && serverField}
        <label>
          {t('session.username')}
          <input
            data-testid="login-username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            autoFocus
            spellCheck={false}
            required
          />
        </label>
        <label>
          {t('session.password')}
          <input
            data-testid="login-password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
        </label>
        {knownServer && (
          <details className="login-advanced" data-testid="login-advanced">
            <summary>{t('session.advanced')}</summary>
            {serverField}
          </details>
        )}
        {error && (
          <p className="error" role="alert" data-testid="login-error">
            <ProblemText problem={error} />
          </p>
        )}
        <button data-testid="login-submit" type="submit" className="primary" disabled={loggingIn}>
          {loggingIn ? t('session.signingIn') : t('session.signIn')}
        </button>
      </form>
    </main>
  )
}
