import { useTranslation } from 'react-i18next'
import type { Grievance, ThreadEntry } from '../../../../shared/grievance'
import { ProblemText } from '../../components/ProblemText'
import { UntrustedText } from '../../components/UntrustedText'
import { useFormat } from '../../i18n'
import { textLang } from '../../lib/lang'
import { useSubmitAction } from './useSubmitAction'

function ReplyPostState({ grievanceId, entry }: { grievanceId: string; entry: ThreadEntry }) {
  const { submit, busy, error } = useSubmitAction(grievanceId)
  const { t } = useTranslation()
  const format = useFormat()
  if (!entry.post) return null
  const { state, error: postError, attempts } = entry.post
  return (
    <div className={`post-state post-${state}`}>
      <span className="badge">{t(`grievance.postState.${state}`)}</span>
      {attempts > 1 && <span className="muted">{t('grievance.attempts', { count: attempts })}</span>}
      {state === 'pending' && entry.post.queuePosition !== undefined && (
        <span className="muted" data-testid="reply-queue">
          {entry.post.estimatedAt
            ? t('grievance.replyQueueEta', {
                position: format.number(entry.post.queuePosition),
                at: format.dateTime(entry.post.estimatedAt),
              })
            : t('grievance.replyQueue', { position: format.number(entry.post.queuePosition) })}
        </span>
      )}
      {state === 'failed' && (
        <>
          {postError && (
            <span className="error-text">
              <UntrustedText text={postError} />
            </span>
          )}
          <button
            data-testid="reply-retry"
            disabled={busy}
            onClick={() => void submit({ type: 'retry-reply', entryId: entry.id })}
          >
            {busy ? t('grievance.retrying') : t('grievance.retry')}
          </button>
        </>
      )}
      {error && (
        <span className="error-text" role="alert">
          <ProblemText problem={error} />
        </span>
      )}
    </div>
  )
}

export function Thread({ grievance }: { grievance: Grievance }) {
  const { t } = useTranslation()
  const format = useFormat()
  if (grievance.thread.length === 0) return <p className="muted">{t('grievance.noMessages')}</p>
  return (
    <ol className="thread" aria-label={t('grievance.thread')}>
      {grievance.thread.map((entry) => (
        <li
          key={entry.id}
          className={`thread-entry kind-${entry.kind}`}
          data-testid="thread-entry"
          data-kind={entry.kind}
          data-post-state={entry.kind === 'reply' ? (entry.post?.state ?? 'pending') : undefined}
        >
          <div className="thread-meta">
            <span className="kind">{t(`grievance.entryKind.${entry.kind}`)}</span>
            {entry.by && (
              <span className="by">
                {entry.kind === 'citizen' && '@'}
                <UntrustedText text={entry.by} />
              </span>
            )}
            <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
          </div>
          <p className="thread-text" dir="auto" lang={textLang(entry.text)}>
            <UntrustedText text={entry.text} />
          </p>
          {entry.kind === 'reply' && <ReplyPostState grievanceId={grievance.id} entry={entry} />}
        </li>
      ))}
    </ol>
  )
}
