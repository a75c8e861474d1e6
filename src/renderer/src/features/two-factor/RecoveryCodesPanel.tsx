// Recovery codes (two-factor on): how many are left, and a new set on request, shown
// once here. The old set ends when a new one is made.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemText } from '../../components/ProblemText'
import { problemFromError, type Problem } from '../../i18n/problem'
import { invokeDesk } from '../../lib/bridge'

export function RecoveryCodesPanel({ left }: { left: number }) {
  const { t } = useTranslation()
  const [codes, setCodes] = useState<string[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)

  async function make() {
    setBusy(true)
    setProblem(null)
    try {
      setCodes((await invokeDesk('two-factor.recovery-codes', {})).codes)
    } catch (error) {
      setProblem(problemFromError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="two-factor-recovery">
      <p data-testid="two-factor-recovery-left">
        {t('twoFactor.settings.recoveryLeft', { count: codes?.length ?? left })}
      </p>
      {codes && (
        <>
          <p className="muted">{t('twoFactor.settings.recoveryIntro')}</p>
          <ul className="two-factor-recovery-codes" aria-label={t('twoFactor.settings.recoveryListLabel')}>
            {codes.map((code) => (
              <li key={code} data-testid="two-factor-recovery-code" data-untrusted>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {problem && (
        <p className="error" role="alert">
          <ProblemText problem={problem} />
        </p>
      )}
      <button type="button" data-testid="two-factor-recovery-make" disabled={busy} onClick={() => void make()}>
        {busy ? t('twoFactor.settings.making') : t('twoFactor.settings.makeRecovery')}
      </button>
    </div>
  )
}
