// In-page SLA alerts: when work assigned to the user becomes at risk or breached (and, for
// supervisors, any breach in scope), a dismissible notice. Electron also raises a desktop
// notification from the main process (src/main/sla-notifier.ts); the browser desk has only this.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useGrievanceStore } from '../../store/grievance-store'
import { useSessionStore } from '../../store/session-store'
import { useUiStore } from '../../store/ui-store'
import { slaAlerts, type SlaAlert } from './sla-view'

/** Notices kept on screen at once (the oldest go first). */
const KEPT = 5

export function SlaAlerts() {
  const { t } = useTranslation()
  const user = useSessionStore((s) => s.session?.user ?? null)
  const list = useGrievanceStore((s) => s.list)
  const loaded = useGrievanceStore((s) => s.loaded)
  const openGrievance = useGrievanceStore((s) => s.open)
  const known = useRef<Map<string, string> | null>(null)
  const [alerts, setAlerts] = useState<SlaAlert[]>([])

  const username = user?.username ?? null
  const oversees = user?.role === 'supervisor' || user?.role === 'admin'
  useEffect(() => {
    // A new user starts from what is there now: nothing old is news.
    known.current = null
    setAlerts([])
  }, [username])
  useEffect(() => {
    if (!username || !loaded) return
    const result = slaAlerts(known.current ?? new Map(), list, { username, oversees })
    const first = known.current === null
    known.current = result.known
    if (!first && result.alerts.length > 0) setAlerts((shown) => [...shown, ...result.alerts].slice(-KEPT))
  }, [list, loaded, username, oversees])

  if (alerts.length === 0) return null
  return (
    <div className="sla-alerts" role="region" aria-label={t('sla.notify.region')}>
      <ul aria-live="polite">
        {alerts.map((a) => (
          <li
            key={`${a.id}:${a.state}`}
            data-testid="sla-alert"
            data-ticket={a.ticket}
            className={`sla-alert sla-alert-${a.state}`}
          >
            <button
              className="link"
              onClick={() => {
                useUiStore.getState().setScreen('desk')
                openGrievance(a.id)
              }}
            >
              {t(`sla.notify.${a.state}`, { ticket: a.ticket })}
            </button>
            <button
              className="link"
              aria-label={`${t('sla.notify.dismiss')}: ${a.ticket}`}
              onClick={() => setAlerts((shown) => shown.filter((s) => s !== a))}
            >
              {t('sla.notify.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
