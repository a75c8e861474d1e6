// Where an export stands: a progress bar with Cancel while it downloads, then what was
// saved (or why not). Announced politely to screen readers.
import { useTranslation } from 'react-i18next'
import { ProblemText } from '../../components/ProblemText'
import { useFormat } from '../../i18n'
import type { ExportState } from './useExport'

export function ExportProgress({ state, onCancel }: { state: ExportState; onCancel(id: string): void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const kb = (bytes: number) => format.number(Math.max(1, Math.round(bytes / 1024)))
  return (
    <div className="export-status" role="status" aria-live="polite">
      {state.kind === 'running' && (
        <>
          <label className="export-progress">
            <span>
              {state.totalBytes
                ? t('reports.export.progressOf', {
                    format: state.format.toUpperCase(),
                    received: kb(state.receivedBytes),
                    total: kb(state.totalBytes),
                  })
                : t('reports.export.progress', {
                    format: state.format.toUpperCase(),
                    received: kb(state.receivedBytes),
                  })}
            </span>
            <progress
              data-testid="export-progress"
              max={state.totalBytes ?? undefined}
              value={state.totalBytes ? state.receivedBytes : undefined}
            />
          </label>
          <button type="button" data-testid="export-cancel" onClick={() => onCancel(state.id)}>
            {t('common.cancel')}
          </button>
        </>
      )}
      {state.kind === 'printing' && <span>{t('reports.export.printing')}</span>}
      {state.kind === 'done' && (
        <span data-testid="export-done">
          {state.bytes === null
            ? t('reports.export.savedPdf', { filename: state.filename })
            : t('reports.export.saved', { filename: state.filename, size: kb(state.bytes) })}
        </span>
      )}
      {state.kind === 'cancelled' && <span data-testid="export-cancelled">{t('reports.export.cancelled')}</span>}
      {state.kind === 'failed' && (
        <span className="error" data-testid="export-failed">
          <ProblemText problem={state.problem} />
        </span>
      )}
    </div>
  )
}
