import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { isOpen, type Grievance } from '../../../../shared/grievance'
import { UntrustedText } from '../../components/UntrustedText'
import { useFormat } from '../../i18n'
import { SlaBadge } from '../sla/SlaBadge'
import { isBreached } from './filters'
import { priorityLabel, statusLabel } from './labels'

export const QUEUE_ROW_HEIGHT = 66

interface Props {
  grievance: Grievance
  divisionLabel: string
  now: number
  isCursor: boolean
  isOpenInView: boolean
  /** In the bulk selection (x / shift+x). */
  isSelected?: boolean
  onOpen(id: string): void
}

export const QueueRow = memo(function QueueRow({
  grievance: g,
  divisionLabel,
  now,
  isCursor,
  isOpenInView,
  isSelected = false,
  onOpen,
}: Props) {
  // Both hooks re-render this memoised row when the interface language changes.
  const { t } = useTranslation()
  const format = useFormat()
  const breached = isBreached(g, now)
  const sla = format.slaLeft(g.slaDueAt, now)
  const priority = priorityLabel(t, g.priority)
  const classes = ['queue-row', `priority-${g.priority}`]
  if (breached) classes.push('breached')
  if (isCursor) classes.push('cursor')
  if (isOpenInView) classes.push('opened')
  if (isSelected) classes.push('selected')
  return (
    <div
      role="option"
      id={`queue-row-${g.id}`}
      aria-selected={isCursor}
      data-testid="queue-item"
      data-ticket={g.ticket}
      data-status={g.status}
      data-breached={breached || undefined}
      data-selected={isSelected || undefined}
      className={classes.join(' ')}
      style={{ height: QUEUE_ROW_HEIGHT }}
      onClick={() => onOpen(g.id)}
    >
      <div className="queue-row-line">
        <span className={`pill priority priority-${g.priority}`} title={t('queue.priorityTitle', { priority })}>
          {priority}
        </span>
        <span className="ticket">{g.ticket}</span>
        <span className={`status status-${g.status}`}>{statusLabel(t, g.status)}</span>
        <span className="spacer" />
        <SlaBadge grievance={g} />
        <span
          className={breached ? 'sla sla-breached' : 'sla'}
          title={t('queue.slaTitle', { at: format.dateTime(g.slaDueAt) })}
        >
          {isOpen(g.status) ? sla.text : ''}
        </span>
      </div>
      <div className="queue-row-line secondary">
        <span className="author">
          @<UntrustedText text={g.source.authorUsername} />
        </span>
        <span className="snippet" lang={g.source.language}>
          <UntrustedText text={g.source.text} />
        </span>
      </div>
      <div className="queue-row-line tertiary">
        <span>{divisionLabel}</span>
        <span className="spacer" />
        <span>
          {g.assignee ? (
            <>
              → <UntrustedText text={g.assignee} />
            </>
          ) : (
            t('common.unassigned')
          )}
        </span>
      </div>
    </div>
  )
})
