import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { canTransition, isOpen, type Grievance } from '../../../../shared/grievance'
import { LIMITS } from '../../../../shared/limits'
import { LimitCount, overLimit } from '../../components/LimitCount'
import { ProblemText } from '../../components/ProblemText'
import { useFormat } from '../../i18n'
import { divisionName, selectDivisions, useOrgStore } from '../../store/org-store'
import { useSubmitAction } from './useSubmitAction'

type Dialog = 'forward' | 'reject' | null

// A forward note is kept as the status reason too, so it shares the reason limit.
const FORWARD_NOTE_MAX = LIMITS.reasonChars
const REASON_MAX = LIMITS.reasonChars

/** Status actions, each enabled only when the shared status machine allows the move. */
export function ActionBar({ grievance }: { grievance: Grievance }) {
  const { submit, busy, error, clearError } = useSubmitAction(grievance.id)
  const divisions = useOrgStore(selectDivisions)
  const org = useOrgStore((s) => s.org)
  const { t } = useTranslation()
  const { language } = useFormat()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [toDivision, setToDivision] = useState('')
  const [forwardNote, setForwardNote] = useState('')
  const [reason, setReason] = useState('')
  const [reasonMissing, setReasonMissing] = useState(false)
  const forwardNoteTooLong = overLimit(forwardNote.trim(), FORWARD_NOTE_MAX)
  const reasonTooLong = overLimit(reason.trim(), REASON_MAX)
  const status = grievance.status

  const canClaim = grievance.assignee === null && isOpen(status) && canTransition(status, 'assigned')
  const canStart = canTransition(status, 'in_progress')
  const canForward = canTransition(status, 'forwarded')
  const canResolve = canTransition(status, 'resolved')
  const canReject = canTransition(status, 'rejected')
  const canClose = canTransition(status, 'closed')
  const forwardTargets = divisions.filter((d) => d.id !== grievance.division)

  function openDialog(next: Dialog) {
    clearError()
    setReasonMissing(false)
    setDialog(dialog === next ? null : next)
    if (next === 'forward') setToDivision(forwardTargets[0]?.id ?? '')
  }

  async function confirm() {
    if (dialog === 'forward') {
      if (!toDivision || forwardNoteTooLong) return
      const note = forwardNote.trim()
      if (await submit({ type: 'forward', toDivision, ...(note ? { note } : {}) })) {
        setDialog(null)
        setForwardNote('')
      }
    } else if (dialog === 'reject') {
      const text = reason.trim()
      if (!text) {
        setReasonMissing(true)
        return
      }
      if (reasonTooLong) return
      if (await submit({ type: 'reject', reason: text })) {
        setDialog(null)
        setReason('')
      }
    }
  }

  return (
    <div className="action-bar" data-testid="action-bar" data-grievance={grievance.ticket}>
      <div className="action-buttons" role="toolbar" aria-label={t('grievance.actions.toolbar')}>
        {grievance.assignee === null && (
          <button
            data-testid="action-claim"
            disabled={busy || !canClaim}
            onClick={() => void submit({ type: 'claim' })}
          >
            {t('grievance.actions.claim')}
          </button>
        )}
        <button data-testid="action-start" disabled={busy || !canStart} onClick={() => void submit({ type: 'start' })}>
          {t('grievance.actions.start')}
        </button>
        <button
          data-testid="action-forward"
          aria-expanded={dialog === 'forward'}
          disabled={busy || !canForward || forwardTargets.length === 0}
          onClick={() => openDialog('forward')}
        >
          {t('grievance.actions.forward')}
        </button>
        <button
          data-testid="action-resolve"
          className="good"
          disabled={busy || !canResolve}
          onClick={() => void submit({ type: 'resolve' })}
        >
          {t('grievance.actions.resolve')}
        </button>
        <button
          data-testid="action-reject"
          className="danger"
          aria-expanded={dialog === 'reject'}
          disabled={busy || !canReject}
          onClick={() => openDialog('reject')}
        >
          {t('grievance.actions.reject')}
        </button>
        {canClose && (
          <button data-testid="action-close" disabled={busy} onClick={() => void submit({ type: 'close' })}>
            {t('grievance.actions.close')}
          </button>
        )}
      </div>

      {dialog === 'forward' && (
        <div className="action-dialog" role="group" aria-label={t('grievance.actions.forwardTitle')}>
          <label>
            {t('grievance.actions.forwardTo')}
            <select data-testid="forward-division" value={toDivision} onChange={(e) => setToDivision(e.target.value)}>
              {forwardTargets.map((d) => (
                <option key={d.id} value={d.id}>
                  {divisionName(org, d.id, language)}
                </option>
              ))}
            </select>
          </label>
          <label className="grow">
            {t('grievance.actions.forwardNote')} <span className="muted">{t('common.optional')}</span>
            <input
              data-testid="forward-note"
              value={forwardNote}
              maxLength={FORWARD_NOTE_MAX}
              aria-invalid={forwardNoteTooLong}
              onChange={(e) => setForwardNote(e.target.value)}
            />
            <LimitCount text={forwardNote.trim()} max={FORWARD_NOTE_MAX} testId="forward-note-count" />
          </label>
          {forwardNoteTooLong && (
            <p className="error">{t('grievance.actions.noteTooLong', { max: FORWARD_NOTE_MAX })}</p>
          )}
          <div className="dialog-buttons">
            <button
              data-testid="action-confirm"
              className="primary"
              disabled={busy || !toDivision || forwardNoteTooLong}
              onClick={() => void confirm()}
            >
              {t('grievance.actions.forwardConfirm')}
            </button>
            <button onClick={() => setDialog(null)}>{t('common.cancel')}</button>
          </div>
        </div>
      )}

      {dialog === 'reject' && (
        <div className="action-dialog" role="group" aria-label={t('grievance.actions.rejectTitle')}>
          <label className="grow">
            {t('grievance.actions.rejectReason')}{' '}
            <span className="muted">{t('grievance.actions.rejectReasonHint')}</span>
            <textarea
              data-testid="reject-reason"
              rows={2}
              value={reason}
              maxLength={REASON_MAX}
              autoFocus
              aria-invalid={reasonMissing || reasonTooLong}
              onChange={(e) => {
                setReason(e.target.value)
                if (e.target.value.trim()) setReasonMissing(false)
              }}
            />
            <LimitCount text={reason.trim()} max={REASON_MAX} testId="reject-reason-count" />
          </label>
          {reasonMissing && <p className="error">{t('grievance.actions.rejectNeedsReason')}</p>}
          {reasonTooLong && <p className="error">{t('grievance.actions.reasonTooLong', { max: REASON_MAX })}</p>}
          <div className="dialog-buttons">
            <button
              data-testid="action-confirm"
              className="danger"
              disabled={busy || reasonTooLong}
              onClick={() => void confirm()}
            >
              {t('grievance.actions.rejectConfirm')}
            </button>
            <button onClick={() => setDialog(null)}>{t('common.cancel')}</button>
          </div>
        </div>
      )}

      {error && (
        <p className="error" role="alert" data-testid="action-error">
          <ProblemText problem={error} />
        </p>
      )}
    </div>
  )
}
