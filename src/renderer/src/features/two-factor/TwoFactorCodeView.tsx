// The second step of signing in: the password was right, the authenticator's code
// finishes it. A wrong code may be typed again (the server locks out a flood of them);
// "back" drops the half-done sign-in.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemText } from '../../components/ProblemText'
import type { Problem } from '../../i18n/problem'
import { invokeDesk } from '../../lib/bridge'
import { useSessionStore } from '../../store/session-store'
import { codeProblem } from './code-problem'

export function TwoFactorCodeView() {
  const { t } = useTranslation()
  const setSession = useSessionStore((s) => s.setSession)
  const logout = useSessionStore((s) => s.logout)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!code.trim()) return
    setBusy(true)
    setProblem(null)
    try {
      setSession(await invokeDesk('session.two-factor-code', { code }))
    } catch (error) {
      setCode('')
      setBusy(false)
      const refused = codeProblem(error, 'twoFactor.code.wrong')
      // The challenge is gone: the desk is back at the password (its session event says so).
      if (refused.key === 'twoFactor.code.expired') useSessionStore.setState({ error: refused })
      else setProblem(refused)
    }
  }

  return (
    <main className="login-screen">
      <form className="login-card" onSubmit={(e) => void submit(e)} aria-labelledby="two-factor-code-title" noValidate>
        <h1 id="two-factor-code-title">{t('twoFactor.code.title')}</h1>
        <p className="muted">{t('twoFactor.code.intro')}</p>
        <label>
          {t('twoFactor.code.label')}
          <input
            data-testid="two-factor-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-describedby="two-factor-recovery-hint"
            autoComplete="one-time-code"
            maxLength={16}
            autoFocus
            spellCheck={false}
            required
          />
        </label>
        <p className="muted" id="two-factor-recovery-hint">
          {t('twoFactor.code.recoveryHint')}
        </p>
        {problem && (
          <p className="error" role="alert" data-testid="two-factor-code-error">
            <ProblemText problem={problem} />
          </p>
        )}
        <button type="submit" className="primary" data-testid="two-factor-code-submit" disabled={busy || !code.trim()}>
          {busy ? t('twoFactor.code.checking') : t('twoFactor.code.submit')}
        </button>
        <button type="button" className="link" data-testid="two-factor-code-back" onClick={() => void logout()}>
          {t('twoFactor.code.back')}
        </button>
      </form>
    </main>
  )
}
