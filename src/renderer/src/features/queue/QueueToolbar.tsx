import { GRIEVANCE_STATUSES, PRIORITIES } from '../../../../shared/grievance'
import { selectDivisions, useOrgStore } from '../../store/org-store'
import { useUiStore } from '../../store/ui-store'
import { isQueueSort, NO_DIVISION, SORT_OPTIONS, type QueueFilter, type QueueSort } from './filters'
import { PRIORITY_LABELS, STATUS_LABELS } from './labels'
import { QUEUE_SEARCH_INPUT_ID } from './useTriageKeys'

export function QueueToolbar() {
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
        placeholder="Search ticket or text  ( / )"
        aria-label="Search by ticket number or text"
        value={filter.search}
        onChange={(e) => setFilter({ search: e.target.value })}
        spellCheck={false}
      />
      <div className="queue-filters">
        <select
          data-testid="filter-status"
          aria-label="Status"
          value={filter.status}
          onChange={(e) => setFilter({ status: e.target.value as QueueFilter['status'] })}
        >
          <option value="">All statuses</option>
          <option value="open">Open (not finished)</option>
          {GRIEVANCE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <select
          data-testid="filter-priority"
          aria-label="Priority"
          value={filter.priority}
          onChange={(e) => setFilter({ priority: e.target.value as QueueFilter['priority'] })}
        >
          <option value="">All priorities</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {PRIORITY_LABELS[p]}
            </option>
          ))}
        </select>
        <select
          data-testid="filter-division"
          aria-label="Division"
          value={filter.division}
          onChange={(e) => setFilter({ division: e.target.value })}
        >
          <option value="">All divisions</option>
          {divisions.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
          <option value={NO_DIVISION}>Unrouted</option>
        </select>
        <select
          data-testid="filter-assignee"
          aria-label="Assignee"
          value={filter.assignee}
          onChange={(e) => setFilter({ assignee: e.target.value as QueueFilter['assignee'] })}
        >
          <option value="">Anyone</option>
          <option value="mine">Assigned to me</option>
          <option value="unassigned">Unassigned</option>
        </select>
        <select
          data-testid="queue-sort"
          aria-label="Sort"
          value={sort}
          onChange={(e) => {
            if (isQueueSort(e.target.value)) setSort(e.target.value as QueueSort)
          }}
        >
          {Object.entries(SORT_OPTIONS).map(([key, option]) => (
            <option key={key} value={key}>
              {option.label}
            </option>
          ))}
        </select>
        {filtering && (
          <button type="button" className="link" onClick={resetFilter}>
            Clear
          </button>
        )}
      </div>
    </div>
  )
}
