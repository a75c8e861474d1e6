// "Will take longer": the officer says the grievance cannot be resolved within its target,
// with the reason and an expected date; the server makes the interim reply due (CPGRAMS).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isOpen, type Grievance } from '../../../../shared/grievance'
import { LIMITS } from '../../../../shared/limits'
import { ProblemText } from '../../components/ProblemText'
import { useFormat } from '../../i18n'
import { useSubmitAction } from '../grievance/useSubmitAction'

export function TakeLonger({ grievance: g }: { grievance: Grievance }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { submit, busy, error } = useSubmitAction(g.id)
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [expectedBy, setExpectedBy] = useState('')
  if (!isOpen(g.status)) return null
  if (g.sla?.extendedAt && g.sla.expectedBy)
    return (
      <p className="muted" data-testid="sla-take-longer-marked">
        {t('sla.takeLonger.marked', { at: format.dateTime(g.sla.extendedAt), date: g.sla.expectedBy })}
      </p>
    )
  if (!open)
    return (
      <button className="link" data-testid="sla-take-longer" onClick={() => setOpen(true)}>
        {t('sla.takeLonger.open')}
      </button>
    )
  return (
    <form
      className="sla-take-longer"
      onSubmit={(e) => {
        e.preventDefault()
        void submit({ type: 'take-longer', reason: reason.trim(), expectedBy }).then((ok) => ok && setOpen(false))
      }}
    >
      <fieldset>
        <legend>{t('sla.takeLonger.legend')}</legend>
        <label>
          {t('sla.takeLonger.reason')}
          <textarea
            required
            maxLength={LIMITS.reasonChars}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <label>
          {t('sla.takeLonger.expectedBy')}
          <input type="date" required value={expectedBy} onChange={(e) => setExpectedBy(e.target.value)} />
        </label>
        <button type="submit" disabled={busy || reason.trim() === '' || expectedBy === ''}>
          {t('sla.takeLonger.submit')}
        </button>{' '}
        <button type="button" className="link" onClick={() => setOpen(false)}>
          {t('sla.takeLonger.cancel')}
        </button>
        {error && <ProblemText problem={error} />}
      </fieldset>
    </form>
  )
}
