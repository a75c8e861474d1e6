// How long a sent reply waits with an Undo (the officer's own desk setting, default 8 s,
// at most LIMITS.undoSendMaxSeconds; "at once" turns it off). Beside Send, where the officer
// feels the wait.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LIMITS } from '../../../../shared/limits'
import { invokeDesk } from '../../lib/bridge'
import { DEFAULT_UNDO_SEND_SECONDS } from '../../store/pending-send-store'

export const UNDO_DELAY_CHOICES = [0, 5, 8, 15, LIMITS.undoSendMaxSeconds] as const

export function UndoDelaySelect() {
  const { t } = useTranslation()
  const [seconds, setSeconds] = useState<number | null>(null)
  // Until the desk has the new wait, a Send would still use the old one: say so by disabling.
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    let live = true
    void invokeDesk('settings.get', {})
      .then((s) => live && setSeconds(s.undoSendSeconds ?? DEFAULT_UNDO_SEND_SECONDS))
      .catch(() => live && setSeconds(DEFAULT_UNDO_SEND_SECONDS))
    return () => {
      live = false
    }
  }, [])

  if (seconds === null) return null
  const choices = UNDO_DELAY_CHOICES.includes(seconds as (typeof UNDO_DELAY_CHOICES)[number])
    ? UNDO_DELAY_CHOICES
    : [...UNDO_DELAY_CHOICES, seconds].sort((a, b) => a - b)
  return (
    <label className="muted undo-delay">
      {t('composer.undo.delayLabel')}{' '}
      <select
        data-testid="undo-delay"
        value={seconds}
        disabled={saving}
        onChange={(event) => {
          const next = Number(event.target.value)
          setSeconds(next)
          setSaving(true)
          void invokeDesk('settings.set', { undoSendSeconds: next })
            .catch(() => undefined)
            .finally(() => setSaving(false))
        }}
      >
        {choices.map((s) => (
          <option key={s} value={s}>
            {s === 0 ? t('composer.undo.delayOff') : t('composer.undo.delaySeconds', { count: s })}
          </option>
        ))}
      </select>
    </label>
  )
}
