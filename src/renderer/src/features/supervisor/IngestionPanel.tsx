// Supervisors and admins: how much of the monthly X read budget is left, and what each
// ingestion source is doing (paused to save budget, failing, when it last ran).
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IngestionStatus } from '../../../../shared/protocol'
import { ProblemText } from '../../components/ProblemText'
import { problemFromError, useFormat, type Problem } from '../../i18n'
import { invokeDesk } from '../../lib/bridge'
import { useNow } from '../../store/clock'

const REFRESH_MS = 30_000

export function IngestionPanel({ onClose }: { onClose: () => void }) {
  const [status, setStatus] = useState<IngestionStatus | null>(null)
  const [error, setError] = useState<Problem | null>(null)
  const { t } = useTranslation()
  const format = useFormat()
  const now = useNow()

  const refresh = useCallback(async () => {
    try {
      setStatus(await invokeDesk('ingestion.status', {}))
      setError(null)
    } catch (e) {
      setError(problemFromError(e))
    }
  }, [])

  useEffect(() => {
    void refresh()
    const timer = setInterval(() => void refresh(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [refresh])

  const budget = status?.budget
  const usedShare = budget && budget.cap > 0 ? Math.min(1, budget.used / budget.cap) : 0
  return (
    <section className="ingestion-panel" data-testid="ingestion-panel" aria-label={t('supervisor.ingestion.region')}>
      <header>
        <strong>{t('supervisor.ingestion.title')}</strong>
        <span className="spacer" />
        <button className="link" onClick={() => void refresh()}>
          {t('common.refresh')}
        </button>
        <button className="link" onClick={onClose} aria-label={t('supervisor.ingestion.close')}>
          ×
        </button>
      </header>
      {error && (
        <p className="error-text">
          <ProblemText problem={error} />
        </p>
      )}
      {budget && (
        <div className="budget" data-testid="ingestion-budget">
          <div className="budget-bar" title={t('supervisor.ingestion.used', { share: Math.round(usedShare * 100) })}>
            <span style={{ width: `${usedShare * 100}%` }} className={usedShare > 0.8 ? 'low' : ''} />
          </div>
          <p>
            {t('supervisor.ingestion.budget', {
              remaining: budget.remaining,
              cap: budget.cap,
              // A date in IST in the interface language, never the raw UTC timestamp.
              resetsOn: format.dateTime(budget.resetsAt, 'date'),
            })}
            {budget.xReported && (
              <span className="muted">
                {' '}
                {t('supervisor.ingestion.xReports', {
                  usage: budget.xReported.projectUsage,
                  cap: budget.xReported.projectCap,
                })}
              </span>
            )}
          </p>
        </div>
      )}
      {status && (
        <table className="sources">
          <thead>
            <tr>
              <th>{t('supervisor.ingestion.source')}</th>
              <th>{t('supervisor.ingestion.state')}</th>
              <th>{t('supervisor.ingestion.lastRun')}</th>
            </tr>
          </thead>
          <tbody>
            {status.sources.map((source) => (
              <tr key={source.name} data-testid="ingestion-source" data-source={source.name}>
                <td>{source.name}</td>
                <td>
                  {!source.enabled
                    ? t('supervisor.ingestion.off')
                    : source.paused
                      ? source.reason
                        ? t('supervisor.ingestion.pausedBecause', { reason: source.reason })
                        : t('supervisor.ingestion.paused')
                      : t('supervisor.ingestion.running')}
                  {source.lastError && <div className="error-text">{source.lastError}</div>}
                </td>
                <td>
                  <span title={source.lastRunAt ? format.dateTime(source.lastRunAt) : undefined}>
                    {format.ago(source.lastRunAt, now)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
