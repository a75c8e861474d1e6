import { useMemo, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { Grievance } from '../../../../shared/grievance'
import { LIMITS } from '../../../../shared/limits'
import { fillTemplate } from '../../../../shared/org'
import {
  findPii,
  MAX_TWEET_WEIGHT,
  replyAsPosted,
  replyText,
  ticketRef,
  weightedLength,
  type ReplyValues,
} from '../../../../shared/text/index'
import { LimitCount, overLimit } from '../../components/LimitCount'
import { UndoDelaySelect } from './UndoDelaySelect'
import { ProblemText } from '../../components/ProblemText'
import { UntrustedText } from '../../components/UntrustedText'
import { useFormat } from '../../i18n'
import { replyLanguage } from '../../lib/lang'
import { divisionName, useOrgStore } from '../../store/org-store'
import { usePendingSends } from '../../store/pending-send-store'
import { useUiStore } from '../../store/ui-store'
import { useSubmitAction } from '../grievance/useSubmitAction'
import { CollisionWarning } from '../presence/CollisionWarning'
import { UndoSendBanner } from '../presence/UndoSendBanner'
import { COMPOSER_TEXT_ID } from '../queue/useTriageKeys'
import { piiWarning, postsProblem, urlCostWarning } from './words'

// The field holds a reply or a note; a note may be longer, so the field stops at the
// note limit and Send refuses a reply past the reply limit.
const FIELD_MAX = Math.max(LIMITS.noteChars, LIMITS.replyChars)

/** Reply composer: counts what will be posted, offers a thread, and a PII guard that blocks Send. */
export function Composer({ grievance }: { grievance: Grievance }) {
  const org = useOrgStore((s) => s.org)
  const text = useUiStore((s) => s.drafts[grievance.id] ?? '')
  const setDraft = useUiStore((s) => s.setDraft)
  const { submit, busy, error } = useSubmitAction(grievance.id)
  // The catalogue key of what was just sent, so it reads in the current language.
  const [sentNote, setSentNote] = useState<'composer.replyQueued' | 'composer.noteAdded' | null>(null)
  const { t } = useTranslation()
  const format = useFormat()
  const queueReply = usePendingSends((s) => s.queue)

  // The same values the server fills in (English division name), so the count is exact.
  const divisionEn = org?.divisions.find((d) => d.id === grievance.division)?.name
  const values = useMemo<ReplyValues>(
    () => ({ ticket: grievance.ticket, name: grievance.source.authorUsername, division: divisionEn }),
    [grievance.ticket, grievance.source.authorUsername, divisionEn],
  )
  const trimmed = text.trim()
  const empty = trimmed === ''
  const replyTooLong = overLimit(trimmed, LIMITS.replyChars)
  const noteTooLong = overLimit(trimmed, LIMITS.noteChars)
  // Past the reply limit there is no reply to shape; skip the work.
  const posts = useMemo(() => (replyTooLong ? [] : replyAsPosted(text, values)), [text, values, replyTooLong])
  const fullText = useMemo(() => (replyTooLong ? '' : replyText(text, values)), [text, values, replyTooLong])
  const pii = useMemo(() => findPii(replyTooLong ? trimmed : fullText), [fullText, trimmed, replyTooLong])
  const weights = useMemo(() => posts.map((p) => weightedLength(p)), [posts])
  const problem = empty || replyTooLong ? null : postsProblem(posts, t)
  const urlCost = empty ? null : urlCostWarning(posts, t)
  const ref = ticketRef(grievance.ticket)
  const refAdded = fullText.endsWith(` ${ref}`) && !trimmed.endsWith(ref)
  const asThread = posts.length > 1
  const canSend = !busy && !empty && !replyTooLong && problem === null && pii.length === 0
  const canNote = !busy && !empty && !noteTooLong
  const language = replyLanguage(text)
  const templates = org?.templates ?? []
  const weight = weights[0] ?? 0

  function applyTemplate(id: string) {
    const template = templates.find((t) => t.id === id)
    if (!template) return
    setDraft(
      grievance.id,
      fillTemplate(template.text, {
        ticket: grievance.ticket,
        name: grievance.source.authorUsername,
        division: divisionName(org, grievance.division, template.language),
      }),
    )
  }

  async function send(kind: 'reply' | 'note') {
    if (kind === 'reply' ? !canSend : !canNote) return
    const body =
      kind === 'reply' ? { type: 'reply' as const, text: trimmed, language } : { type: 'note' as const, text: trimmed }
    // Undo send: a reply waits in the pending-send store (false: the officer turned the delay off).
    if (body.type === 'reply' && (await queueReply(grievance.id, body))) {
      setDraft(grievance.id, '')
      setSentNote(null)
      return
    }
    if (await submit(body)) {
      setDraft(grievance.id, '')
      setSentNote(kind === 'reply' ? 'composer.replyQueued' : 'composer.noteAdded')
    }
  }

  return (
    <div className="composer" data-testid="composer">
      <div className="composer-head">
        <label htmlFor={COMPOSER_TEXT_ID}>
          <Trans
            t={t}
            i18nKey="composer.replyTo"
            components={{ name: <UntrustedText text={grievance.source.authorUsername} /> }}
          />
        </label>
        <select
          data-testid="template-picker"
          aria-label={t('composer.template')}
          value=""
          onChange={(e) => applyTemplate(e.target.value)}
          disabled={templates.length === 0}
        >
          <option value="">{t('composer.templatePlaceholder')}</option>
          {(['en', 'hi'] as const).map((lang) => (
            <optgroup key={lang} label={t(`composer.templateGroup.${lang}`)}>
              {templates
                .filter((t) => t.language === lang)
                .map((t) => (
                  <option key={t.id} value={t.id} lang={lang} data-untrusted>
                    {t.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <textarea
        id={COMPOSER_TEXT_ID}
        data-testid="composer-text"
        rows={4}
        lang={language}
        dir="auto"
        value={text}
        maxLength={FIELD_MAX}
        placeholder={t('composer.placeholder')}
        aria-invalid={replyTooLong || problem !== null || pii.length > 0}
        onChange={(e) => {
          setDraft(grievance.id, e.target.value)
          setSentNote(null)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && canSend) {
            e.preventDefault()
            void send('reply')
          }
        }}
      />
      <CollisionWarning grievance={grievance} />
      {pii.length > 0 && (
        <p className="warning" role="alert" data-testid="composer-pii">
          {piiWarning(pii, t, format.list)}
        </p>
      )}
      {urlCost && (
        <p className="warning" data-testid="composer-url-cost">
          {urlCost}
        </p>
      )}
      {asThread && !problem && (
        <div className="thread-preview" data-testid="composer-thread">
          <span className="muted">{t('composer.threadOf', { count: posts.length })}</span>
          <ol>
            {posts.map((post, i) => (
              <li key={i} data-testid="composer-post" data-weight={weights[i]}>
                <span className="count">
                  {weights[i]} / {MAX_TWEET_WEIGHT}
                </span>{' '}
                <UntrustedText text={post} />
              </li>
            ))}
          </ol>
        </div>
      )}
      {(replyTooLong || problem) && (
        <p className="error" role="alert" data-testid="composer-limit">
          {noteTooLong
            ? t('composer.noteTooLong', { length: trimmed.length, max: LIMITS.noteChars })
            : replyTooLong
              ? t('composer.replyTooLong', { length: trimmed.length, max: LIMITS.replyChars })
              : problem}
        </p>
      )}
      <div className="composer-foot">
        <span
          data-testid="composer-count"
          className={
            problem || replyTooLong
              ? 'count over'
              : !asThread && weight > MAX_TWEET_WEIGHT - 20
                ? 'count near'
                : 'count'
          }
          aria-live="polite"
          data-posts={posts.length}
          data-weight={weight}
          title={refAdded ? t('composer.withRef', { ref }) : undefined}
        >
          {asThread ? weights.map((w, i) => `${i + 1}/${posts.length}: ${w}`).join(' · ') : weight} / {MAX_TWEET_WEIGHT}
        </span>
        <LimitCount text={trimmed} max={LIMITS.replyChars} testId="composer-chars" />
        <span className="spacer" />
        <UndoDelaySelect />
        {sentNote && <span className="muted">{t(sentNote)}</span>}
        <button
          data-testid="composer-note"
          disabled={!canNote}
          onClick={() => void send('note')}
          title={t('composer.noteTitle')}
        >
          {t('composer.addNote')}
        </button>
        <button
          data-testid="composer-send"
          className="primary"
          disabled={!canSend}
          data-posts={posts.length}
          onClick={() => void send('reply')}
        >
          {asThread ? t('composer.sendThread', { count: posts.length }) : t('composer.send')}
        </button>
      </div>
      <UndoSendBanner grievanceId={grievance.id} />
      {error && (
        <p className="error" role="alert">
          <ProblemText problem={error} />
        </p>
      )}
    </div>
  )
}
