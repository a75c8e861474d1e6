// The saved views with their counts, and the cards/table switch.
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../i18n'
import { useUiStore } from '../../store/ui-store'
import { QUEUE_VIEWS, type QueueViewId, type ViewCounts } from './views'

export function ViewTabs({ view, counts }: { view: QueueViewId; counts: ViewCounts }) {
  const { t } = useTranslation()
  const format = useFormat()
  const setView = useUiStore((s) => s.setView)
  const table = useUiStore((s) => s.layout.table)
  const setTableMode = useUiStore((s) => s.setTableMode)
  return (
    <div className="queue-views">
      <div className="view-buttons" role="group" aria-label={t('queue.views.group')}>
        {QUEUE_VIEWS.map((id) => (
          <button
            key={id}
            type="button"
            data-testid={`view-${id}`}
            data-count={counts[id]}
            aria-pressed={view === id}
            className={view === id ? 'view-button active' : 'view-button'}
            onClick={() => setView(id)}
          >
            {t(`queue.views.${id}`)} <span className="count">{format.number(counts[id])}</span>
          </button>
        ))}
      </div>
      <div className="layout-buttons" role="group" aria-label={t('queue.views.layout')}>
        <button
          type="button"
          data-testid="layout-cards"
          aria-pressed={!table}
          className={table ? 'view-button' : 'view-button active'}
          onClick={() => setTableMode(false)}
        >
          {t('queue.views.cards')}
        </button>
        <button
          type="button"
          data-testid="layout-table"
          aria-pressed={table}
          className={table ? 'view-button active' : 'view-button'}
          onClick={() => setTableMode(true)}
        >
          {t('queue.views.table')}
        </button>
      </div>
    </div>
  )
}

/** A search that finds more outside the current view offers to show them all. */
export function SearchElsewhere({ count, onShow }: { count: number; onShow(): void }) {
  const { t } = useTranslation()
  return (
    <button type="button" className="link" data-testid="search-elsewhere" data-count={count} onClick={onShow}>
      {t('queue.views.searchElsewhere', { count })}
    </button>
  )
}
