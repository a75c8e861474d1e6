// Administration: the configuration's versions (who saved what, when, and rolling back to
// any of them as a new version), the editors of the acknowledgement texts (placeholders
// checked and X's weighted length shown while typing), reply templates, divisions with
// their Hindi names and affiliated accounts — each saved as one new version — and export
// and import of the whole configuration as a file.
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CONFIG_PATHS,
  ConfigSaved,
  ConfigVersions,
  acknowledgementProblems,
  acknowledgementWeight,
  checkOrgConfig,
  type ConfigProblem,
  type ConfigVersionInfo,
} from '../../../../../shared/config'
import { LIMITS } from '../../../../../shared/limits'
import type { OrgConfig, ReplyTemplate } from '../../../../../shared/org'
import { MAX_TWEET_WEIGHT } from '../../../../../shared/text'
import { ProblemText } from '../../../components/ProblemText'
import { problemFromError, useFormat, type Problem } from '../../../i18n'
import { downloadExport, staffGet, staffSend } from '../../../lib/staff-api'
import { useOrgConfig, type OrgConfigState } from '../config/useOrgConfig'

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')

function Problems({ problems, testId }: { problems: readonly ConfigProblem[]; testId: string }) {
  const { t } = useTranslation()
  if (problems.length === 0) return null
  return (
    <div role="alert" className="form-problem" data-testid={testId}>
      <strong>{t('admin.settings.problems')}</strong>
      <ul>
        {problems.map((p) => (
          <li key={`${p.path}:${p.message}`}>
            <code>{p.path}</code> {p.message}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The problems of the config with one section replaced, in that section only. */
function sectionProblems<K extends keyof OrgConfig>(org: OrgConfig, section: K, value: OrgConfig[K]): ConfigProblem[] {
  return checkOrgConfig({ ...org, [section]: value }).filter((p) => p.path.startsWith(section))
}

export function SettingsSection() {
  const { t } = useTranslation()
  const format = useFormat()
  const config = useOrgConfig()
  const [saved, setSaved] = useState<number | null>(null)
  const current = config.current
  return (
    <section className="admin-section settings-section" data-testid="admin-settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('admin.settings.title')}</h2>
      {config.problem && (
        <p role="alert" className="form-problem">
          <ProblemText problem={config.problem} />
        </p>
      )}
      {!current ? (
        <p>{t('admin.settings.loading')}</p>
      ) : (
        <>
          <p data-testid="config-current">
            {t('admin.settings.current', {
              version: current.version,
              author: current.author,
              at: format.dateTime(current.at),
            })}
          </p>
          {saved !== null && (
            <p role="status" data-testid="config-saved">
              {t('admin.settings.saved', { version: saved })}
            </p>
          )}
          <History config={config} onSaved={setSaved} />
          {/* Keyed by version: a new version (saved here or elsewhere) resets the drafts. */}
          <div key={current.version}>
            <AcknowledgeEditor config={config} onSaved={setSaved} />
            <TemplatesEditor config={config} onSaved={setSaved} />
            <DivisionsEditor config={config} onSaved={setSaved} />
            <AffiliatedEditor config={config} onSaved={setSaved} />
          </div>
          <Transfer config={config} onSaved={setSaved} />
        </>
      )}
    </section>
  )
}

interface EditorProps {
  config: OrgConfigState
  onSaved: (version: number) => void
}

function History({ config, onSaved }: EditorProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const [versions, setVersions] = useState<ConfigVersionInfo[]>([])
  const [problem, setProblem] = useState<Problem | null>(null)
  const currentVersion = config.current?.version
  useEffect(() => {
    staffGet(ConfigVersions, CONFIG_PATHS.versions).then(
      (v) => setVersions(v.versions),
      (e: unknown) => setProblem(problemFromError(e)),
    )
  }, [currentVersion])
  const rollBack = async (version: number) => {
    try {
      const result = await staffSend(ConfigSaved, 'POST', CONFIG_PATHS.rollback, { version })
      config.adopt(result)
      onSaved(result.current.version)
    } catch (e) {
      setProblem(problemFromError(e))
    }
  }
  return (
    <section aria-labelledby="config-history-title">
      <h3 id="config-history-title">{t('admin.settings.history')}</h3>
      {problem && (
        <p role="alert" className="form-problem">
          <ProblemText problem={problem} />
        </p>
      )}
      <table className="config-history" data-testid="config-history">
        <thead>
          <tr>
            <th scope="col">{t('admin.settings.version')}</th>
            <th scope="col">{t('admin.settings.author')}</th>
            <th scope="col">{t('admin.settings.at')}</th>
            <th scope="col">{t('admin.settings.comment')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.settings.rollBack')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} data-testid={`config-version-${v.version}`}>
              <th scope="row">{format.number(v.version)}</th>
              <td>{v.author}</td>
              <td>{format.dateTime(v.at)}</td>
              <td>
                {v.comment}
                {v.rolledBackFrom !== null && ` (${t('admin.settings.restored', { version: v.rolledBackFrom })})`}
              </td>
              <td>
                {v.version === currentVersion ? (
                  t('admin.settings.inForce')
                ) : (
                  <button
                    type="button"
                    data-testid={`config-rollback-${v.version}`}
                    aria-label={t('admin.settings.rollBackTo', { version: v.version })}
                    onClick={() => void rollBack(v.version)}
                  >
                    {t('admin.settings.rollBack')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function SaveButton({ config, disabled, testId }: { config: OrgConfigState; disabled: boolean; testId: string }) {
  const { t } = useTranslation()
  return (
    <button type="submit" data-testid={testId} disabled={disabled || config.saving}>
      {config.saving ? t('admin.settings.saving') : t('admin.settings.save')}
    </button>
  )
}

/**
 * The form of one configuration section: saving stores `value` as the section (a new
 * version); the section's problems and its save button close it, as `<name>-problems` and
 * `<name>-save`, and its heading (`title`) is `<name>-title`.
 */
/** The list with its `i`th entry patched (a row of a list editor changed). */
const patchAt = <T,>(list: readonly T[], i: number, patch: Partial<T>): T[] =>
  list.map((x, j) => (j === i ? { ...x, ...patch } : x))

function SectionForm<K extends keyof OrgConfig>({
  config,
  onSaved,
  section,
  value,
  name,
  title,
  problems,
  children,
}: EditorProps & {
  section: K
  value: OrgConfig[K]
  name: string
  title: string
  problems: readonly ConfigProblem[]
  children: ReactNode
}) {
  const save = async () => {
    const version = await config.saveSection(section, value, '')
    if (version !== null) onSaved(version)
  }
  return (
    <form
      aria-labelledby={`${name}-title`}
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <h3 id={`${name}-title`}>{title}</h3>
      {children}
      <Problems problems={problems} testId={`${name}-problems`} />
      <SaveButton config={config} disabled={problems.length > 0} testId={`${name}-save`} />
    </form>
  )
}

function AcknowledgeEditor(editor: EditorProps) {
  const { config } = editor
  const { t } = useTranslation()
  const format = useFormat()
  const org = config.current!.config
  const [draft, setDraft] = useState(org.acknowledge)
  const problems = useMemo(
    () => [
      ...acknowledgementProblems(org, draft.en, 'acknowledge.en'),
      ...acknowledgementProblems(org, draft.hi, 'acknowledge.hi'),
    ],
    [org, draft],
  )
  return (
    <SectionForm
      {...editor}
      section="acknowledge"
      value={draft}
      name="ack"
      title={t('admin.settings.acknowledge')}
      problems={problems}
    >
      <p id="ack-hint">{t('admin.settings.acknowledgeHint')}</p>
      <label className="inline">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })}
        />
        {t('admin.settings.acknowledgeEnabled')}
      </label>
      {(['en', 'hi'] as const).map((lang) => (
        <div key={lang}>
          <label>
            {t(lang === 'en' ? 'admin.settings.ackEn' : 'admin.settings.ackHi')}
            <textarea
              data-testid={`ack-${lang}`}
              lang={lang}
              rows={3}
              maxLength={LIMITS.replyChars}
              value={draft[lang]}
              aria-describedby={`ack-hint ack-${lang}-weight`}
              onChange={(e) => setDraft({ ...draft, [lang]: e.target.value })}
            />
          </label>
          <small id={`ack-${lang}-weight`} data-testid={`ack-${lang}-weight`} aria-live="polite">
            {t('admin.settings.weight', {
              weight: format.number(acknowledgementWeight(org, draft[lang])),
              max: format.number(MAX_TWEET_WEIGHT),
            })}
          </small>
        </div>
      ))}
    </SectionForm>
  )
}

function TemplatesEditor(editor: EditorProps) {
  const { config } = editor
  const { t } = useTranslation()
  const org = config.current!.config
  const [draft, setDraft] = useState<ReplyTemplate[]>(org.templates)
  const problems = useMemo(() => sectionProblems(org, 'templates', draft), [org, draft])
  const set = (i: number, patch: Partial<ReplyTemplate>) => setDraft((list) => patchAt(list, i, patch))
  return (
    <SectionForm
      {...editor}
      section="templates"
      value={draft}
      name="templates"
      title={t('admin.settings.templates')}
      problems={problems}
    >
      {draft.map((tpl, i) => (
        <fieldset key={i} className="config-row">
          <legend>{tpl.label || tpl.id}</legend>
          <label>
            {t('admin.settings.templateId')}
            <input value={tpl.id} maxLength={LIMITS.nameChars} onChange={(e) => set(i, { id: e.target.value })} />
          </label>
          <label>
            {t('admin.settings.templateLabel')}
            <input
              value={tpl.label}
              maxLength={LIMITS.reasonChars}
              onChange={(e) => set(i, { label: e.target.value })}
            />
          </label>
          <label>
            {t('admin.settings.templateLanguage')}
            <select value={tpl.language} onChange={(e) => set(i, { language: e.target.value === 'hi' ? 'hi' : 'en' })}>
              <option value="en">{t('admin.settings.english')}</option>
              <option value="hi">{t('admin.settings.hindi')}</option>
            </select>
          </label>
          <label>
            {t('admin.settings.templateText')}
            <textarea
              rows={3}
              lang={tpl.language}
              maxLength={LIMITS.replyChars}
              value={tpl.text}
              onChange={(e) => set(i, { text: e.target.value })}
            />
          </label>
          <button type="button" onClick={() => setDraft((list) => list.filter((_, j) => j !== i))}>
            {t('admin.settings.remove')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          setDraft((list) => [...list, { id: `template-${list.length + 1}`, label: '', language: 'en', text: '' }])
        }
      >
        {t('admin.settings.add')}
      </button>
    </SectionForm>
  )
}

type DivisionDraft = OrgConfig['divisions'][number]

/** An empty Hindi name is no Hindi name (the desk then shows the English one). */
function withNameHi(d: DivisionDraft, nameHi: string): DivisionDraft {
  const { nameHi: _old, ...rest } = d
  return nameHi ? { ...rest, nameHi } : rest
}

function DivisionsEditor(editor: EditorProps) {
  const { config } = editor
  const { t } = useTranslation()
  const org = config.current!.config
  const [draft, setDraft] = useState<DivisionDraft[]>(org.divisions)
  const problems = useMemo(
    () =>
      checkOrgConfig({ ...org, divisions: draft }).filter((p) =>
        /^(divisions|rules\.\d+\.division|defaultDivision|handles)/.test(p.path),
      ),
    [org, draft],
  )
  const set = (i: number, patch: Partial<DivisionDraft>) => setDraft((list) => patchAt(list, i, patch))
  return (
    <SectionForm
      {...editor}
      section="divisions"
      value={draft}
      name="divisions"
      title={t('admin.settings.divisions')}
      problems={problems}
    >
      {draft.map((d, i) => (
        <fieldset key={i} className="config-row" data-testid={`division-${i}`}>
          <legend>{d.name || d.id}</legend>
          <label>
            {t('admin.settings.divisionId')}
            <input value={d.id} maxLength={LIMITS.nameChars} onChange={(e) => set(i, { id: e.target.value })} />
          </label>
          <label>
            {t('admin.settings.divisionName')}
            <input value={d.name} maxLength={LIMITS.reasonChars} onChange={(e) => set(i, { name: e.target.value })} />
          </label>
          <label>
            {t('admin.settings.divisionNameHi')}
            <input
              lang="hi"
              value={d.nameHi ?? ''}
              maxLength={LIMITS.reasonChars}
              onChange={(e) => setDraft((list) => list.map((x, j) => (j === i ? withNameHi(x, e.target.value) : x)))}
            />
          </label>
          <button type="button" onClick={() => setDraft((list) => list.filter((_, j) => j !== i))}>
            {t('admin.settings.remove')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => setDraft((list) => [...list, { id: '', name: '', languages: ['en', 'hi'] }])}
      >
        {t('admin.settings.add')}
      </button>
    </SectionForm>
  )
}

function AffiliatedEditor(editor: EditorProps) {
  const { config } = editor
  const { t } = useTranslation()
  const org = config.current!.config
  const [usernames, setUsernames] = useState((org.affiliatedAccounts?.usernames ?? []).join('\n'))
  const [patterns, setPatterns] = useState((org.affiliatedAccounts?.patterns ?? []).join('\n'))
  const value = useMemo(() => ({ usernames: lines(usernames), patterns: lines(patterns) }), [usernames, patterns])
  const problems = useMemo(() => {
    const bad = value.patterns.filter((p) => {
      try {
        new RegExp(p, 'i')
        return p.length > 200
      } catch {
        return true
      }
    })
    return [
      ...sectionProblems(org, 'affiliatedAccounts', value),
      ...bad.map((p) => ({ path: 'affiliatedAccounts.patterns', message: p })),
    ]
  }, [org, value])
  return (
    <SectionForm
      {...editor}
      section="affiliatedAccounts"
      value={value}
      name="affiliated"
      title={t('admin.settings.affiliated')}
      problems={problems}
    >
      <p id="affiliated-hint">{t('admin.settings.affiliatedHint')}</p>
      <label>
        {t('admin.settings.usernames')}
        <textarea
          rows={4}
          value={usernames}
          aria-describedby="affiliated-hint"
          onChange={(e) => setUsernames(e.target.value)}
        />
      </label>
      <label>
        {t('admin.settings.patterns')}
        <textarea
          rows={3}
          value={patterns}
          aria-describedby="affiliated-hint"
          onChange={(e) => setPatterns(e.target.value)}
        />
      </label>
    </SectionForm>
  )
}

function Transfer({ config, onSaved }: EditorProps) {
  const { t } = useTranslation()
  const [note, setNote] = useState<string | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const exportFile = async () => {
    try {
      const file = await downloadExport('config-export', CONFIG_PATHS.export, {})
      setNote(t('admin.settings.exported', { file: file.filename }))
      setProblem(null)
    } catch (e) {
      setProblem(problemFromError(e))
    }
  }
  const importFile = async (file: File | undefined) => {
    if (!file) return
    let document: unknown
    try {
      document = JSON.parse(await file.text())
    } catch {
      setNote(t('admin.settings.badFile'))
      return
    }
    try {
      const result = await staffSend(ConfigSaved, 'POST', CONFIG_PATHS.import, document)
      config.adopt(result)
      onSaved(result.current.version)
      setNote(t('admin.settings.imported', { version: result.current.version }))
      setProblem(null)
    } catch (e) {
      setProblem(problemFromError(e))
    }
  }
  return (
    <section aria-labelledby="transfer-title">
      <h3 id="transfer-title">{t('admin.settings.transfer')}</h3>
      <button type="button" data-testid="config-export" onClick={() => void exportFile()}>
        {t('admin.settings.export')}
      </button>
      <label>
        {t('admin.settings.import')}
        <input
          type="file"
          accept="application/json,.json"
          data-testid="config-import"
          onChange={(e) => void importFile(e.target.files?.[0])}
        />
      </label>
      {note && <p role="status">{note}</p>}
      {problem && (
        <p role="alert" className="form-problem">
          <ProblemText problem={problem} />
        </p>
      )}
    </section>
  )
}
