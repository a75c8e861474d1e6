import { useTranslation } from 'react-i18next'
import type { Grievance } from '../../../../shared/grievance'
import { useFormat } from '../../i18n'
import { slaBadge } from './sla-view'

/** The SLA state of a queue row or the open grievance; empty (but present) when on track. */
export function SlaBadge({ grievance: g }: { grievance: Pick<Grievance, 'status' | 'sla'> }) {
  const { t } = useTranslation()
  const format = useFormat()
  const kind = slaBadge(g)
  if (!kind) return <span data-testid="sla-state" data-state={g.sla?.state ?? 'none'} className="sla-state" />
  const at = kind === 'interim_due' ? g.sla!.interimDueAt : kind === 'breached' ? g.sla!.breachedAt : null
  return (
    <span
      data-testid="sla-state"
      data-state={kind}
      className={`sla-state sla-state-${kind}`}
      title={t(`sla.stateTitle.${kind}`, { at: at ? format.dateTime(at) : '' })}
    >
      {t(`sla.state.${kind}`)}
      {g.sla!.escalationLevel > 0 && (
        <span className="visually-hidden">, {t(`sla.escalation.${g.sla!.escalationLevel}`)}</span>
      )}
    </span>
  )
}

/** The SLA record in the grievance's details: due times, first response, escalation. */
export function SlaDetails({ grievance: g }: { grievance: Grievance }) {
  const { t } = useTranslation()
  const format = useFormat()
  const sla = g.sla
  if (!sla) return null
  return (
    <>
      <dt>{t('sla.details.firstResponseDue')}</dt>
      <dd data-testid="sla-first-response">
        {format.dateTime(sla.firstResponseDueAt)}
        {sla.firstResponseAt && (
          <span className="muted">
            {' '}
            · {t('sla.details.firstResponseAt')} {format.dateTime(sla.firstResponseAt)}
          </span>
        )}
      </dd>
      <dt>{t('sla.details.resolutionDue')}</dt>
      <dd>
        {format.dateTime(sla.resolutionDueAt)}{' '}
        <span className="muted">
          · {t(sla.clock === '24x7' ? 'sla.details.clock24x7' : 'sla.details.clockBusiness')}
        </span>{' '}
        <SlaBadge grievance={g} />
        {sla.escalationLevel > 0 && (
          <span className="sla-escalation" data-testid="sla-escalation">
            {' '}
            {t(`sla.escalation.${sla.escalationLevel}`)}
          </span>
        )}
      </dd>
      {sla.interimDueAt && (
        <>
          <dt>{t('sla.details.interimDue')}</dt>
          <dd>{format.dateTime(sla.interimDueAt)}</dd>
        </>
      )}
    </>
  )
}
