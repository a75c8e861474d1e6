import { useMemo, useState } from 'react'
import type { Grievance } from '../../../../shared/grievance'
import { fillTemplate } from '../../../../shared/org'
import { findPii, MAX_TWEET_WEIGHT, piiMessage, weightedLength } from '../../../../shared/text/index'
import { replyLanguage } from '../../lib/lang'
import { divisionName, useOrgStore } from '../../store/org-store'
import { useUiStore } from '../../store/ui-store'
import { useSubmitAction } from '../grievance/useSubmitAction'
import { COMPOSER_TEXT_ID } from '../queue/useTriageKeys'

/** Reply composer: X's weighted count, templates, and a PII guard that blocks Send. */
export function Composer({ grievance }: { grievance: Grievance }) {
  const org = useOrgStore((s) => s.org)
  const text = useUiStore((s) => s.drafts[grievance.id] ?? '')
  const setDraft = useUiStore((s) => s.setDraft)
  const { submit, busy, error } = useSubmitAction(grievance.id)
  const [sentNote, setSentNote] = useState<string | null>(null)

  const weight = useMemo(() => weightedLength(text), [text])
  const pii = useMemo(() => findPii(text), [text])
  const overLimit = weight > MAX_TWEET_WEIGHT
  const empty = text.trim() === ''
  const language = replyLanguage(text)
  const templates = org?.templates ?? []

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
    const body =
      kind === 'reply'
        ? { type: 'reply' as const, text: text.trim(), language }
        : { type: 'note' as const, text: text.trim() }
    if (await submit(body)) {
      setDraft(grievance.id, '')
      setSentNote(kind === 'reply' ? 'Reply queued for posting.' : 'Note added.')
    }
  }

  return (
    <div className="composer">
      <div className="composer-head">
        <label htmlFor={COMPOSER_TEXT_ID}>Reply to @{grievance.source.authorUsername}</label>
        <select
          data-testid="template-picker"
          aria-label="Insert a template"
          value=""
          onChange={(e) => applyTemplate(e.target.value)}
          disabled={templates.length === 0}
        >
          <option value="">Template…</option>
          {(['en', 'hi'] as const).map((lang) => (
            <optgroup key={lang} label={lang === 'en' ? 'English' : 'हिंदी'}>
              {templates
                .filter((t) => t.language === lang)
                .map((t) => (
                  <option key={t.id} value={t.id} lang={lang}>
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
        value={text}
        placeholder="Write a reply (r) — Hindi or English. Ctrl+Enter sends."
        aria-invalid={overLimit || pii.length > 0}
        onChange={(e) => {
          setDraft(grievance.id, e.target.value)
          setSentNote(null)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !empty && !overLimit && pii.length === 0 && !busy) {
            e.preventDefault()
            void send('reply')
          }
        }}
      />
      {pii.length > 0 && (
        <p className="warning" role="alert" data-testid="composer-pii">
          {piiMessage(pii)}
        </p>
      )}
      <div className="composer-foot">
        <span
          data-testid="composer-count"
          className={overLimit ? 'count over' : weight > MAX_TWEET_WEIGHT - 20 ? 'count near' : 'count'}
          aria-live="polite"
          data-over={overLimit || undefined}
        >
          {weight} / {MAX_TWEET_WEIGHT}
        </span>
        {overLimit && (
          <span className="error-text">Too long for one post: shorten by {weight - MAX_TWEET_WEIGHT}.</span>
        )}
        <span className="spacer" />
        {sentNote && <span className="muted">{sentNote}</span>}
        <button
          data-testid="composer-note"
          disabled={busy || empty}
          onClick={() => void send('note')}
          title="Internal: never posted"
        >
          Add note
        </button>
        <button
          data-testid="composer-send"
          className="primary"
          disabled={busy || empty || overLimit || pii.length > 0}
          onClick={() => void send('reply')}
        >
          Send reply
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
