import { useState, type FormEvent } from 'react'
import { useSessionStore } from '../../store/session-store'

export function LoginView() {
  const prefilledServer = useSessionStore((s) => s.session?.serverUrl ?? '')
  const loggingIn = useSessionStore((s) => s.loggingIn)
  const error = useSessionStore((s) => s.error)
  const login = useSessionStore((s) => s.login)
  const [serverUrl, setServerUrl] = useState(prefilledServer)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')

  function submit(event: FormEvent) {
    event.preventDefault()
    void login({ serverUrl, username, password }).then((ok) => {
      if (!ok) setPassword('')
    })
  }

  return (
    <div className="login-screen">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">Seva Desk</h1>
        <p className="muted">Sign in to the grievance desk · शिकायत डेस्क में साइन इन करें</p>
        <label>
          Server address <span className="muted">(optional)</span>
          <input
            data-testid="login-server"
            type="url"
            value={serverUrl}
            onChange={(e) => setServerUrl(e.target.value)}
            placeholder="http://server:8080"
            autoComplete="url"
            spellCheck={false}
          />
        </label>
        <label>
          Username
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
          Password
          <input
            data-testid="login-password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
        </label>
        {error && (
          <p className="error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button data-testid="login-submit" type="submit" className="primary" disabled={loggingIn}>
          {loggingIn ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  )
}
