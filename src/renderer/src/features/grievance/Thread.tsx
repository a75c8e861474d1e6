import type { Grievance, ThreadEntry } from '../../../../shared/grievance'
import { UntrustedText } from '../../components/UntrustedText'
import { textLang } from '../../lib/lang'
import { formatDateTime } from '../../lib/time'
import { useSubmitAction } from './useSubmitAction'

const KIND_LABELS: Record<ThreadEntry['kind'], string> = {
  citizen: 'Citizen',
  reply: 'Our reply',
  note: 'Internal note',
  system: 'System',
}

const POST_STATE_LABELS = { pending: 'posting…', posted: 'posted on X', failed: 'failed to post' } as const

function ReplyPostState({ grievanceId, entry }: { grievanceId: string; entry: ThreadEntry }) {
  const { submit, busy, error } = useSubmitAction(grievanceId)
  if (!entry.post) return null
  const { state, error: postError, attempts } = entry.post
  return (
    <div className={`post-state post-${state}`}>
      <span className="badge">{POST_STATE_LABELS[state]}</span>
      {attempts > 1 && <span className="muted">{attempts} attempts</span>}
      {state === 'pending' && entry.post.queuePosition !== undefined && (
        <span className="muted" data-testid="reply-queue">
          place {entry.post.queuePosition} in the queue
          {entry.post.estimatedAt ? `, expected about ${formatDateTime(entry.post.estimatedAt)}` : ''}
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
            {busy ? 'Retrying…' : 'Retry'}
          </button>
        </>
      )}
      {error && (
        <span className="error-text" role="alert">
          {error}
        </span>
      )}
    </div>
  )
}

export function Thread({ grievance }: { grievance: Grievance }) {
  if (grievance.thread.length === 0) return <p className="muted">No messages yet.</p>
  return (
    <ol className="thread" aria-label="Thread">
      {grievance.thread.map((entry) => (
        <li
          key={entry.id}
          className={`thread-entry kind-${entry.kind}`}
          data-testid="thread-entry"
          data-kind={entry.kind}
          data-post-state={entry.kind === 'reply' ? (entry.post?.state ?? 'pending') : undefined}
        >
          <div className="thread-meta">
            <span className="kind">{KIND_LABELS[entry.kind]}</span>
            {entry.by && (
              <span className="by">
                {entry.kind === 'citizen' && '@'}
                <UntrustedText text={entry.by} />
              </span>
            )}
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
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
