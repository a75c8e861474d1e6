import { useState, type ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { Conflict } from '../../../../shared/desk-api'
import type { ActionBody, OrgSummary } from '../../../../shared/protocol'
import { UntrustedText } from '../../components/UntrustedText'
import { useFormat, type Language } from '../../i18n'
import { useGrievanceStore } from '../../store/grievance-store'
import { divisionName, useOrgStore } from '../../store/org-store'
import { useSyncStore } from '../../store/sync-store'
import { conflictsView } from './sync-words'

/** What the officer tried, in words. */
export function describeAction(body: ActionBody, org: OrgSummary | null, t: TFunction, language: Language): ReactNode {
  switch (body.type) {
    case 'reply':
      return t('sync.conflicts.action.reply')
    case 'note':
      return t('sync.conflicts.action.note')
    case 'claim':
      return t('sync.conflicts.action.claim')
    case 'start':
      return t('sync.conflicts.action.start')
    case 'forward':
      return t('sync.conflicts.action.forward', { division: divisionName(org, body.toDivision, language) })
    case 'resolve':
      return t('sync.conflicts.action.resolve')
    case 'reject':
      // The reason is the officer's own typing: isolated, in its own element.
      return (
        <Trans
          t={t}
          i18nKey="sync.conflicts.action.reject"
          components={{ reason: <UntrustedText text={body.reason} /> }}
        />
      )
    case 'close':
      return t('sync.conflicts.action.close')
    case 'set-priority':
      return t('sync.conflicts.action.setPriority', { priority: t(`common.priority.${body.priority}`) })
    case 'retry-reply':
      return t('sync.conflicts.action.retryReply')
    case 'accept':
      return t('sync.conflicts.action.accept')
    case 'take-longer':
      return t('sla.takeLonger.conflict')
    case 'assign':
      return t('monitor.conflictAction', { assignee: body.assignee })
  }
}

/** Why it was not applied and what the grievance is now (the reason is the server's own text). */
export function explain(conflict: Conflict, t: TFunction): string {
  if (conflict.kind === 'rejected') return t('sync.conflicts.refused', { reason: conflict.reason })
  const g = conflict.grievance
  const status = g ? t(`common.status.${g.status}`) : ''
  const now = !g
    ? ''
    : g.assignee
      ? t('sync.conflicts.nowStatusAssignee', { status, assignee: g.assignee })
      : t('sync.conflicts.nowStatus', { status })
  return [t('sync.conflicts.stale', { reason: conflict.reason }), now, t('sync.conflicts.actAgain')]
    .filter(Boolean)
    .join(' ')
}

/**
 * Actions the server refused or found stale; they stay until the officer dismisses them.
 * Once seen (hidden, or one opened) the banner shrinks to a counter so it stops taking
 * the screen; a new conflict opens it again.
 */
export function ConflictsPanel() {
  const { t } = useTranslation()
  const { language, dateTime } = useFormat()
  const conflicts = useSyncStore((s) => s.conflicts)
  const seen = useSyncStore((s) => s.seen)
  const markSeen = useSyncStore((s) => s.markSeen)
  const dismiss = useSyncStore((s) => s.dismiss)
  const byId = useGrievanceStore((s) => s.byId)
  const open = useGrievanceStore((s) => s.open)
  const org = useOrgStore((s) => s.org)
  const [expanded, setExpanded] = useState(false)
  const view = conflictsView(
    conflicts.map((c) => c.action.id),
    seen,
    expanded,
  )
  if (view === 'none') return null

  const title = t('sync.conflicts.title', { count: conflicts.length })
  const unseen = conflicts.some((c) => !seen.has(c.action.id))
  if (view === 'counter') {
    return (
      <section className="conflicts-counter" data-testid="conflicts-counter" aria-label={t('sync.conflicts.region')}>
        <span className="warning-text">{title}</span>
        <button className="link" data-testid="conflicts-show" aria-expanded={false} onClick={() => setExpanded(true)}>
          {t('sync.conflicts.show')}
        </button>
      </section>
    )
  }

  return (
    <section
      className="conflicts"
      data-testid="conflicts"
      role={unseen ? 'alert' : undefined}
      aria-label={t('sync.conflicts.region')}
    >
      <h2>{title}</h2>
      <ul>
        {conflicts.map((c) => {
          const ticket = c.grievance?.ticket ?? byId.get(c.action.grievanceId)?.ticket ?? c.action.grievanceId
          return (
            <li key={c.action.id} className="conflict" data-kind={c.kind} data-action-id={c.action.id}>
              <div>
                <Trans
                  t={t}
                  i18nKey="sync.conflicts.on"
                  components={{
                    action: <strong>{describeAction(c.action.body, org, t, language)}</strong>,
                    ticket: (
                      <span className="ticket">
                        <UntrustedText text={ticket} />
                      </span>
                    ),
                  }}
                />
                <span className="muted"> · {dateTime(c.at)}</span>
                <p>
                  <UntrustedText text={explain(c, t)} />
                </p>
              </div>
              <div className="conflict-buttons">
                {byId.has(c.action.grievanceId) && (
                  <button
                    onClick={() => {
                      markSeen([c.action.id])
                      open(c.action.grievanceId)
                    }}
                  >
                    {t('common.open')}
                  </button>
                )}
                <button data-testid="conflict-dismiss" onClick={() => void dismiss(c.action.id)}>
                  {t('common.dismiss')}
                </button>
              </div>
            </li>
          )
        })}
      </ul>
      <button
        className="link"
        data-testid="conflicts-hide"
        aria-expanded={true}
        onClick={() => {
          markSeen(conflicts.map((c) => c.action.id))
          setExpanded(false)
        }}
      >
        {t('sync.conflicts.hide')}
      </button>
    </section>
  )
}
