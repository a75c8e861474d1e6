// Administration: the keyword rules. The list shows each rule's division, terms,
// exclusions, handle scope, priority boost and whether it is on; editing or adding one
// opens the editor, where "Preview" runs the candidate over the tweets captured in the
// last days (what it would pull in, drop or move, with examples and a flood warning) and
// "Enable and save" saves the rules as a new configuration version.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CONFIG_PATHS,
  RulesPreview,
  checkOrgConfig,
  type ConfigProblem,
  type PreviewExample,
} from '../../../../../shared/config'
import { LIMITS } from '../../../../../shared/limits'
import type { KeywordRule, OrgConfig } from '../../../../../shared/org'
import { ProblemText } from '../../../components/ProblemText'
import { problemFromError, useFormat, type Problem } from '../../../i18n'
import { staffSend } from '../../../lib/staff-api'
import { useOrgConfig } from '../config/useOrgConfig'

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')

interface Draft {
  /** The id of the rule being edited; null for a new rule. */
  editing: string | null
  id: string
  division: string
  terms: string
  exclude: string
  handles: string
  priorityBoost: number
  enabled: boolean
}

function draftOf(rule: KeywordRule | null, defaultDivision: string): Draft {
  return {
    editing: rule?.id ?? null,
    id: rule?.id ?? '',
    division: rule?.division ?? defaultDivision,
    terms: rule?.terms.join('\n') ?? '',
    exclude: rule?.exclude.join('\n') ?? '',
    handles: rule?.handles?.join(', ') ?? '',
    priorityBoost: rule?.priorityBoost ?? 0,
    enabled: rule?.enabled ?? true,
  }
}

function ruleOf(d: Draft): KeywordRule {
  const handles = d.handles
    .split(',')
    .map((h) => h.trim().replace(/^@/, ''))
    .filter((h) => h !== '')
  return {
    id: d.id.trim(),
    division: d.division,
    terms: lines(d.terms),
    exclude: lines(d.exclude),
    ...(handles.length > 0 ? { handles } : {}),
    priorityBoost: d.priorityBoost,
    enabled: d.enabled,
  }
}

/** The rule set with the draft in place of the rule it edits (or added). */
function rulesWith(rules: readonly KeywordRule[], d: Draft): KeywordRule[] {
  const rule = ruleOf(d)
  return d.editing === null ? [...rules, rule] : rules.map((r) => (r.id === d.editing ? rule : r))
}

export function RulesSection() {
  const { t } = useTranslation()
  const format = useFormat()
  const config = useOrgConfig()
  const [draft, setDraft] = useState<Draft | null>(null)
  const [days, setDays] = useState(14)
  const [comment, setComment] = useState('')
  const [preview, setPreview] = useState<RulesPreview | null>(null)
  const [busy, setBusy] = useState<'preview' | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [savedVersion, setSavedVersion] = useState<number | null>(null)
  const org = config.current?.config

  const divisionName = (id: string | null): string => {
    const d = org?.divisions.find((x) => x.id === id)
    return d ? (format.language === 'hi' && d.nameHi ? d.nameHi : d.name) : (id ?? '')
  }

  // The candidate checked as the server will check it, while typing.
  const problems: ConfigProblem[] = useMemo(() => {
    if (!org || !draft) return []
    const candidate: OrgConfig = { ...org, rules: rulesWith(org.rules, draft) }
    return checkOrgConfig(candidate).filter((p) => p.path.startsWith('rules'))
  }, [org, draft])

  const open = (rule: KeywordRule | null) => {
    if (!org) return
    setDraft(draftOf(rule, org.defaultDivision))
    setPreview(null)
    setProblem(null)
    setSavedVersion(null)
  }
  const change = (patch: Partial<Draft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d))
    setPreview(null)
  }

  const runPreview = async () => {
    if (!org || !draft) return
    setBusy('preview')
    setProblem(null)
    try {
      setPreview(
        await staffSend(RulesPreview, 'POST', CONFIG_PATHS.rulesPreview, { rules: rulesWith(org.rules, draft), days }),
      )
    } catch (error) {
      setProblem(problemFromError(error))
    } finally {
      setBusy(null)
    }
  }

  const save = async () => {
    if (!org || !draft) return
    const version = await config.saveSection('rules', rulesWith(org.rules, draft), comment)
    if (version !== null) {
      setSavedVersion(version)
      setDraft(null)
      setPreview(null)
      setComment('')
    }
  }

  const verdict = (v: PreviewExample['before']): string =>
    v.band === 'ignore'
      ? t('admin.rules.ignored')
      : t('admin.rules.band', {
          band: t(v.band === 'ticket' ? 'admin.rules.bandTicket' : 'admin.rules.bandReview'),
          division: divisionName(v.division),
        })

  return (
    <section className="admin-section rules-section" data-testid="admin-rules" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('admin.rules.title')}</h2>
      <p className="rules-intro">{t('admin.rules.intro')}</p>
      {config.problem && (
        <p role="alert" className="form-problem">
          <ProblemText problem={config.problem} />
        </p>
      )}
      {!org ? (
        <p>{t('admin.rules.loading')}</p>
      ) : (
        <>
          <p className="rules-version">{t('admin.rules.version', { version: config.current!.version })}</p>
          {savedVersion !== null && !draft && (
            <p role="status" data-testid="rule-saved">
              {t('admin.rules.saved', { version: savedVersion })}
            </p>
          )}
          <table className="rules-table" aria-label={t('admin.rules.table')}>
            <thead>
              <tr>
                <th scope="col">{t('admin.rules.id')}</th>
                <th scope="col">{t('admin.rules.division')}</th>
                <th scope="col">{t('admin.rules.terms')}</th>
                <th scope="col">{t('admin.rules.exclude')}</th>
                <th scope="col">{t('admin.rules.handles')}</th>
                <th scope="col">{t('admin.rules.boost')}</th>
                <th scope="col">{t('admin.rules.enabled')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.rules.edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {org.rules.map((r) => (
                <tr key={r.id} data-testid={`rule-row-${r.id}`}>
                  <th scope="row">{r.id}</th>
                  <td>{divisionName(r.division)}</td>
                  <td className="rule-terms-cell">{format.list(r.terms)}</td>
                  <td>{format.list(r.exclude)}</td>
                  <td>{r.handles?.length ? format.list(r.handles.map((h) => `@${h}`)) : t('admin.rules.anyHandle')}</td>
                  <td>{format.number(r.priorityBoost)}</td>
                  <td>{r.enabled ? t('admin.rules.on') : t('admin.rules.off')}</td>
                  <td>
                    <button type="button" onClick={() => open(r)} aria-label={t('admin.rules.editRule', { id: r.id })}>
                      {t('admin.rules.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!draft && (
            <button type="button" data-testid="rule-add" onClick={() => open(null)}>
              {t('admin.rules.add')}
            </button>
          )}
          {draft && (
            <form
              className="rule-editor"
              aria-label={draft.editing ? t('admin.rules.editRule', { id: draft.editing }) : t('admin.rules.newRule')}
              onSubmit={(e) => {
                e.preventDefault()
                void save()
              }}
            >
              <h3>{draft.editing ? t('admin.rules.editRule', { id: draft.editing }) : t('admin.rules.newRule')}</h3>
              <label>
                {t('admin.rules.id')}
                <input
                  data-testid="rule-id"
                  value={draft.id}
                  maxLength={LIMITS.nameChars}
                  aria-describedby="rule-id-hint"
                  onChange={(e) => change({ id: e.target.value })}
                />
              </label>
              <small id="rule-id-hint">{t('admin.rules.idHint')}</small>
              <label>
                {t('admin.rules.division')}
                <select
                  data-testid="rule-division"
                  value={draft.division}
                  onChange={(e) => change({ division: e.target.value })}
                >
                  {org.divisions.map((d) => (
                    <option key={d.id} value={d.id}>
                      {divisionName(d.id)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('admin.rules.terms')}
                <textarea
                  data-testid="rule-terms"
                  rows={5}
                  lang="hi"
                  value={draft.terms}
                  aria-describedby="rule-terms-hint"
                  onChange={(e) => change({ terms: e.target.value })}
                />
              </label>
              <small id="rule-terms-hint">{t('admin.rules.termsHint')}</small>
              <label>
                {t('admin.rules.exclude')}
                <textarea
                  data-testid="rule-exclude"
                  rows={3}
                  value={draft.exclude}
                  aria-describedby="rule-exclude-hint"
                  onChange={(e) => change({ exclude: e.target.value })}
                />
              </label>
              <small id="rule-exclude-hint">{t('admin.rules.excludeHint')}</small>
              <label>
                {t('admin.rules.handles')}
                <input
                  data-testid="rule-handles"
                  value={draft.handles}
                  aria-describedby="rule-handles-hint"
                  onChange={(e) => change({ handles: e.target.value })}
                />
              </label>
              <small id="rule-handles-hint">{t('admin.rules.handlesHint')}</small>
              <label>
                {t('admin.rules.boost')}
                <select value={draft.priorityBoost} onChange={(e) => change({ priorityBoost: Number(e.target.value) })}>
                  {[0, 1, 2, 3].map((n) => (
                    <option key={n} value={n}>
                      {format.number(n)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={draft.enabled}
                  onChange={(e) => change({ enabled: e.target.checked })}
                />
                {t('admin.rules.enabled')}
              </label>
              <label>
                {t('admin.rules.days')}
                <input
                  type="number"
                  min={1}
                  max={LIMITS.rulesPreviewMaxDays}
                  value={days}
                  onChange={(e) =>
                    setDays(Math.min(LIMITS.rulesPreviewMaxDays, Math.max(1, Math.round(Number(e.target.value) || 1))))
                  }
                />
              </label>
              <label>
                {t('admin.rules.comment')}
                <input value={comment} maxLength={LIMITS.reasonChars} onChange={(e) => setComment(e.target.value)} />
              </label>
              {problems.length > 0 && (
                <div role="alert" className="form-problem" data-testid="rule-problems">
                  <strong>{t('admin.rules.problems')}</strong>
                  <ul>
                    {problems.map((p) => (
                      <li key={`${p.path}:${p.message}`}>
                        <code>{p.path}</code> {p.message}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {problem && (
                <p role="alert" className="form-problem">
                  <ProblemText problem={problem} />
                </p>
              )}
              <div className="rule-actions">
                <button
                  type="button"
                  data-testid="rule-preview"
                  disabled={problems.length > 0 || busy !== null}
                  onClick={() => void runPreview()}
                >
                  {busy === 'preview' ? t('admin.rules.previewing') : t('admin.rules.preview')}
                </button>
                <button type="submit" data-testid="rule-save" disabled={problems.length > 0 || config.saving}>
                  {config.saving
                    ? t('admin.rules.saving')
                    : draft.enabled
                      ? t('admin.rules.enableSave')
                      : t('admin.rules.save')}
                </button>
                <button type="button" onClick={() => setDraft(null)}>
                  {t('admin.rules.cancel')}
                </button>
              </div>
              {preview && <PreviewResult preview={preview} verdict={verdict} />}
            </form>
          )}
        </>
      )}
    </section>
  )
}

function PreviewResult({
  preview,
  verdict,
}: {
  preview: RulesPreview
  verdict: (v: PreviewExample['before']) => string
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const percent = (share: number) => format.number(share, { style: 'percent', maximumFractionDigits: 1 })
  const kinds = ['pulledIn', 'dropped', 'moved'] as const
  return (
    <div className="rule-preview-result" data-testid="rule-preview-result" role="status" aria-live="polite">
      <h4>{t('admin.rules.previewTitle')}</h4>
      <p>
        {t('admin.rules.sample', { count: preview.sample, days: preview.days })}
        {preview.capped && ` ${t('admin.rules.capped', { count: preview.sample })}`}
      </p>
      <dl className="rule-preview-counts">
        {(['pulledIn', 'dropped', 'moved', 'unchanged'] as const).map((k) => (
          <div key={k} data-testid={`rule-preview-${k}`}>
            <dt>{t(`admin.rules.${k}`)}</dt>
            <dd>{format.number(preview.counts[k])}</dd>
          </div>
        ))}
      </dl>
      <p>
        {t('admin.rules.perDay', { count: preview.flood.pulledInPerDay })}.{' '}
        {t('admin.rules.share', {
          today: percent(preview.flood.todayShare),
          candidate: percent(preview.flood.candidateShare),
        })}
      </p>
      {preview.flood.warning ? (
        <p className="rule-flood" data-testid="rule-flood" role="alert">
          {t('admin.rules.flood')}
          {preview.flood.floodingRules.length > 0 &&
            ` ${t('admin.rules.floodingRules', { rules: format.list(preview.flood.floodingRules) })}`}
        </p>
      ) : (
        <p>{t('admin.rules.noFlood')}</p>
      )}
      {kinds.map((k) => (
        <details key={k} open={k === 'pulledIn' && preview.examples.pulledIn.length > 0}>
          <summary>
            {t(`admin.rules.${k}`)} — {t('admin.rules.examples')} ({format.number(preview.examples[k].length)})
          </summary>
          {preview.examples[k].length === 0 ? (
            <p>{t('admin.rules.noExamples')}</p>
          ) : (
            <ul className="rule-examples">
              {preview.examples[k].map((e) => (
                <li key={e.tweetId}>
                  <q>{e.text}</q>
                  <br />
                  <small>
                    {t('admin.rules.before', { verdict: verdict(e.before) })} ·{' '}
                    {t('admin.rules.after', { verdict: verdict(e.after) })}
                  </small>
                </li>
              ))}
            </ul>
          )}
        </details>
      ))}
    </div>
  )
}
