// The holiday list of the SLA calendar: the central-government list (read from the server)
// with the organisation's extra closed days, or the organisation's own list; days added and
// removed one by one, or a year imported from a JSON or CSV paste.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  HOLIDAY_NAME_CHARS,
  HOLIDAY_PASTE_CHARS,
  parseHolidayPaste,
  replaceHolidayYears,
  type Holiday,
} from '../../../../../shared/sla'
import { useFormat } from '../../../i18n'
import { fieldId, invalidProps, ProblemNote } from './fields'
import type { FieldProblem, SlaDraft } from './sla-form'

interface Props {
  draft: SlaDraft
  setDraft: (update: (d: SlaDraft) => SlaDraft) => void
  defaults: readonly Holiday[] | null
  problems: readonly FieldProblem[]
}

type ListName = 'holidays' | 'extraHolidays'

export function HolidaysEditor({ draft, setDraft, defaults, problems }: Props) {
  const { t } = useTranslation()
  const editable: ListName = draft.ownHolidays ? 'holidays' : 'extraHolidays'
  const list = draft[editable]
  const setList = (next: Holiday[]) => setDraft((d) => ({ ...d, [editable]: next }))
  const choose = (own: boolean) =>
    setDraft((d) => ({
      ...d,
      ownHolidays: own,
      // An own list starts as a copy of the central-government one: most keep most of it.
      holidays: own && d.holidays.length === 0 && defaults ? [...defaults] : d.holidays,
    }))
  return (
    <section aria-labelledby="sla-holidays-title" className="sla-holidays">
      <h4 id="sla-holidays-title">{t('admin.sla.holidays')}</h4>
      <fieldset>
        <legend>{t('admin.sla.listChoice')}</legend>
        <label className="inline">
          <input
            type="radio"
            name="sla-holiday-list"
            data-testid="sla-list-default"
            checked={!draft.ownHolidays}
            onChange={() => choose(false)}
          />
          {t('admin.sla.useDefaultList')}
        </label>
        <label className="inline">
          <input
            type="radio"
            name="sla-holiday-list"
            data-testid="sla-list-own"
            checked={draft.ownHolidays}
            onChange={() => choose(true)}
          />
          {t('admin.sla.useOwnList')}
        </label>
      </fieldset>
      {!draft.ownHolidays && defaults && (
        <HolidayTable
          caption={t('admin.sla.defaultList', { count: defaults.length })}
          holidays={defaults}
          testId="sla-default-holidays"
        />
      )}
      <HolidayTable
        caption={t(draft.ownHolidays ? 'admin.sla.ownList' : 'admin.sla.extraList', { count: list.length })}
        holidays={list}
        testId="sla-own-holidays"
        listName={editable}
        problems={problems}
        onRemove={(i) => setList(list.filter((_, j) => j !== i))}
      />
      <ProblemNote problems={problems} path={`calendar.${editable}`} />
      {draft.ownHolidays && defaults && (
        <button type="button" data-testid="sla-copy-defaults" onClick={() => setList([...defaults])}>
          {t('admin.sla.copyDefaults')}
        </button>
      )}
      <AddHoliday onAdd={(h) => setList(replaceInOrder(list, h))} />
      <ImportYear onImport={(imported) => setList(replaceHolidayYears(list, imported))} />
    </section>
  )
}

/** The list with one more day, in date order. */
function replaceInOrder(list: readonly Holiday[], h: Holiday): Holiday[] {
  return [...list, h].sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name))
}

interface TableProps {
  caption: string
  holidays: readonly Holiday[]
  testId: string
  listName?: ListName
  problems?: readonly FieldProblem[]
  onRemove?: (index: number) => void
}

function HolidayTable({ caption, holidays, testId, listName, problems = [], onRemove }: TableProps) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <table className="sla-holiday-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.sla.date')}</th>
          <th scope="col">{t('admin.sla.name')}</th>
          {onRemove && (
            <th scope="col">
              <span className="visually-hidden">{t('admin.sla.remove')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {holidays.length === 0 && (
          <tr>
            <td colSpan={onRemove ? 3 : 2}>{t('admin.sla.noHolidays')}</td>
          </tr>
        )}
        {holidays.map((h, i) => {
          const path = `calendar.${listName ?? 'default'}.${i}`
          return (
            <tr key={`${h.date}-${h.name}-${i}`} data-testid="sla-holiday-row" data-date={h.date}>
              <td>
                <time dateTime={h.date}>{format.dateTime(`${h.date}T12:00:00+05:30`, 'date')}</time>
              </td>
              <td>
                {/* A name as the list gives it (the DoPT list is in English): data, not the desk's text. */}
                <bdi className="untrusted" id={`${fieldId(path)}-name`}>
                  {h.name}
                </bdi>
                {h.provisional && <small className="sla-provisional"> ({t('admin.sla.provisionalMark')})</small>}
                {listName && (
                  <>
                    <ProblemNote problems={problems} path={path} />
                    <ProblemNote problems={problems} path={`${path}.date`} />
                    <ProblemNote problems={problems} path={`${path}.name`} />
                  </>
                )}
              </td>
              {onRemove && (
                <td>
                  <button
                    type="button"
                    // The name is data (often English): it is read from its cell, not put into the label.
                    aria-label={t('admin.sla.removeHoliday', { date: h.date })}
                    aria-describedby={`${fieldId(path)}-name`}
                    onClick={() => onRemove(i)}
                  >
                    {t('admin.sla.remove')}
                  </button>
                </td>
              )}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

function AddHoliday({ onAdd }: { onAdd: (h: Holiday) => void }) {
  const { t } = useTranslation()
  const [date, setDate] = useState('')
  const [name, setName] = useState('')
  const [provisional, setProvisional] = useState(false)
  // The new day is checked by the contract when the list is; here only that both are given.
  const ready = /^\d{4}-\d{2}-\d{2}$/.test(date) && name.trim() !== ''
  return (
    <fieldset className="sla-add-holiday">
      <legend>{t('admin.sla.addHoliday')}</legend>
      <label>
        {t('admin.sla.date')}
        <input type="date" data-testid="sla-new-holiday-date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        {t('admin.sla.name')}
        <input
          data-testid="sla-new-holiday-name"
          value={name}
          maxLength={HOLIDAY_NAME_CHARS}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="inline">
        <input type="checkbox" checked={provisional} onChange={(e) => setProvisional(e.target.checked)} />
        {t('admin.sla.provisional')}
      </label>
      <button
        type="button"
        data-testid="sla-add-holiday"
        disabled={!ready}
        onClick={() => {
          onAdd({ date, name: name.trim(), ...(provisional ? { provisional } : {}) })
          setDate('')
          setName('')
          setProvisional(false)
        }}
      >
        {t('admin.sla.add')}
      </button>
    </fieldset>
  )
}

function ImportYear({ onImport }: { onImport: (imported: Holiday[]) => void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const [text, setText] = useState('')
  const [note, setNote] = useState<string | null>(null)
  const id = fieldId('import')
  const run = () => {
    const { holidays, rejected } = parseHolidayPaste(text)
    const rejectedNote =
      rejected.length > 0 ? ` ${t('admin.sla.rejected', { lines: rejected.map((r) => r.text).join(' · ') })}` : ''
    if (holidays.length === 0) {
      setNote(t('admin.sla.nothingToImport') + rejectedNote)
      return
    }
    onImport(holidays)
    const years = format.list([...new Set(holidays.map((h) => h.date.slice(0, 4)))].sort())
    setNote(t('admin.sla.imported', { count: holidays.length, years }) + rejectedNote)
    setText('')
  }
  return (
    <div className="sla-import">
      <h5 id={`${id}-title`}>{t('admin.sla.importTitle')}</h5>
      <p id={`${id}-hint`}>{t('admin.sla.importHint')}</p>
      <label htmlFor={id}>{t('admin.sla.importText')}</label>
      <textarea
        id={id}
        data-testid="sla-import-text"
        rows={5}
        maxLength={HOLIDAY_PASTE_CHARS}
        value={text}
        onChange={(e) => setText(e.target.value)}
        {...invalidProps([], 'import', `${id}-hint`)}
      />
      <button type="button" data-testid="sla-import" disabled={text.trim() === ''} onClick={run}>
        {t('admin.sla.import')}
      </button>
      {note && (
        <p role="status" data-testid="sla-import-note">
          {note}
        </p>
      )}
    </div>
  )
}
