// Supervisors and admins: how much of the monthly X read budget is left, and what each
// ingestion source is doing (paused to save budget, failing, when it last ran).
import { useCallback, useEffect, useState } from 'react'
import type { IngestionStatus } from '../../../../shared/protocol'
import { describeError, invokeDesk } from '../../lib/bridge'
import { ago } from '../../lib/time'
import { useNow } from '../../store/clock'

const REFRESH_MS = 30_000

export function IngestionPanel({ onClose }: { onClose: () => void }) {
  const [status, setStatus] = useState<IngestionStatus | null>(null)
  const [error, setError] = useState<string | null>(null)
  const now = useNow()

  const refresh = useCallback(async () => {
    try {
      setStatus(await invokeDesk('ingestion.status', {}))
      setError(null)
    } catch (e) {
      setError(describeError(e))
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
    <section className="ingestion-panel" data-testid="ingestion-panel" aria-label="X ingestion and budget">
      <header>
        <strong>X ingestion</strong>
        <span className="spacer" />
        <button className="link" onClick={() => void refresh()}>
          Refresh
        </button>
        <button className="link" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      {error && <p className="error-text">{error}</p>}
      {budget && (
        <div className="budget" data-testid="ingestion-budget">
          <div className="budget-bar" title={`${Math.round(usedShare * 100)}% used`}>
            <span style={{ width: `${usedShare * 100}%` }} className={usedShare > 0.8 ? 'low' : ''} />
          </div>
          <p>
            {budget.remaining.toLocaleString('en-IN')} of {budget.cap.toLocaleString('en-IN')} posts left this month ·
            resets {new Date(budget.resetsAt).toLocaleDateString('en-IN')}
            {budget.xReported && (
              <span className="muted">
                {' '}
                · X reports {budget.xReported.projectUsage.toLocaleString('en-IN')} /{' '}
                {budget.xReported.projectCap.toLocaleString('en-IN')}
              </span>
            )}
          </p>
        </div>
      )}
      {status && (
        <table className="sources">
          <thead>
            <tr>
              <th>Source</th>
              <th>State</th>
              <th>Last run</th>
            </tr>
          </thead>
          <tbody>
            {status.sources.map((source) => (
              <tr key={source.name} data-testid="ingestion-source" data-source={source.name}>
                <td>{source.name}</td>
                <td>
                  {!source.enabled
                    ? 'off'
                    : source.paused
                      ? `paused${source.reason ? `: ${source.reason}` : ''}`
                      : 'running'}
                  {source.lastError && <div className="error-text">{source.lastError}</div>}
                </td>
                <td>{ago(source.lastRunAt, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
