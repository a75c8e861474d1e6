// "Sending in 8 s — Undo": the replies of this grievance still waiting in the pending-send
// store. Undo puts the text back in the composer (after anything already typed there).
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePendingSends, type PendingSend } from '../../store/pending-send-store'
import { useUiStore } from '../../store/ui-store'
import { COMPOSER_TEXT_ID } from '../queue/useTriageKeys'

function useSecondsTick(active: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    // The clock may have stood still since mount (no reply waiting): catch up at once, or
    // the first frame counts from then ("Sending in 19 s" for an 8-second delay).
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [active])
  return now
}

export function UndoSendBanner({ grievanceId }: { grievanceId: string }) {
  const { t } = useTranslation()
  const all = usePendingSends((s) => s.pending)
  const undo = usePendingSends((s) => s.undo)
  const pending = all.filter((p) => p.grievanceId === grievanceId)
  const now = useSecondsTick(pending.length > 0)
  if (pending.length === 0) return null

  function takeBack(item: PendingSend) {
    const back = undo(item.id)
    if (!back) return
    const { drafts, setDraft } = useUiStore.getState()
    const current = drafts[grievanceId] ?? ''
    setDraft(grievanceId, current.trim() ? `${current}\n${back.body.text}` : back.body.text)
    document.getElementById(COMPOSER_TEXT_ID)?.focus()
  }

  return (
    <ul className="undo-send" aria-label={t('composer.undo.region')}>
      {pending.map((item) => {
        const seconds = Math.max(0, Math.ceil((item.dueAt - now) / 1000))
        return (
          <li key={item.id} data-testid="undo-send" className={item.error ? 'undo-send-item error' : 'undo-send-item'}>
            <span role={item.error ? 'alert' : 'status'}>
              {item.error
                ? t('composer.undo.failed', { reason: item.error })
                : t('composer.undo.sendingIn', { count: seconds })}
            </span>{' '}
            <button
              type="button"
              data-testid="undo-send-undo"
              aria-label={t('composer.undo.undoLabel')}
              onClick={() => takeBack(item)}
            >
              {item.error ? t('composer.undo.takeBack') : t('composer.undo.undo')}
            </button>
          </li>
        )
      })}
    </ul>
  )
}
