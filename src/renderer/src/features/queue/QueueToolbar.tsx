import { useTranslation } from 'react-i18next'
import { GRIEVANCE_STATUSES, PRIORITIES } from '../../../../shared/grievance'
import { useFormat } from '../../i18n'
import { divisionName, selectDivisions, useOrgStore } from '../../store/org-store'
import { useUiStore } from '../../store/ui-store'
import { isQueueSort, NO_DIVISION, SORT_OPTIONS, type QueueFilter, type QueueSort } from './filters'
import { priorityLabel, statusLabel } from './labels'
import { QUEUE_SEARCH_INPUT_ID } from './useTriageKeys'

export function QueueToolbar() {
  const { t } = useTranslation()
  const { language } = useFormat()
  const org = useOrgStore((s) => s.org)
  const filter = useUiStore((s) => s.filter)
  const sort = useUiStore((s) => s.sort)
  const setFilter = useUiStore((s) => s.setFilter)
  const resetFilter = useUiStore((s) => s.resetFilter)
  const setSort = useUiStore((s) => s.setSort)
  const divisions = useOrgStore(selectDivisions)
  const filtering =
    filter.search !== '' ||
    filter.status !== '' ||
    filter.priority !== '' ||
    filter.division !== '' ||
    filter.assignee !== ''

  return (
    <div className="queue-toolbar">
      <input
        id={QUEUE_SEARCH_INPUT_ID}
        data-testid="queue-search"
        type="text"
        placeholder={t('queue.filter.searchPlaceholder')}
        aria-label={t('queue.filter.searchLabel')}
        value={filter.search}
        onChange={(e) => setFilter({ search: e.target.value })}
        spellCheck={false}
      />
      <div className="queue-filters">
        <select
          data-testid="filter-status"
          aria-label={t('queue.filter.status')}
          value={filter.status}
          onChange={(e) => setFilter({ status: e.target.value as QueueFilter['status'] })}
        >
          <option value="">{t('queue.filter.allStatuses')}</option>
          <option value="open">{t('queue.filter.openOnly')}</option>
          {GRIEVANCE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(t, s)}
            </option>
          ))}
        </select>
        <select
          data-testid="filter-priority"
          aria-label={t('queue.filter.priority')}
          value={filter.priority}
          onChange={(e) => setFilter({ priority: e.target.value as QueueFilter['priority'] })}
        >
          <option value="">{t('queue.filter.allPriorities')}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {priorityLabel(t, p)}
            </option>
          ))}
        </select>
        <select
          data-testid="filter-division"
          aria-label={t('queue.filter.division')}
          value={filter.division}
          onChange={(e) => setFilter({ division: e.target.value })}
        >
          <option value="">{t('queue.filter.allDivisions')}</option>
          {divisions.map((d) => (
            <option key={d.id} value={d.id}>
              {divisionName(org, d.id, language)}
            </option>
          ))}
          <option value={NO_DIVISION}>{t('queue.filter.unrouted')}</option>
        </select>
        <select
          data-testid="filter-assignee"
          aria-label={t('queue.filter.assignee')}
          value={filter.assignee}
          onChange={(e) => setFilter({ assignee: e.target.value as QueueFilter['assignee'] })}
        >
          <option value="">{t('queue.filter.anyone')}</option>
          <option value="mine">{t('queue.filter.mine')}</option>
          <option value="unassigned">{t('queue.filter.unassigned')}</option>
        </select>
        <select
          data-testid="queue-sort"
          aria-label={t('queue.filter.sort')}
          value={sort}
          onChange={(e) => {
            if (isQueueSort(e.target.value)) setSort(e.target.value as QueueSort)
          }}
        >
          {Object.entries(SORT_OPTIONS).map(([key, option]) => (
            <option key={key} value={key}>
              {t(option.labelKey)}
            </option>
          ))}
        </select>
        {filtering && (
          <button type="button" className="link" onClick={resetFilter}>
            {t('common.clear')}
          </button>
        )}
      </div>
    </div>
  )
}
