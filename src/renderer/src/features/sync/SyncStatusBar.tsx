import { useNow } from '../../store/clock'
import { useSyncStore } from '../../store/sync-store'
import { ago } from '../../lib/time'

const STATUS_TEXT = {
  online: 'online',
  offline: 'offline',
  connecting: 'connecting',
  'server-error': 'server error',
  'logged-out': 'offline · signed out',
} as const

/** Always on screen: is the desk talking to the server, and is any work still waiting? */
export function SyncStatusBar() {
  const state = useSyncStore((s) => s.state)
  const error = useSyncStore((s) => s.error)
  const syncNow = useSyncStore((s) => s.syncNow)
  const now = useNow()
  const status = state?.status ?? 'connecting'
  const pending = state?.pending ?? 0

  return (
    <footer className="status-bar" role="status">
      <span className={`sync-status sync-${status}`} data-testid="sync-status" data-status={status}>
        <span className="dot" aria-hidden="true" />
        {STATUS_TEXT[status]}
      </span>
      <span
        className={pending > 0 ? 'sync-pending has-pending' : 'sync-pending'}
        data-testid="sync-pending"
        data-pending={pending}
        title={`${pending} of your actions are saved on this desk and waiting to reach the server`}
      >
        {pending} pending
      </span>
      <span className="muted" data-testid="sync-last">
        last synced {ago(state?.lastSyncedAt ?? null, now)}
      </span>
      {state?.serverUrl && <span className="muted">{state.serverUrl}</span>}
      {(state?.lastError ?? error) && <span className="error-text">{state?.lastError ?? error}</span>}
      {state?.warning && (
        <span className="error-text" data-testid="sync-warning" role="alert">
          {state.warning}
        </span>
      )}
      <span className="spacer" />
      {state && state.status !== 'logged-out' && (
        <button className="link" onClick={() => void syncNow()}>
          Sync now
        </button>
      )}
    </footer>
  )
}
