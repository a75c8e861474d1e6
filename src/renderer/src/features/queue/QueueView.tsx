import { useTranslation } from 'react-i18next'
import { useCallback, useDeferredValue, useEffect, useMemo } from 'react'
import { ProblemText } from '../../components/ProblemText'
import { useFormat } from '../../i18n'
import { useGrievanceStore } from '../../store/grievance-store'
import { useNow } from '../../store/clock'
import { divisionName, useOrgStore } from '../../store/org-store'
import { useUiStore } from '../../store/ui-store'
import { ArchiveSearch } from '../archive-search/ArchiveSearch'
import { BulkBar } from './BulkBar'
import { countQueue } from './filters'
import { QueueTable } from './QueueTable'
import { QUEUE_ROW_HEIGHT, QueueRow } from './QueueRow'
import { QueueToolbar } from './QueueToolbar'
import { pruneSelection } from './selection'
import { useBulkKeys } from './useBulkKeys'
import { useQueueRows } from './useQueueRows'
import { useTriageKeys } from './useTriageKeys'
import { SearchElsewhere, ViewTabs } from './ViewTabs'
import { useScrollViewport } from './useScrollViewport'
import { rowWindow, scrollToRow } from './windowing'

export function QueueView() {
  const { t } = useTranslation()
  const { language } = useFormat()
  const list = useGrievanceStore((s) => s.list)
  const loaded = useGrievanceStore((s) => s.loaded)
  const loadError = useGrievanceStore((s) => s.error)
  const cursorId = useGrievanceStore((s) => s.cursorId)
  const openId = useGrievanceStore((s) => s.openId)
  const open = useGrievanceStore((s) => s.open)
  const org = useOrgStore((s) => s.org)
  const filter = useUiStore((s) => s.filter)
  const sort = useUiStore((s) => s.sort)
  const now = useNow()

  // Typing in the search box stays responsive; the (possibly long) filter runs behind it.
  const deferredFilter = useDeferredValue(filter)
  const { rows, view, counts: viewCounts, elsewhere, table } = useQueueRows(deferredFilter, sort)
  const ids = useMemo(() => rows.map((g) => g.id), [rows])
  const counts = useMemo(() => countQueue(list, now), [list, now])
  const selection = useUiStore((s) => s.selection)
  const setSelection = useUiStore((s) => s.setSelection)
  const setView = useUiStore((s) => s.setView)
  useTriageKeys(ids)
  useBulkKeys(ids)
  // Selected rows that left the list (another view, a filter) are no longer selected.
  useEffect(() => {
    const pruned = pruneSelection(selection, ids)
    if (pruned !== selection) setSelection(pruned)
  }, [ids, selection, setSelection])

  const { ref: scrollRef, viewport, onScroll } = useScrollViewport(table)

  // A new filter or sort starts at the top, unless the cursor row is still listed
  // (the effect below then scrolls to it).
  useEffect(() => {
    const element = scrollRef.current
    const { cursorId: cursor } = useGrievanceStore.getState()
    if (element && (cursor === null || !ids.includes(cursor))) element.scrollTop = 0
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on filter/sort changes, not on every list update
  }, [deferredFilter, sort])

  // Keep the keyboard cursor on screen as j/k move it.
  useEffect(() => {
    const element = scrollRef.current
    if (!element || cursorId === null) return
    const index = ids.indexOf(cursorId)
    if (index === -1) return
    const top = scrollToRow(index, QUEUE_ROW_HEIGHT, element.scrollTop, element.clientHeight)
    if (top !== null) element.scrollTop = top
  }, [cursorId, ids, scrollRef])

  const slice = rowWindow(rows.length, QUEUE_ROW_HEIGHT, viewport.scrollTop, viewport.height)
  const onOpen = useCallback((id: string) => open(id), [open])

  return (
    <section className="queue-pane" aria-label={t('queue.region')}>
      <ViewTabs view={view} counts={viewCounts} />
      <QueueToolbar />
      <div
        className="queue-summary"
        aria-live="polite"
        data-testid="queue-summary"
        data-shown={rows.length}
        data-total={list.length}
      >
        <span>
          {rows.length === list.length
            ? t('queue.count', { count: rows.length })
            : t('queue.shown', { shown: rows.length, total: list.length })}
        </span>
        <span>{t('queue.open', { count: counts.open })}</span>
        <span className={counts.breached ? 'sla-breached' : undefined}>
          {t('queue.pastSla', { count: counts.breached })}
        </span>
        <span>{t('queue.unassigned', { count: counts.unassigned })}</span>
        {elsewhere > 0 && <SearchElsewhere count={elsewhere} onShow={() => setView('all')} />}
      </div>
      <ArchiveSearch query={deferredFilter.search} localMatches={rows.length} />
      <BulkBar rows={rows} />
      {loadError && (
        <p className="error" role="alert">
          <ProblemText problem={loadError} />
        </p>
      )}
      {table && <QueueTable rows={rows} cursorId={cursorId} openId={openId} now={now} onOpen={onOpen} />}
      {/* Outside the listbox: a listbox may hold only options. */}
      {!loaded && !loadError && <p className="empty">{t('queue.loading')}</p>}
      {loaded && rows.length === 0 && (
        <p className="empty">{list.length === 0 ? t('queue.empty') : t('queue.noMatch')}</p>
      )}
      <div
        ref={scrollRef}
        hidden={table}
        className="queue-list"
        data-testid="queue"
        role="listbox"
        aria-label={t('queue.list')}
        // Focusable, so the keyboard reaches the list and aria-activedescendant is announced.
        tabIndex={0}
        aria-activedescendant={cursorId ? `queue-row-${cursorId}` : undefined}
        onScroll={onScroll}
      >
        <div style={{ height: slice.padTop }} />
        {!table &&
          rows
            .slice(slice.start, slice.end)
            .map((g) => (
              <QueueRow
                key={g.id}
                grievance={g}
                divisionLabel={divisionName(org, g.division, language)}
                now={now}
                isCursor={g.id === cursorId}
                isOpenInView={g.id === openId}
                isSelected={selection.ids.has(g.id)}
                onOpen={onOpen}
              />
            ))}
        <div style={{ height: slice.padBottom }} />
      </div>
    </section>
  )
}
