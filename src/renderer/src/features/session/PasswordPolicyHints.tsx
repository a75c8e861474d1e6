// What the password still lacks, said as the user types (a polite live region), in the
// words of the policy the server will apply.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { passwordHints } from './password-hints'

export function PasswordPolicyHints(props: { id: string; password: string; username: string; confirmation?: string }) {
  const { t } = useTranslation()
  const { password, username, confirmation } = props
  const verdict = useMemo(() => passwordHints(password, username, confirmation), [password, username, confirmation])
  return (
    <div id={props.id} className="password-policy" data-testid="password-policy" aria-live="polite">
      {verdict.ok ? (
        <p className="password-policy-met" data-testid="password-policy-met">
          {t('admin.users.policy.met')}
        </p>
      ) : (
        <ul aria-label={t('admin.users.policy.title')}>
          {verdict.hints.map((hint) => (
            <li key={hint.key} data-testid="password-policy-problem">
              {t(hint.key, hint.values ?? {})}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
