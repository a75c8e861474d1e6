// The compact table mode: a real <table> whose header buttons sort (aria-sort tells
// assistive technology which column and which way). Rows past VIRTUALISE_ABOVE are
// windowed like the card list, with spacer rows above and below the visible slice.
import { memo, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { isOpen, type Grievance } from '../../../../shared/grievance'
import { UntrustedText } from '../../components/UntrustedText'
import { useFormat } from '../../i18n'
import { divisionName, useOrgStore } from '../../store/org-store'
import { useUiStore } from '../../store/ui-store'
import { isBreached } from './filters'
import { toggleSelected } from './selection'
import { nextTableSort, TABLE_COLUMNS, type TableColumn } from './table-sort'
import { useScrollViewport } from './useScrollViewport'
import { rowWindow, scrollToRow } from './windowing'
import { SlaBadge } from '../sla/SlaBadge'

export const TABLE_ROW_HEIGHT = 30
const HEADER_HEIGHT = 32
const COLUMN_COUNT = TABLE_COLUMNS.length + 2 // selection box and grievance text

interface Props {
  rows: readonly Grievance[]
  cursorId: string | null
  openId: string | null
  now: number
  onOpen(id: string): void
}

export function QueueTable({ rows, cursorId, openId, now, onOpen }: Props) {
  const { t } = useTranslation()
  const tableSort = useUiStore((s) => s.layout.tableSort)
  const setTableSort = useUiStore((s) => s.setTableSort)
  const selection = useUiStore((s) => s.selection)
  const org = useOrgStore((s) => s.org)
  const { language } = useFormat()
  const { ref: scrollRef, viewport, onScroll } = useScrollViewport()

  // Keep the keyboard cursor on screen, below the sticky header.
  useEffect(() => {
    const element = scrollRef.current
    if (!element || cursorId === null) return
    const index = rows.findIndex((g) => g.id === cursorId)
    if (index === -1) return
    const top = scrollToRow(index, TABLE_ROW_HEIGHT, element.scrollTop, element.clientHeight - HEADER_HEIGHT)
    if (top !== null) element.scrollTop = top
  }, [cursorId, rows, scrollRef])

  const slice = rowWindow(rows.length, TABLE_ROW_HEIGHT, viewport.scrollTop, viewport.height)
  const ariaSort = (column: TableColumn) => (tableSort.column === column ? tableSort.direction : ('none' as const))

  return (
    <div ref={scrollRef} className="queue-table-scroll" data-testid="queue-table-scroll" onScroll={onScroll}>
      <table className="queue-table" data-testid="queue-table" aria-label={t('queue.table.label')}>
        <thead>
          <tr style={{ height: HEADER_HEIGHT }}>
            <th scope="col" className="col-select">
              <span className="visually-hidden">{t('queue.table.column.selected')}</span>
            </th>
            {TABLE_COLUMNS.map((column) => (
              <th key={column} scope="col" aria-sort={ariaSort(column)} className={`col-${column}`}>
                <button
                  type="button"
                  data-testid={`sort-${column}`}
                  onClick={() => setTableSort(nextTableSort(tableSort, column))}
                >
                  {t(`queue.table.column.${column}`)}
                  <span aria-hidden="true" className="sort-mark">
                    {tableSort.column === column ? (tableSort.direction === 'ascending' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col" className="col-text">
              {t('queue.table.column.text')}
            </th>
          </tr>
        </thead>
        <tbody>
          {slice.padTop > 0 && (
            <tr aria-hidden="true" style={{ height: slice.padTop }}>
              <td colSpan={COLUMN_COUNT} />
            </tr>
          )}
          {rows.slice(slice.start, slice.end).map((g) => (
            <TableRow
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
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMN_COUNT} className="empty">
                {t('queue.noMatch')}
              </td>
            </tr>
          )}
          {slice.padBottom > 0 && (
            <tr aria-hidden="true" style={{ height: slice.padBottom }}>
              <td colSpan={COLUMN_COUNT} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}

interface RowProps {
  grievance: Grievance
  divisionLabel: string
  now: number
  isCursor: boolean
  isOpenInView: boolean
  isSelected: boolean
  onOpen(id: string): void
}

const TableRow = memo(function TableRow({
  grievance: g,
  divisionLabel,
  now,
  isCursor,
  isOpenInView,
  isSelected,
  onOpen,
}: RowProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const breached = isBreached(g, now)
  const classes = ['queue-table-row', `priority-${g.priority}`]
  if (breached) classes.push('breached')
  if (isCursor) classes.push('cursor')
  if (isOpenInView) classes.push('opened')
  if (isSelected) classes.push('selected')
  return (
    <tr
      id={`queue-row-${g.id}`}
      data-testid="queue-table-row"
      data-ticket={g.ticket}
      data-status={g.status}
      data-selected={isSelected || undefined}
      aria-current={isCursor || undefined}
      className={classes.join(' ')}
      style={{ height: TABLE_ROW_HEIGHT }}
      onClick={() => onOpen(g.id)}
    >
      <td className="col-select" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          checked={isSelected}
          aria-label={t('queue.table.select', { ticket: g.ticket })}
          onChange={() => {
            const ui = useUiStore.getState()
            ui.setSelection(toggleSelected(ui.selection, g.id))
          }}
        />
      </td>
      <td className="col-ticket ticket">{g.ticket}</td>
      <td className="col-priority">
        <span className={`pill priority priority-${g.priority}`}>{t(`common.priority.${g.priority}`)}</span>
      </td>
      <td className="col-status">
        <span className={`status status-${g.status}`}>{t(`common.status.${g.status}`)}</span>
      </td>
      <td className={breached ? 'col-sla sla sla-breached' : 'col-sla sla'}>
        {isOpen(g.status) ? format.slaLeft(g.slaDueAt, now).text : ''} <SlaBadge grievance={g} />
      </td>
      <td className="col-citizen">
        @<UntrustedText text={g.source.authorUsername} />
      </td>
      <td className="col-division">{divisionLabel}</td>
      <td className="col-assignee">
        {g.assignee ? <UntrustedText text={g.assignee} /> : <span className="muted">{t('common.unassigned')}</span>}
      </td>
      <td className="col-text" lang={g.source.language}>
        <UntrustedText text={g.source.text} />
      </td>
    </tr>
  )
})
