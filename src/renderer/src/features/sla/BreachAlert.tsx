// Supervisors' (and admins') banner of breached work in their scope: the desk syncs exactly
// their scope, so the list comes from the cache and updates with every change the leader's
// SLA pass makes. Each item opens its grievance.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../i18n'
import { useGrievanceStore } from '../../store/grievance-store'
import { divisionName, useOrgStore } from '../../store/org-store'
import { useSessionStore } from '../../store/session-store'
import { breachedInScope } from './sla-view'

/** Items listed; the rest are counted ("and N more"). */
const SHOWN = 20

export function BreachAlert() {
  const { t } = useTranslation()
  const format = useFormat()
  const role = useSessionStore((s) => s.session?.user?.role)
  const list = useGrievanceStore((s) => s.list)
  const open = useGrievanceStore((s) => s.open)
  const org = useOrgStore((s) => s.org)
  const [expanded, setExpanded] = useState(true)
  const breached = useMemo(() => breachedInScope(list), [list])
  if ((role !== 'supervisor' && role !== 'admin') || breached.length === 0) return null
  return (
    <section className="sla-breach-alert" role="region" aria-labelledby="sla-breach-heading">
      <div className="sla-breach-head">
        <h2 id="sla-breach-heading">{t('sla.alert.heading', { count: breached.length })}</h2>
        <button
          className="link"
          aria-expanded={expanded}
          aria-controls="sla-breach-list"
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? t('sla.alert.hide') : t('sla.alert.show')}
        </button>
      </div>
      <ul id="sla-breach-list" data-testid="sla-breach-alert" aria-label={t('sla.alert.listLabel')} hidden={!expanded}>
        {breached.slice(0, SHOWN).map((g) => (
          <li key={g.id} data-ticket={g.ticket} data-escalation={g.sla!.escalationLevel}>
            <button className="link" onClick={() => open(g.id)} aria-label={t('sla.alert.open', { ticket: g.ticket })}>
              {g.ticket}
            </button>{' '}
            <span>{divisionName(org, g.division, format.language)}</span>{' '}
            <span className="muted">{t('sla.alert.since', { at: format.dateTime(g.sla!.breachedAt!) })}</span>
            {g.sla!.escalationLevel > 0 && (
              <span className="sla-escalation"> · {t(`sla.escalation.${g.sla!.escalationLevel}`)}</span>
            )}
          </li>
        ))}
        {breached.length > SHOWN && (
          <li className="muted">{t('sla.alert.more', { count: breached.length - SHOWN })}</li>
        )}
      </ul>
    </section>
  )
}
