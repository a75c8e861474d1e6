// One handle: where it stands with X and what the admin can do about it. Connect opens
// X's consent page in the system browser (a new window in the browser desk; Electron's
// window-open handler sends it to the system browser); the list then polls until connected.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ConnectAnswer,
  DisconnectAnswer,
  HANDLES_PATHS,
  handlePath,
  type HandleStatus,
} from '../../../../../shared/handles'
import { z } from 'zod'
import { ProblemText } from '../../../components/ProblemText'
import { problemFromError, type Problem } from '../../../i18n/problem'
import { useFormat } from '../../../i18n/useFormat'
import { staffSend } from '../../../lib/staff-api'

const NoContent = z.unknown()

type State = 'connected' | 'expired' | 'waiting' | 'not-connected'

function stateOf(h: HandleStatus, waiting: boolean, now: number): State {
  if (waiting) return 'waiting'
  if (!h.connected) return 'not-connected'
  return h.tokenExpiresAt && Date.parse(h.tokenExpiresAt) <= now ? 'expired' : 'connected'
}

export function HandleRow({
  handle: h,
  waiting,
  canConnect,
  onWait,
  onChanged,
}: {
  handle: HandleStatus
  waiting: boolean
  canConnect: boolean
  onWait: (username: string, connectedAtBefore: string | null) => void
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const [problem, setProblem] = useState<Problem | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirmRemove, setConfirmRemove] = useState(false)
  const state = stateOf(h, waiting, Date.now())

  async function act(work: () => Promise<void>) {
    setBusy(true)
    setProblem(null)
    try {
      await work()
    } catch (error) {
      setProblem(problemFromError(error))
    } finally {
      setBusy(false)
    }
  }

  const connect = () =>
    act(async () => {
      // Opened before the answer arrives would be blocked as a pop-up in some browsers; the
      // click's activation lasts long enough for one round trip to the server.
      const { authorizeUrl } = await staffSend(ConnectAnswer, 'POST', handlePath(HANDLES_PATHS.connect, h.username))
      window.open(authorizeUrl, '_blank', 'noopener,noreferrer')
      onWait(h.username, h.connectedAt)
    })
  const disconnect = () =>
    act(async () => {
      await staffSend(DisconnectAnswer, 'POST', handlePath(HANDLES_PATHS.disconnect, h.username))
      onChanged()
    })
  const remove = () =>
    act(async () => {
      await staffSend(NoContent, 'DELETE', handlePath(HANDLES_PATHS.handle, h.username))
      onChanged()
    })

  return (
    <tr data-testid={`handle-row-${h.username}`}>
      <th scope="row">
        @{h.username}
        {h.primary && <span className="handle-primary-badge">{t('admin.handles.primary')}</span>}
      </th>
      <td>{h.division ?? <span className="muted">{t('admin.handles.noDivision')}</span>}</td>
      <td>
        <span
          className={`handle-status handle-status-${state}`}
          data-testid={`handle-status-${h.username}`}
          data-state={state}
        >
          {state === 'connected' && t('admin.handles.connectedUntil', { at: format.dateTime(h.tokenExpiresAt!) })}
          {state === 'expired' && t('admin.handles.expired')}
          {state === 'waiting' && t('admin.handles.waiting')}
          {state === 'not-connected' && t('admin.handles.notConnected')}
        </span>
        {h.connected && h.lastRefreshAt && (
          <div className="muted">{t('admin.handles.lastRefresh', { at: format.dateTime(h.lastRefreshAt) })}</div>
        )}
        {h.lastError && (
          <div className="error-text" data-testid={`handle-error-${h.username}`}>
            {t('admin.handles.lastError', { at: format.dateTime(h.lastErrorAt ?? h.lastRefreshAt ?? Date.now()) })}{' '}
            <span lang="en">{h.lastError}</span>
            {h.nextRetryAt && <> {t('admin.handles.nextRetry', { at: format.dateTime(h.nextRetryAt, 'time') })}</>}
          </div>
        )}
        {problem && (
          <div className="error-text" role="alert">
            <ProblemText problem={problem} />
          </div>
        )}
      </td>
      <td>
        <div className="handle-actions">
          <button
            type="button"
            onClick={() => void connect()}
            disabled={busy || !canConnect}
            data-testid={`handle-connect-${h.username}`}
            aria-label={t(h.connected ? 'admin.handles.reconnectLabel' : 'admin.handles.connectLabel', {
              username: h.username,
            })}
          >
            {h.connected ? t('admin.handles.reconnect') : t('admin.handles.connect')}
          </button>
          {h.connected && (
            <button
              type="button"
              onClick={() => void disconnect()}
              disabled={busy}
              data-testid={`handle-disconnect-${h.username}`}
              aria-label={t('admin.handles.disconnectLabel', { username: h.username })}
            >
              {t('admin.handles.disconnect')}
            </button>
          )}
          {!h.primary &&
            (confirmRemove ? (
              <>
                <button
                  type="button"
                  onClick={() => void remove()}
                  disabled={busy}
                  data-testid={`handle-remove-confirm-${h.username}`}
                >
                  {t('admin.handles.confirmRemove', { username: h.username })}
                </button>
                <button type="button" onClick={() => setConfirmRemove(false)}>
                  {t('admin.handles.cancel')}
                </button>
              </>
            ) : (
              <button
                type="button"
                onClick={() => setConfirmRemove(true)}
                disabled={busy}
                data-testid={`handle-remove-${h.username}`}
                aria-label={t('admin.handles.removeLabel', { username: h.username })}
              >
                {t('admin.handles.remove')}
              </button>
            ))}
        </div>
      </td>
    </tr>
  )
}
