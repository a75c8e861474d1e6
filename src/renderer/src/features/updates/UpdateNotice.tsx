// The top bar's word on a desk update: being fetched, ready to install when the desk
// quits, or deferred by this officer; with the one choice that makes sense for each.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemText } from '../../components/ProblemText'
import { problemFromError, useFormat } from '../../i18n'
import { useUpdateStore } from './update-store'

export function UpdateNotice() {
  const { t } = useTranslation()
  const format = useFormat()
  const notice = useUpdateStore((s) => s.notice)
  const busy = useUpdateStore((s) => s.busy)
  const error = useUpdateStore((s) => s.error)
  const connect = useUpdateStore((s) => s.connect)
  useEffect(() => connect(), [connect])
  if (!notice) return null
  const { version } = notice
  return (
    <span className="update-notice" role="status" data-testid="update-notice" data-stage={notice.stage}>
      {notice.stage === 'downloading' && t('updates.downloading', { version })}
      {notice.stage === 'ready' && t('updates.ready', { version })}
      {notice.stage === 'deferred' &&
        t('updates.deferred', { version, until: format.dateTime(notice.deferredUntil ?? Date.now(), 'date') })}{' '}
      {notice.stage === 'deferred' ? (
        <button
          className="link"
          data-testid="update-install-on-quit"
          disabled={busy}
          onClick={() => void useUpdateStore.getState().installOnQuit()}
        >
          {t('updates.installOnQuit')}
        </button>
      ) : (
        <button
          className="link"
          data-testid="update-defer"
          disabled={busy}
          title={t('updates.deferTitle')}
          onClick={() => void useUpdateStore.getState().defer()}
        >
          {t('updates.defer')}
        </button>
      )}
      {error !== null && error !== undefined && <ProblemText problem={problemFromError(error)} />}
    </span>
  )
}
