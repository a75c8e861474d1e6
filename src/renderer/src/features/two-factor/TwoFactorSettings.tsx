// The user's own two-factor setting (from the top bar): whether it is on, and enrolment
// when it is off. Turning it off again is an administrator's reset (a lost phone). A modal
// dialog over a backdrop; for the keyboard, focus stays inside, Escape closes, focus returns
// to the opener.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TwoFactorStatus } from '../../../../shared/two-factor'
import { ProblemText } from '../../components/ProblemText'
import { problemFromError, type Problem } from '../../i18n/problem'
import { invokeDesk } from '../../lib/bridge'
import { useDialogFocus } from '../../lib/dialog-focus'
import { EnrolPanel } from './EnrolPanel'
import { RecoveryCodesPanel } from './RecoveryCodesPanel'

export function TwoFactorSettings({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<TwoFactorStatus | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [justEnabled, setJustEnabled] = useState(false)
  const dialog = useDialogFocus<HTMLDivElement>(onClose)

  useEffect(() => {
    invokeDesk('two-factor.status', {}).then(setStatus, (error: unknown) => setProblem(problemFromError(error)))
  }, [])

  return (
    // The modal backdrop the other dialogs have (.overlay): the desk behind it is dimmed and
    // out of reach. A click on it does not close the dialog, so an enrolment half done (key
    // scanned, code not yet typed) is not lost to a stray click; Escape and Close do.
    <div className="overlay two-factor-backdrop" data-testid="two-factor-backdrop">
      <div
        className="two-factor-settings"
        role="dialog"
        aria-modal="true"
        aria-labelledby="two-factor-settings-title"
        data-testid="two-factor-settings"
        ref={dialog.ref}
        tabIndex={-1}
        onKeyDown={dialog.onKeyDown}
      >
        <h2 id="two-factor-settings-title">{t('twoFactor.settings.title')}</h2>
        {problem && (
          <p className="error" role="alert">
            <ProblemText problem={problem} />
          </p>
        )}
        {!status && !problem && <p className="muted">{t('twoFactor.settings.loading')}</p>}
        {status && (
          <>
            <p data-testid="two-factor-settings-state" role={justEnabled ? 'status' : undefined}>
              {justEnabled
                ? t('twoFactor.enrol.done')
                : status.enabled
                  ? t('twoFactor.settings.on')
                  : t('twoFactor.settings.off')}{' '}
              {status.required && t('twoFactor.settings.required')}
            </p>
            {status.enabled && <p className="muted">{t('twoFactor.settings.lostPhone')}</p>}
            {status.enabled && <RecoveryCodesPanel left={status.recoveryCodesLeft ?? 0} />}
            {!status.enabled && (
              <EnrolPanel
                onEnabled={() => {
                  setJustEnabled(true)
                  setStatus({ ...status, enabled: true })
                }}
              />
            )}
          </>
        )}
        <button type="button" data-testid="two-factor-settings-close" onClick={onClose}>
          {t('twoFactor.settings.close')}
        </button>
      </div>
    </div>
  )
}
