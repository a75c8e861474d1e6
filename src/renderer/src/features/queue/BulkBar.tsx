// The bulk bar: shown while grievances are selected (x / shift+x, or the table's boxes).
// Each action goes to the desk once per grievance; the results list says, row by row,
// what was done, what was skipped and why, and what failed.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Grievance } from '../../../../shared/grievance'
import { LIMITS } from '../../../../shared/limits'
import { useFormat } from '../../i18n'
import { describeError, invokeDesk } from '../../lib/bridge'
import { useGrievanceStore } from '../../store/grievance-store'
import { selectDivisions, useOrgStore } from '../../store/org-store'
import { useUiStore } from '../../store/ui-store'
import { runBulk, tally, type BulkBody, type BulkOutcome } from './bulk'
import { EMPTY_SELECTION, selectedInOrder } from './selection'

type Dialog = 'resolve' | 'reject' | 'forward' | null

export function BulkBar({ rows }: { rows: readonly Grievance[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const selection = useUiStore((s) => s.selection)
  const setSelection = useUiStore((s) => s.setSelection)
  const upsert = useGrievanceStore((s) => s.upsert)
  const divisions = useOrgStore(selectDivisions)
  const [dialog, setDialog] = useState<Dialog>(null)
  const [note, setNote] = useState('')
  const [reason, setReason] = useState('')
  const [reasonMissing, setReasonMissing] = useState(false)
  const [toDivision, setToDivision] = useState('')
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [outcomes, setOutcomes] = useState<BulkOutcome[] | null>(null)

  const count = selection.ids.size
  if (count === 0 && outcomes === null) return null
  const tooMany = count > LIMITS.bulkGrievances
  const busy = progress !== null
  const disabled = busy || tooMany || count === 0

  async function run(body: BulkBody) {
    const ids = selectedInOrder(
      selection,
      rows.map((g) => g.id),
    )
    const byId = useGrievanceStore.getState().byId
    const targets = ids.map((id) => byId.get(id)).filter((g): g is Grievance => g !== undefined)
    setOutcomes(null)
    setProgress({ done: 0, total: targets.length })
    let done = 0
    // Every action of this run carries the bulk it belongs to: a supervisor's bulk change
    // is audited on the server as one change of N (grievance.bulk-changed).
    const bulk = targets.length > 1 ? { id: crypto.randomUUID(), count: targets.length } : undefined
    const results = await runBulk(
      targets,
      body,
      async (grievanceId, action) => {
        const { grievance } = await invokeDesk('actions.submit', {
          grievanceId,
          body: action,
          ...(bulk ? { bulk } : {}),
        })
        upsert(grievance)
      },
      describeError,
      () => setProgress({ done: ++done, total: targets.length }),
    )
    setProgress(null)
    setOutcomes(results)
    setDialog(null)
    // What was done leaves the selection; what was skipped or failed stays for another go.
    const left = new Set(results.filter((o) => o.result !== 'done').map((o) => o.id))
    setSelection(left.size === 0 ? EMPTY_SELECTION : { ids: left, anchor: null })
  }

  function openDialog(next: Dialog) {
    setReasonMissing(false)
    setDialog(dialog === next ? null : next)
    if (next === 'forward') setToDivision(divisions[0]?.id ?? '')
  }

  function confirm() {
    if (dialog === 'resolve') {
      const text = note.trim().slice(0, LIMITS.reasonChars)
      void run({ type: 'resolve', ...(text ? { note: text } : {}) })
    } else if (dialog === 'reject') {
      const text = reason.trim().slice(0, LIMITS.reasonChars)
      if (!text) return setReasonMissing(true)
      void run({ type: 'reject', reason: text })
    } else if (dialog === 'forward' && toDivision) void run({ type: 'forward', toDivision })
  }

  const outcomeText = (o: BulkOutcome) => {
    if (o.result === 'done') return t('queue.bulk.done')
    if (o.result === 'failed') return t('queue.bulk.failed', { message: o.message })
    if (o.reason === 'alreadyAssigned') return t('queue.bulk.skip.alreadyAssigned', { assignee: o.assignee })
    if (o.reason === 'notAllowed') return t('queue.bulk.skip.notAllowed', { status: t(`common.status.${o.status}`) })
    return t('queue.bulk.skip.sameDivision')
  }
  const totals = outcomes ? tally(outcomes) : null

  return (
    <section className="bulk-bar" data-testid="bulk-bar" aria-label={t('queue.bulk.region')}>
      <div className="bulk-line">
        <strong data-testid="bulk-count" data-count={count}>
          {t('queue.bulk.selected', { count })}
        </strong>
        <div className="action-buttons" role="toolbar" aria-label={t('queue.bulk.region')}>
          <button data-testid="bulk-claim" disabled={disabled} onClick={() => void run({ type: 'claim' })}>
            {t('queue.bulk.claim')}
          </button>
          <button data-testid="bulk-start" disabled={disabled} onClick={() => void run({ type: 'start' })}>
            {t('queue.bulk.start')}
          </button>
          <button
            data-testid="bulk-resolve"
            className="good"
            aria-expanded={dialog === 'resolve'}
            disabled={disabled}
            onClick={() => openDialog('resolve')}
          >
            {t('queue.bulk.resolve')}
          </button>
          <button
            data-testid="bulk-reject"
            className="danger"
            aria-expanded={dialog === 'reject'}
            disabled={disabled}
            onClick={() => openDialog('reject')}
          >
            {t('queue.bulk.reject')}
          </button>
          <button
            data-testid="bulk-dismiss"
            className="danger"
            disabled={disabled}
            onClick={() => void run({ type: 'reject', reason: t('review.dismissReason'), notGrievance: true })}
          >
            {t('review.bulkDismiss')}
          </button>
          <button
            data-testid="bulk-forward"
            aria-expanded={dialog === 'forward'}
            disabled={disabled || divisions.length === 0}
            onClick={() => openDialog('forward')}
          >
            {t('queue.bulk.forward')}
          </button>
          <button
            className="link"
            data-testid="bulk-clear"
            disabled={busy}
            onClick={() => setSelection(EMPTY_SELECTION)}
          >
            {t('queue.bulk.clearSelection')}
          </button>
        </div>
      </div>
      {count > 0 && <p className="muted bulk-hint">{t('queue.bulk.hint')}</p>}
      {tooMany && <p className="error">{t('queue.bulk.tooMany', { max: LIMITS.bulkGrievances })}</p>}

      {dialog !== null && (
        <div className="action-dialog" role="group" aria-label={t(`queue.bulk.${dialog}`)}>
          {dialog === 'resolve' && (
            <label className="grow">
              {t('queue.bulk.resolveNote')} <span className="muted">{t('common.optional')}</span>
              <input
                data-testid="bulk-note"
                value={note}
                maxLength={LIMITS.reasonChars}
                onChange={(e) => setNote(e.target.value)}
              />
            </label>
          )}
          {dialog === 'reject' && (
            <label className="grow">
              {t('queue.bulk.rejectReason')}
              <textarea
                data-testid="bulk-reason"
                rows={2}
                value={reason}
                maxLength={LIMITS.reasonChars}
                aria-invalid={reasonMissing}
                onChange={(e) => {
                  setReason(e.target.value)
                  if (e.target.value.trim()) setReasonMissing(false)
                }}
              />
            </label>
          )}
          {dialog === 'forward' && (
            <label>
              {t('queue.bulk.forwardTo')}
              <select data-testid="bulk-division" value={toDivision} onChange={(e) => setToDivision(e.target.value)}>
                {divisions.map((d) => (
                  <option key={d.id} value={d.id}>
                    {format.language === 'hi' && d.nameHi ? d.nameHi : d.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {reasonMissing && <p className="error">{t('queue.bulk.rejectNeedsReason')}</p>}
          <div className="dialog-buttons">
            <button
              data-testid="bulk-confirm"
              className={dialog === 'reject' ? 'danger' : 'primary'}
              disabled={disabled}
              onClick={confirm}
            >
              {t(`queue.bulk.${dialog}Confirm`)}
            </button>
            <button onClick={() => setDialog(null)}>{t('common.cancel')}</button>
          </div>
        </div>
      )}

      {progress && (
        <p aria-live="polite" data-testid="bulk-progress">
          {t('queue.bulk.working', { ...progress })}
        </p>
      )}
      {outcomes && totals && (
        <div className="bulk-results" data-testid="bulk-results">
          <p aria-live="polite">
            <strong>{t('queue.bulk.summary', { ...totals })}</strong>{' '}
            <button className="link" onClick={() => setOutcomes(null)}>
              {t('common.dismiss')}
            </button>
          </p>
          <ul aria-label={t('queue.bulk.results')}>
            {outcomes.map((o) => (
              <li key={o.id} data-testid="bulk-outcome" data-ticket={o.ticket} data-result={o.result}>
                <span className="ticket">{o.ticket}</span> {outcomeText(o)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
