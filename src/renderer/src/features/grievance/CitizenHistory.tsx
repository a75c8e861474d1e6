// The same citizen's other grievances (same X author id), from the desk's cache: an
// officer sees at once that this is the third complaint about the same passport, or that
// an earlier one was resolved last week.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Grievance } from '../../../../shared/grievance'
import { citizenHistory } from './citizen-history'
import { useFormat } from '../../i18n'
import { useGrievanceStore } from '../../store/grievance-store'
import { UntrustedText } from '../../components/UntrustedText'

export function CitizenHistory({ grievance }: { grievance: Grievance }) {
  const { t } = useTranslation()
  const format = useFormat()
  const list = useGrievanceStore((s) => s.list)
  const open = useGrievanceStore((s) => s.open)
  const others = useMemo(() => citizenHistory(list, grievance), [list, grievance])
  return (
    <section className="citizen-history" data-testid="citizen-history" aria-labelledby="citizen-history-title">
      <h3 className="section-title" id="citizen-history-title">
        {t('grievance.history.title')}{' '}
        <span className="muted">{t('grievance.history.count', { count: others.length })}</span>
      </h3>
      {others.length === 0 ? (
        <p className="muted">{t('grievance.history.empty')}</p>
      ) : (
        <ul>
          {others.map((g) => (
            <li key={g.id} data-testid="citizen-history-item" data-ticket={g.ticket} data-status={g.status}>
              <button
                type="button"
                className="link ticket"
                aria-label={t('grievance.history.open', { ticket: g.ticket })}
                onClick={() => open(g.id)}
              >
                {g.ticket}
              </button>{' '}
              <span className={`status status-${g.status}`}>{t(`common.status.${g.status}`)}</span>{' '}
              <span className="muted">{format.dateTime(g.createdAt)}</span>{' '}
              <span className="snippet" lang={g.source.language}>
                <UntrustedText text={g.source.text} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
