// Enrolment: the server makes a secret (shown once, as a QR code and as a key to type),
// and the first right code from the app turns two-factor on. Used by the enrolment a
// role requires and by the user's own settings alike.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TwoFactorEnrolment } from '../../../../shared/two-factor'
import { ProblemText } from '../../components/ProblemText'
import type { Problem } from '../../i18n/problem'
import { invokeDesk } from '../../lib/bridge'
import { useSessionStore } from '../../store/session-store'
import { QrCode } from './QrCode'
import { codeProblem } from './code-problem'

export function EnrolPanel({ onEnabled }: { onEnabled?: () => void }) {
  const { t } = useTranslation()
  const setSession = useSessionStore((s) => s.setSession)
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)

  async function start() {
    setBusy(true)
    setProblem(null)
    try {
      setEnrolment(await invokeDesk('two-factor.enrol', {}))
    } catch (error) {
      setProblem(codeProblem(error, 'twoFactor.enrol.wrong'))
    } finally {
      setBusy(false)
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault()
    if (!code.trim()) return
    setBusy(true)
    setProblem(null)
    try {
      const session = await invokeDesk('two-factor.confirm', { code })
      onEnabled?.()
      setSession(session)
    } catch (error) {
      setCode('')
      setProblem(codeProblem(error, 'twoFactor.enrol.wrong'))
      setBusy(false)
    }
  }

  const error = problem && (
    <p className="error" role="alert" data-testid="two-factor-enrol-error">
      <ProblemText problem={problem} />
    </p>
  )
  if (!enrolment)
    return (
      <div className="two-factor-enrol">
        {error}
        <button
          type="button"
          className="primary"
          data-testid="two-factor-start"
          disabled={busy}
          onClick={() => void start()}
        >
          {busy ? t('twoFactor.enrol.starting') : t('twoFactor.enrol.start')}
        </button>
      </div>
    )
  return (
    <form className="two-factor-enrol" onSubmit={(e) => void confirm(e)} noValidate>
      <p>{t('twoFactor.enrol.scan')}</p>
      <QrCode text={enrolment.uri} label={t('twoFactor.enrol.qrLabel')} />
      <p>
        {t('twoFactor.enrol.secretLabel')}:{' '}
        <code className="two-factor-secret" data-testid="two-factor-secret" data-untrusted>
          {enrolment.secret}
        </code>
      </p>
      <p className="muted">{t('twoFactor.enrol.secretOnce')}</p>
      <label>
        {t('twoFactor.enrol.codeLabel')}
        <input
          data-testid="two-factor-enrol-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={16}
          spellCheck={false}
          required
        />
      </label>
      {error}
      <button type="submit" className="primary" data-testid="two-factor-confirm" disabled={busy || !code.trim()}>
        {busy ? t('twoFactor.enrol.confirming') : t('twoFactor.enrol.confirm')}
      </button>
    </form>
  )
}
