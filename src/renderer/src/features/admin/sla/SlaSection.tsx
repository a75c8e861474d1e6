// Administration: the SLA policy and the working calendar — targets per priority (and per
// division) for the first response and the resolution, working hours or round the clock,
// the CPGRAMS limits, the at-risk share and escalation, working days, hours, time zone and
// holidays. Every field is checked by the shared contract while typing, with its problem
// beside it; a preview computes with the shared engine when a grievance opened now would be
// due. Saving stores the policy as one new configuration version (audited on the server,
// in force at once on every instance), through the same section save the settings use.
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PRIORITIES, type Priority, type SlaClock } from '../../../../../shared/grievance'
import type { OrgConfig } from '../../../../../shared/org'
import { legacySlaPolicy, SLA_PATHS, SlaDefaultHolidays, type Holiday } from '../../../../../shared/sla'
import { ProblemText } from '../../../components/ProblemText'
import { problemFromError, useFormat, type Problem } from '../../../i18n'
import { staffGet } from '../../../lib/staff-api'
import { useOrgConfig, type OrgConfigState } from '../config/useOrgConfig'
import { fieldId, invalidProps, ProblemNote, TextField } from './fields'
import { HolidaysEditor } from './HolidaysEditor'
import {
  defaultPolicy,
  draftFromPolicy,
  draftToPolicy,
  previewDueTimes,
  type FieldProblem,
  type OverrideDraft,
  type SlaDraft,
  type TargetDraft,
} from './sla-form'

const CLOCKS: readonly SlaClock[] = ['business', '24x7']
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const
const KNOWN_ZONES = ['Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Dhaka', 'Asia/Colombo', 'UTC'] as const

export function SlaSection() {
  const { t } = useTranslation()
  const config = useOrgConfig()
  const [saved, setSaved] = useState<number | null>(null)
  const [defaults, setDefaults] = useState<SlaDefaultHolidays | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  useEffect(() => {
    staffGet(SlaDefaultHolidays, SLA_PATHS.defaultHolidays).then(setDefaults, (e: unknown) =>
      setProblem(problemFromError(e)),
    )
  }, [])
  const current = config.current
  return (
    <section className="admin-section sla-section" data-testid="admin-sla" aria-labelledby="sla-title">
      <h2 id="sla-title">{t('admin.sla.title')}</h2>
      <p>{t('admin.sla.intro')}</p>
      {(config.problem ?? problem) && (
        <p role="alert" className="form-problem">
          <ProblemText problem={(config.problem ?? problem)!} />
        </p>
      )}
      {saved !== null && (
        <p role="status" data-testid="sla-saved">
          {t('admin.sla.saved', { version: saved })}
        </p>
      )}
      {!current ? (
        <p>{t('admin.sla.loading')}</p>
      ) : (
        // Keyed by version: a new version (saved here or elsewhere) starts the draft afresh.
        <SlaEditor
          key={current.version}
          config={config}
          org={current.config}
          defaults={defaults?.holidays ?? null}
          onSaved={setSaved}
        />
      )}
    </section>
  )
}

interface EditorProps {
  config: OrgConfigState
  org: OrgConfig
  defaults: readonly Holiday[] | null
  onSaved: (version: number) => void
}

function SlaEditor({ config, org, defaults, onSaved }: EditorProps) {
  const { t } = useTranslation()
  const divisionIds = useMemo(() => org.divisions.map((d) => d.id), [org])
  const [draft, setDraftState] = useState<SlaDraft>(() =>
    draftFromPolicy(org.slaPolicy ?? legacySlaPolicy(org.sla), divisionIds),
  )
  const setDraft = (update: (d: SlaDraft) => SlaDraft) => setDraftState(update)
  const result = useMemo(() => draftToPolicy(draft, divisionIds), [draft, divisionIds])
  const problems = result.problems
  const save = async () => {
    if (!result.policy) return
    const version = await config.saveSection('slaPolicy', result.policy, t('admin.sla.saveComment'))
    if (version !== null) onSaved(version)
  }
  return (
    <form
      aria-labelledby="sla-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      {!org.slaPolicy && <p data-testid="sla-legacy">{t('admin.sla.legacy')}</p>}
      <button
        type="button"
        data-testid="sla-use-defaults"
        onClick={() => setDraftState({ ...draftFromPolicy(defaultPolicy(), divisionIds), version: draft.version })}
      >
        {t('admin.sla.useDefaults')}
      </button>
      <TargetsTable draft={draft} setDraft={setDraft} problems={problems} />
      <DivisionOverrides draft={draft} setDraft={setDraft} problems={problems} org={org} />
      <RulesFields draft={draft} setDraft={setDraft} problems={problems} />
      <CalendarFields draft={draft} setDraft={setDraft} problems={problems} />
      <HolidaysEditor draft={draft} setDraft={setDraft} defaults={defaults} problems={problems} />
      <Preview policy={result.policy} defaults={defaults} org={org} />
      <p aria-live="polite" className={problems.length > 0 ? 'form-problem' : undefined} data-testid="sla-problems">
        {problems.length > 0 && t('admin.sla.fieldsWrong', { count: problems.length })}
      </p>
      <button type="submit" data-testid="sla-save" disabled={problems.length > 0 || config.saving}>
        {config.saving ? t('admin.sla.saving') : t('admin.sla.save')}
      </button>
    </form>
  )
}

interface PartProps {
  draft: SlaDraft
  setDraft: (update: (d: SlaDraft) => SlaDraft) => void
  problems: readonly FieldProblem[]
}

function TargetsTable({ draft, setDraft, problems }: PartProps) {
  const { t } = useTranslation()
  const set = (p: Priority, patch: Partial<TargetDraft>) =>
    setDraft((d) => ({ ...d, targets: { ...d.targets, [p]: { ...d.targets[p], ...patch } } }))
  return (
    <section aria-labelledby="sla-targets-title">
      <h3 id="sla-targets-title">{t('admin.sla.targets')}</h3>
      <table className="sla-targets" data-testid="sla-targets">
        <caption>{t('admin.sla.targetsCaption')}</caption>
        <PriorityHead />
        <tbody>
          {PRIORITIES.map((p) => {
            const priority = t(`common.priority.${p}`)
            const row = draft.targets[p]
            return (
              <tr key={p}>
                <th scope="row">{priority}</th>
                <HoursCells
                  path={`targets.${p}`}
                  row={row}
                  labels={{
                    firstResponseHours: t('admin.sla.firstResponseFor', { priority }),
                    resolutionHours: t('admin.sla.resolutionFor', { priority }),
                  }}
                  problems={problems}
                  onChange={(patch) => set(p, patch)}
                />
                <td>
                  <ClockSelect
                    label={t('admin.sla.clockFor', { priority })}
                    testId={fieldId(`targets.${p}.clock`)}
                    value={row.clock}
                    onChange={(clock) => set(p, { clock: clock === '24x7' ? '24x7' : 'business' })}
                  />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

/** An input in a table cell: its label is for screen readers, the column header shows it. */
function HoursInput(props: {
  path: string
  label: string
  value: string
  problems: readonly FieldProblem[]
  onChange: (v: string) => void
  placeholder?: string
}) {
  const id = fieldId(props.path)
  return (
    <>
      <input
        id={id}
        data-testid={id}
        className="sla-hours"
        aria-label={props.label}
        inputMode="decimal"
        maxLength={16}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
        {...invalidProps(props.problems, props.path)}
      />
      <ProblemNote problems={props.problems} path={props.path} />
    </>
  )
}

/** The two hour fields of a row of targets, as typed. */
type HoursRow = Pick<TargetDraft, 'firstResponseHours' | 'resolutionHours'>
const HOURS_FIELDS = ['firstResponseHours', 'resolutionHours'] as const

/** The two hour cells of a row of targets, for the org-wide table and a division's overrides alike. */
function HoursCells(props: {
  /** The policy path of the row ("targets.high", "divisions.cyber.high"). */
  path: string
  row: HoursRow
  labels: HoursRow
  placeholders?: HoursRow
  problems: readonly FieldProblem[]
  onChange: (patch: Partial<HoursRow>) => void
}) {
  return (
    <>
      {HOURS_FIELDS.map((field) => (
        <td key={field}>
          <HoursInput
            path={`${props.path}.${field}`}
            label={props.labels[field]}
            value={props.row[field]}
            placeholder={props.placeholders?.[field]}
            problems={props.problems}
            onChange={(v) => props.onChange({ [field]: v })}
          />
        </td>
      ))}
    </>
  )
}

/** The column headers of the per-priority tables (targets, overrides, preview); the preview names its due times. */
function PriorityHead({
  firstResponse = 'admin.sla.column.firstResponse',
  resolution = 'admin.sla.column.resolution',
}: {
  firstResponse?: string
  resolution?: string
}) {
  const { t } = useTranslation()
  return (
    <thead>
      <tr>
        <th scope="col">{t('admin.sla.column.priority')}</th>
        <th scope="col">{t(firstResponse)}</th>
        <th scope="col">{t(resolution)}</th>
        <th scope="col">{t('admin.sla.column.clock')}</th>
      </tr>
    </thead>
  )
}

/** The clock of a row; a division's override may also inherit it from the org-wide target (''). */
function ClockSelect(props: {
  label: string
  value: SlaClock | ''
  testId?: string
  inherit?: boolean
  onChange: (clock: SlaClock | '') => void
}) {
  const { t } = useTranslation()
  return (
    <select
      aria-label={props.label}
      data-testid={props.testId}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value === '24x7' || e.target.value === 'business' ? e.target.value : '')}
    >
      {props.inherit && <option value="">{t('admin.sla.inherit')}</option>}
      {CLOCKS.map((c) => (
        <option key={c} value={c}>
          {t(`admin.sla.clock.${c}`)}
        </option>
      ))}
    </select>
  )
}

function DivisionOverrides({ draft, setDraft, problems, org }: PartProps & { org: OrgConfig }) {
  const { t } = useTranslation()
  const format = useFormat()
  const nameOf = (id: string) => {
    const d = org.divisions.find((x) => x.id === id)
    return (format.language === 'hi' && d?.nameHi) || d?.name || id
  }
  const set = (division: string, p: Priority, patch: Partial<OverrideDraft>) =>
    setDraft((d) => ({
      ...d,
      divisions: {
        ...d.divisions,
        [division]: { ...d.divisions[division]!, [p]: { ...d.divisions[division]![p], ...patch } },
      },
    }))
  return (
    <section aria-labelledby="sla-divisions-title">
      <h3 id="sla-divisions-title">{t('admin.sla.divisions')}</h3>
      <p id="sla-divisions-hint">{t('admin.sla.divisionsHint')}</p>
      {Object.entries(draft.divisions).map(([division, byPriority]) => {
        const name = nameOf(division)
        const count = PRIORITIES.reduce(
          (n, p) =>
            n +
            [byPriority[p].firstResponseHours.trim(), byPriority[p].resolutionHours.trim(), byPriority[p].clock].filter(
              (v) => v !== '',
            ).length,
          0,
        )
        const bad = problems.some((p) => p.path.startsWith(`divisions.${division}`))
        return (
          <details key={division} className="sla-division" data-testid={`sla-division-${division}`} open={bad}>
            <summary>{t('admin.sla.divisionSummary', { division: name, count })}</summary>
            <ProblemNote problems={problems} path={`divisions.${division}`} />
            <table className="sla-targets">
              <PriorityHead />
              <tbody>
                {PRIORITIES.map((p) => {
                  const priority = t(`common.priority.${p}`)
                  const row = byPriority[p]
                  const label = (field: string) => t('admin.sla.overrideFor', { division: name, priority, field })
                  return (
                    <tr key={p}>
                      <th scope="row">{priority}</th>
                      <HoursCells
                        path={`divisions.${division}.${p}`}
                        row={row}
                        labels={{
                          firstResponseHours: label(t('admin.sla.column.firstResponse')),
                          resolutionHours: label(t('admin.sla.column.resolution')),
                        }}
                        placeholders={draft.targets[p]}
                        problems={problems}
                        onChange={(patch) => set(division, p, patch)}
                      />
                      <td>
                        <ClockSelect
                          label={label(t('admin.sla.column.clock'))}
                          value={row.clock}
                          inherit
                          onChange={(clock) => set(division, p, { clock })}
                        />
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </details>
        )
      })}
    </section>
  )
}

/** The draft's fields that are one string each (typed numbers and times). */
type TextKey = { [K in keyof SlaDraft]: SlaDraft[K] extends string ? K : never }[keyof SlaDraft]

/** A text field bound to one string of the draft; `short` for the calendar's "HH:MM" and minute offsets. */
function DraftField({
  draft,
  setDraft,
  problems,
  name,
  path,
  label,
  hint,
  short,
}: PartProps & { name: TextKey; path: string; label: string; hint?: string; short?: boolean }) {
  return (
    <TextField
      label={label}
      path={path}
      inputMode={short ? 'numeric' : undefined}
      maxLength={short ? 5 : undefined}
      hint={hint}
      value={draft[name]}
      problems={problems}
      onChange={(v) => setDraft((d) => ({ ...d, [name]: v }))}
    />
  )
}

/** The policy's rules, one text field each: the draft's name, the policy path, the label and hint keys. */
const RULE_FIELDS: readonly { name: TextKey; path: string; label: string; hint?: string }[] = [
  {
    name: 'maxResolutionDays',
    path: 'maxResolutionDays',
    label: 'admin.sla.maxResolutionDays',
    hint: 'admin.sla.maxResolutionHint',
  },
  {
    name: 'interimReplyHours',
    path: 'interimReplyHours',
    label: 'admin.sla.interimReplyHours',
    hint: 'admin.sla.interimHint',
  },
  { name: 'atRiskPercent', path: 'atRiskFraction', label: 'admin.sla.atRiskPercent' },
  {
    name: 'supervisorAfterHours',
    path: 'escalation.supervisorAfterHours',
    label: 'admin.sla.supervisorAfterHours',
  },
  {
    name: 'divisionHeadAfterHours',
    path: 'escalation.divisionHeadAfterHours',
    label: 'admin.sla.divisionHeadAfterHours',
  },
]

function RulesFields(part: PartProps) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="sla-rules-title">
      <h3 id="sla-rules-title">{t('admin.sla.rules')}</h3>
      {RULE_FIELDS.map((f) => (
        <DraftField {...part} key={f.name} name={f.name} path={f.path} label={t(f.label)} hint={f.hint && t(f.hint)} />
      ))}
    </section>
  )
}

function CalendarFields(part: PartProps) {
  const { draft, setDraft, problems } = part
  const { t } = useTranslation()
  const toggleDay = (day: number, on: boolean) =>
    setDraft((d) => ({ ...d, workingDays: on ? [...d.workingDays, day] : d.workingDays.filter((x) => x !== day) }))
  const zoneId = fieldId('calendar.timeZone')
  return (
    <section aria-labelledby="sla-calendar-title">
      <h3 id="sla-calendar-title">{t('admin.sla.calendar')}</h3>
      <fieldset {...invalidProps(problems, 'calendar.workingDays')}>
        <legend>{t('admin.sla.workingDays')}</legend>
        {WEEKDAYS.map((day) => (
          <label key={day} className="inline">
            <input
              type="checkbox"
              data-testid={`sla-weekday-${day}`}
              checked={draft.workingDays.includes(day)}
              onChange={(e) => toggleDay(day, e.target.checked)}
            />
            {t(`admin.sla.weekday.${day}`)}
          </label>
        ))}
        <ProblemNote problems={problems} path="calendar.workingDays" />
      </fieldset>
      <DraftField {...part} name="dayStart" path="calendar.dayStart" label={t('admin.sla.dayStart')} short />
      <DraftField {...part} name="dayEnd" path="calendar.dayEnd" label={t('admin.sla.dayEnd')} short />
      <div className="sla-field">
        <label htmlFor={zoneId}>{t('admin.sla.timeZone')}</label>
        <input
          id={zoneId}
          data-testid={zoneId}
          list={`${zoneId}-known`}
          maxLength={64}
          value={draft.timeZone}
          onChange={(e) => setDraft((d) => ({ ...d, timeZone: e.target.value }))}
          {...invalidProps(problems, 'calendar.timeZone')}
        />
        <datalist id={`${zoneId}-known`}>
          {KNOWN_ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <ProblemNote problems={problems} path="calendar.timeZone" />
      </div>
      <DraftField
        {...part}
        name="utcOffsetMinutes"
        path="calendar.utcOffsetMinutes"
        label={t('admin.sla.utcOffsetMinutes')}
        hint={t('admin.sla.offsetHint')}
        short
      />
    </section>
  )
}

function Preview({
  policy,
  defaults,
  org,
}: {
  policy: ReturnType<typeof draftToPolicy>['policy']
  defaults: readonly Holiday[] | null
  org: OrgConfig
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const [division, setDivision] = useState('')
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    // The preview is "opened now": it moves on with the clock.
    const timer = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(timer)
  }, [])
  const rows = useMemo(() => {
    if (!policy || (policy.calendar.holidays === undefined && defaults === null)) return null
    try {
      return previewDueTimes(policy, defaults ?? [], now, division || null)
    } catch {
      // A calendar with no working day in years: the contract lets it through, the arithmetic cannot.
      return null
    }
  }, [policy, defaults, now, division])
  return (
    <section aria-labelledby="sla-preview-title" className="sla-preview" data-testid="sla-preview">
      <h3 id="sla-preview-title">{t('admin.sla.preview')}</h3>
      <label>
        {t('admin.sla.previewDivision')}
        <select data-testid="sla-preview-division" value={division} onChange={(e) => setDivision(e.target.value)}>
          <option value="">{t('admin.sla.orgWide')}</option>
          {org.divisions.map((d) => (
            <option key={d.id} value={d.id}>
              {(format.language === 'hi' && d.nameHi) || d.name}
            </option>
          ))}
        </select>
      </label>
      {rows === null ? (
        <p>{t('admin.sla.previewInvalid')}</p>
      ) : (
        <table>
          <caption>{t('admin.sla.previewCaption', { now: format.dateTime(now) })}</caption>
          <PriorityHead firstResponse="admin.sla.firstResponseDue" resolution="admin.sla.resolutionDue" />
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.priority}
                data-testid={`sla-preview-${r.priority}`}
                data-first-response-due={r.firstResponseDueAt}
                data-resolution-due={r.resolutionDueAt}
              >
                <th scope="row">{t(`common.priority.${r.priority}`)}</th>
                <td>{format.dateTime(r.firstResponseDueAt)}</td>
                <td>{format.dateTime(r.resolutionDueAt)}</td>
                <td>{t(`admin.sla.clock.${r.clock}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
