// On a review-band grievance: nothing has gone to X yet; make it a ticket (t) or
// dismiss it as not a grievance (d), the same actions as the keys.
import { useTranslation } from 'react-i18next'
import { ProblemText } from '../../components/ProblemText'
import { inReview, type Grievance } from '../../../../shared/grievance'
import { useSubmitAction } from '../grievance/useSubmitAction'
import { DISMISS_KEY, MAKE_TICKET_KEY, reviewAction } from './review-keys'

export function ReviewBanner({ grievance }: { grievance: Grievance }) {
  const { t } = useTranslation()
  const { submit, busy, error } = useSubmitAction(grievance.id)
  if (!inReview(grievance) || grievance.status !== 'new') return null
  const act = (key: string) => {
    const body = reviewAction(key, grievance, t('review.dismissReason'))
    if (body) void submit(body)
  }
  return (
    <div className="review-banner" role="region" aria-label={t('review.makeTicket')} data-testid="review-banner">
      <p>{t('review.inReview')}</p>
      <button className="primary" data-testid="review-make-ticket" disabled={busy} onClick={() => act(MAKE_TICKET_KEY)}>
        {t('review.makeTicket')} <kbd>{MAKE_TICKET_KEY}</kbd>
      </button>{' '}
      <button className="danger" data-testid="review-dismiss" disabled={busy} onClick={() => act(DISMISS_KEY)}>
        {t('review.dismiss')} <kbd>{DISMISS_KEY}</kbd>
      </button>
      {error && (
        <p className="error-text" role="alert">
          <ProblemText problem={error} />
        </p>
      )}
    </div>
  )
}
