// A division's open tickets from the desk's own cache (the supervisor's desk syncs their
// whole scope), with a reassign button per row and boxes for a bulk reassign.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Grievance } from '../../../../shared/grievance'
import { LIMITS } from '../../../../shared/limits'
import { useFormat } from '../../i18n'
import { useNow } from '../../store/clock'

export function DivisionQueue({
  title,
  grievances,
  onReassign,
  onClose,
}: {
  title: string
  grievances: readonly Grievance[]
  onReassign: (targets: Grievance[]) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const now = useNow()
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const chosen = grievances.filter((g) => selected.has(g.id))
  const toggle = (id: string) => {
    const next = new Set(selected)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setSelected(next)
  }
  const sla = (g: Grievance) => format.slaLeft(g.slaDueAt, now)
  // One bulk change is at most as many actions as one server batch takes.
  const tooMany = chosen.length > LIMITS.bulkGrievances
  const allSelected = grievances.length > 0 && chosen.length === grievances.length

  return (
    <section className="monitor-queue" aria-labelledby="monitor-queue-title" data-testid="monitor-queue">
      <header>
        <h2 id="monitor-queue-title">{t('monitor.queue.title', { division: title })}</h2>
        <span className="spacer" />
        <button
          data-testid="reassign-bulk"
          disabled={chosen.length === 0 || tooMany}
          onClick={() => {
            onReassign(chosen)
            setSelected(new Set())
          }}
        >
          {t('monitor.reassign.bulk', { count: chosen.length })}
        </button>
        <button className="link" onClick={onClose}>
          {t('monitor.queue.close')}
        </button>
      </header>
      {tooMany && <p className="error">{t('queue.bulk.tooMany', { max: LIMITS.bulkGrievances })}</p>}
      {grievances.length === 0 ? (
        <p className="muted">{t('monitor.queue.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('monitor.queue.selectAll')}
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(grievances.map((g) => g.id)))}
                />
              </th>
              <th scope="col">{t('monitor.queue.ticket')}</th>
              <th scope="col">{t('monitor.queue.status')}</th>
              <th scope="col">{t('monitor.queue.assignee')}</th>
              <th scope="col">{t('monitor.queue.priority')}</th>
              <th scope="col">{t('monitor.queue.due')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('monitor.reassign.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {grievances.map((g) => (
              <tr key={g.id} data-testid="monitor-grievance" data-ticket={g.ticket} data-assignee={g.assignee ?? ''}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('monitor.queue.select', { ticket: g.ticket })}
                    checked={selected.has(g.id)}
                    onChange={() => toggle(g.id)}
                  />
                </td>
                <td className="ticket">{g.ticket}</td>
                <td>{t(`common.status.${g.status}`)}</td>
                <td>{g.assignee ?? <span className="muted">{t('monitor.queue.unassigned')}</span>}</td>
                <td>{t(`common.priority.${g.priority}`)}</td>
                <td className={sla(g).breached ? 'error' : ''}>{sla(g).text}</td>
                <td>
                  <button
                    data-testid="reassign-open"
                    aria-label={t('monitor.reassign.openFor', { ticket: g.ticket })}
                    onClick={() => onReassign([g])}
                  >
                    {t('monitor.reassign.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
