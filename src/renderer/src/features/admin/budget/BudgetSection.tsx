// Administration: the X budget in money — this month's spend by kind, where the recent rate
// takes it by month end, what one grievance costs — and the prices, monthly budget and the
// order in which sources pause as the read budget runs out. Admins save through the
// configuration API (two sections: budget and ingestion); the server checks every value.
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BUDGET_PATHS, BudgetReport } from '../../../../../shared/budget'
import { ConfigSaved, configSectionPath } from '../../../../../shared/config'
import { LIMITS } from '../../../../../shared/limits'
import { ProblemText } from '../../../components/ProblemText'
import { problemFromError, useFormat } from '../../../i18n'
import { staffGet, staffSend } from '../../../lib/staff-api'
import { formFromReport, moveSource, sectionsFromForm, type BudgetForm } from './budget-form'

const PRICE_FIELDS = ['postRead', 'postCreated', 'postWithUrl'] as const
const KNOWN_SOURCES = ['mentions', 'follow-ups', 'stream', 'search'] as const
const sourceKey = (name: string) =>
  (KNOWN_SOURCES as readonly string[]).includes(name) ? `admin.budget.source.${name}` : 'admin.budget.source.other'

export function BudgetSection() {
  const { t } = useTranslation()
  const format = useFormat()
  const [report, setReport] = useState<BudgetReport | null>(null)
  const [form, setForm] = useState<BudgetForm | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)
  const [invalid, setInvalid] = useState<keyof BudgetForm | null>(null)

  const load = useCallback(async () => {
    setError(null)
    try {
      const next = await staffGet(BudgetReport, BUDGET_PATHS.budget)
      setReport(next)
      setForm(formFromReport(next))
    } catch (failure) {
      setError(failure)
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  const money = (value: number) =>
    format.number(value, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 3 })

  async function save() {
    if (!report || !form) return
    const sections = sectionsFromForm(form, report)
    if ('invalid' in sections) {
      setInvalid(sections.invalid)
      return
    }
    setInvalid(null)
    setBusy(true)
    setError(null)
    setSaved(false)
    try {
      const comment = t('admin.budget.saveComment')
      const first = await staffSend(ConfigSaved, 'PUT', configSectionPath('budget'), {
        baseVersion: report.configVersion,
        value: sections.budget,
        comment,
      })
      await staffSend(ConfigSaved, 'PUT', configSectionPath('ingestion'), {
        baseVersion: first.current.version,
        value: sections.ingestion,
        comment,
      })
      setSaved(true)
      await load()
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  const set = (patch: Partial<BudgetForm>) => {
    setSaved(false)
    setForm((current) => (current ? { ...current, ...patch } : current))
  }
  const readOnly = !report?.editable || busy

  return (
    <section className="admin-section budget-section" data-testid="admin-budget" aria-labelledby="budget-title">
      <h2 id="budget-title">{t('admin.budget.title')}</h2>
      {error !== null && (
        <p className="error-text" role="alert">
          <ProblemText problem={problemFromError(error)} />
        </p>
      )}
      {!report && error === null && <p className="muted">{t('admin.budget.loading')}</p>}
      {report && form && (
        <>
          <h3>{t('admin.budget.month', { period: report.period })}</h3>
          <table className="budget-spend" data-testid="budget-spend">
            <thead>
              <tr>
                <th scope="col">{t('admin.budget.kind')}</th>
                <th scope="col">{t('admin.budget.count')}</th>
                <th scope="col">{t('admin.budget.cost')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('admin.budget.reads')}</th>
                <td>{format.number(report.spent.counts.reads)}</td>
                <td>{money(report.spent.reads)}</td>
              </tr>
              <tr>
                <th scope="row">{t('admin.budget.posts')}</th>
                <td>{format.number(report.spent.counts.posts)}</td>
                <td>{money(report.spent.posts)}</td>
              </tr>
              <tr>
                <th scope="row">{t('admin.budget.urlPosts')}</th>
                <td>{format.number(report.spent.counts.urlPosts)}</td>
                <td>{money(report.spent.urlPosts)}</td>
              </tr>
              <tr className="budget-total">
                <th scope="row">{t('admin.budget.total')}</th>
                <td />
                <td data-testid="budget-total">{money(report.spent.total)}</td>
              </tr>
            </tbody>
          </table>
          <dl className="budget-figures">
            <dt>{t('admin.budget.monthlyBudget')}</dt>
            <dd>{report.monthlyBudget > 0 ? money(report.monthlyBudget) : t('admin.budget.noBudget')}</dd>
            <dt>{t('admin.budget.projection', { days: report.projection.windowDays })}</dt>
            <dd data-testid="budget-projection" data-over={report.projection.overBudget}>
              {money(report.projection.monthEnd)}{' '}
              <span className="muted">{t('admin.budget.perDay', { amount: money(report.projection.dailyRate) })}</span>
              {report.projection.overBudget && <strong className="error-text"> {t('admin.budget.overBudget')}</strong>}
            </dd>
            <dt>{t('admin.budget.perGrievance')}</dt>
            <dd data-testid="budget-per-grievance">
              {report.perGrievance.cost === null
                ? t('admin.budget.noGrievances')
                : t('admin.budget.perGrievanceValue', {
                    amount: money(report.perGrievance.cost),
                    count: report.perGrievance.grievances,
                  })}
            </dd>
          </dl>

          <form
            className="budget-form"
            onSubmit={(event) => {
              event.preventDefault()
              void save()
            }}
          >
            {!report.editable && <p className="muted">{t('admin.budget.readOnly')}</p>}
            <fieldset disabled={readOnly}>
              <legend>{t('admin.budget.prices')}</legend>
              {PRICE_FIELDS.map((field) => (
                <label key={field}>
                  {t(`admin.budget.price.${field}`)}
                  <input
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={LIMITS.xPriceMaxDollars}
                    step="any"
                    data-testid={`budget-price-${field}`}
                    aria-invalid={invalid === field}
                    value={form[field]}
                    onChange={(event) => set({ [field]: event.target.value })}
                  />
                </label>
              ))}
              <label>
                {t('admin.budget.monthlyBudgetField')}
                <input
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={LIMITS.monthlyBudgetMaxDollars}
                  step="any"
                  data-testid="budget-monthly"
                  aria-invalid={invalid === 'monthlyBudget'}
                  value={form.monthlyBudget}
                  onChange={(event) => set({ monthlyBudget: event.target.value })}
                />
              </label>
            </fieldset>
            <fieldset disabled={readOnly}>
              <legend>{t('admin.budget.readBudget')}</legend>
              <label>
                {t('admin.budget.postsCap')}
                <input
                  type="number"
                  min={1}
                  step={1}
                  data-testid="budget-posts-cap"
                  aria-invalid={invalid === 'monthlyPostsCap'}
                  value={form.monthlyPostsCap}
                  onChange={(event) => set({ monthlyPostsCap: event.target.value })}
                />
              </label>
              <table className="budget-sources">
                <caption>{t('admin.budget.sourcesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.budget.order')}</th>
                    <th scope="col">{t('admin.budget.sourceName')}</th>
                    <th scope="col">{t('admin.budget.pauseBelow')}</th>
                  </tr>
                </thead>
                <tbody>
                  {form.priority.map((name, i) => {
                    const label = t(sourceKey(name), { name })
                    return (
                      <tr key={name} data-testid={`budget-source-${name}`}>
                        <td>
                          {i + 1}{' '}
                          <button
                            type="button"
                            className="link"
                            disabled={readOnly || i === 0}
                            aria-label={t('admin.budget.moveUp', { source: label })}
                            onClick={() => set({ priority: moveSource(form.priority, name, -1) })}
                          >
                            ↑
                          </button>
                          <button
                            type="button"
                            className="link"
                            disabled={readOnly || i === form.priority.length - 1}
                            aria-label={t('admin.budget.moveDown', { source: label })}
                            onClick={() => set({ priority: moveSource(form.priority, name, 1) })}
                          >
                            ↓
                          </button>
                        </td>
                        <th scope="row">{label}</th>
                        <td>
                          <input
                            type="number"
                            min={0}
                            max={100}
                            step="any"
                            aria-label={t('admin.budget.pauseBelowFor', { source: label })}
                            aria-invalid={invalid === 'pauseBelowPercent'}
                            value={form.pauseBelowPercent[name] ?? ''}
                            onChange={(event) =>
                              set({ pauseBelowPercent: { ...form.pauseBelowPercent, [name]: event.target.value } })
                            }
                          />{' '}
                          %
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </fieldset>
            {invalid && (
              <p className="error-text" role="alert">
                {t('admin.budget.notANumber')}
              </p>
            )}
            {report.editable && (
              <p>
                <button type="submit" data-testid="budget-save" disabled={busy}>
                  {t('admin.budget.save')}
                </button>{' '}
                {saved && (
                  <span role="status" data-testid="budget-saved">
                    {t('admin.budget.saved')}
                  </span>
                )}
              </p>
            )}
          </form>
        </>
      )}
    </section>
  )
}
