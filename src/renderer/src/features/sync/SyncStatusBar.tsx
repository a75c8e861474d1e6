import { useTranslation } from 'react-i18next'
import { ProblemText } from '../../components/ProblemText'
import { problemTitle, useFormat } from '../../i18n'
import { useNow } from '../../store/clock'
import { useSyncStore } from '../../store/sync-store'
import { lastSyncedWords } from './sync-words'

/** Always on screen: is the desk talking to the server, and is any work still waiting? */
export function SyncStatusBar() {
  const { t } = useTranslation()
  const { language } = useFormat()
  const state = useSyncStore((s) => s.state)
  const error = useSyncStore((s) => s.error)
  const syncNow = useSyncStore((s) => s.syncNow)
  const now = useNow()
  const status = state?.status ?? 'connecting'
  const pending = state?.pending ?? 0
  // The desk's own reason (e.g. "connect ECONNREFUSED …") is for support: a tooltip, not the text.
  const offline = status === 'offline' || status === 'server-error'
  const technical = state?.lastError ?? undefined
  const statusTitle = offline && technical ? t('problem.detail', { detail: technical }) : undefined

  return (
    <footer className="status-bar">
      <div className="status-live" role="status">
        <span
          className={`sync-status sync-${status}`}
          data-testid="sync-status"
          data-status={status}
          title={statusTitle}
          data-detail={offline ? technical : undefined}
        >
          <span className="dot" aria-hidden="true" />
          {t(`sync.status.${status}`)}
        </span>
        <span
          className={pending > 0 ? 'sync-pending has-pending' : 'sync-pending'}
          data-testid="sync-pending"
          data-pending={pending}
          title={t('sync.pendingTitle', { count: pending })}
        >
          {t('sync.pending', { count: pending })}
        </span>
        <span className="muted" data-testid="sync-last" data-last-synced={state?.lastSyncedAt ?? undefined}>
          {lastSyncedWords(state, now, t, language)}
        </span>
      </div>
      {state?.serverUrl && <span className="muted">{state.serverUrl}</span>}
      {!offline && technical && (
        <span
          className="error-text"
          data-testid="sync-error"
          data-detail={technical}
          title={problemTitle({ key: 'sync.syncProblem', detail: technical }, t)}
        >
          {status === 'logged-out' ? t('problem.unauthorised') : t('sync.syncProblem')}
        </span>
      )}
      {!technical && error && (
        <span className="error-text" data-testid="sync-error">
          <ProblemText problem={error} />
        </span>
      )}
      {state?.warning && (
        <span
          className="error-text"
          data-testid="sync-warning"
          role="alert"
          data-detail={state.warning}
          title={t('problem.detail', { detail: state.warning })}
        >
          {t('sync.warning')}
        </span>
      )}
      <span className="spacer" />
      {state && state.status !== 'logged-out' && (
        <button className="link" onClick={() => void syncNow()}>
          {t('sync.syncNow')}
        </button>
      )}
    </footer>
  )
}
