// A grievance's (or ignored tweet's) triage reasons in the interface language.
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { UntrustedText } from '../../components/UntrustedText'
import { translateReason } from './triage-reasons'

export function TriageReasons({ reasons }: { reasons: readonly string[] }) {
  const { t } = useTranslation()
  return (
    <>
      {reasons.map((reason, i) => {
        const known = translateReason(reason)
        return (
          <Fragment key={i}>
            {i > 0 && '; '}
            {known ? (
              <span data-reason={reason}>{t(known.key, known.values ?? {})}</span>
            ) : (
              <UntrustedText text={reason} />
            )}
          </Fragment>
        )
      })}
    </>
  )
}
