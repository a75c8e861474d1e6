// Give one or several grievances to a named officer of their division. Keyboard first:
// the officer list has focus on opening, Enter in it confirms, Escape cancels.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Grievance } from '../../../../shared/grievance'
import type { OfficerLoad } from '../../../../shared/monitor'
import { useFormat } from '../../i18n'

export function ReassignDialog({
  targets,
  officers,
  busy,
  onConfirm,
  onCancel,
}: {
  targets: readonly Grievance[]
  /** The division's officers (eligibleOfficers). */
  officers: readonly OfficerLoad[]
  busy: boolean
  onConfirm: (assignee: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const [assignee, setAssignee] = useState('')
  const [missing, setMissing] = useState(false)
  const select = useRef<HTMLSelectElement>(null)
  useEffect(() => select.current?.focus(), [])

  function confirm() {
    if (!assignee) return setMissing(true)
    onConfirm(assignee)
  }
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault()
      onCancel()
    } else if (e.key === 'Enter' && e.target === select.current) {
      e.preventDefault()
      confirm()
    }
  }

  return (
    <div
      className="action-dialog reassign-dialog"
      role="dialog"
      aria-labelledby="reassign-title"
      data-testid="reassign-dialog"
      onKeyDown={onKeyDown}
    >
      <h3 id="reassign-title">{t('monitor.reassign.title', { count: targets.length })}</h3>
      {officers.length === 0 ? (
        <p className="error">{t('monitor.reassign.noOfficers')}</p>
      ) : (
        <label>
          {t('monitor.reassign.officer')}
          <select
            ref={select}
            data-testid="reassign-officer"
            value={assignee}
            aria-invalid={missing}
            onChange={(e) => {
              setAssignee(e.target.value)
              setMissing(false)
            }}
          >
            <option value="">{t('monitor.reassign.choose')}</option>
            {officers.map((o) => (
              <option key={o.username} value={o.username}>
                {t('monitor.reassign.optionText', {
                  name: o.displayName,
                  presence: t(`monitor.presence.${o.presence}`),
                  load: format.number(o.load),
                  capacity: format.number(o.capacity),
                })}
              </option>
            ))}
          </select>
        </label>
      )}
      {missing && <p className="error">{t('monitor.reassign.noOfficer')}</p>}
      <div className="dialog-buttons">
        <button
          className="primary"
          data-testid="reassign-confirm"
          disabled={busy || officers.length === 0}
          onClick={confirm}
        >
          {t('monitor.reassign.confirm')}
        </button>
        <button onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </div>
  )
}
