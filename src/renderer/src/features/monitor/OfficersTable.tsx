// The officers of the supervisor's divisions: presence (a dot and its word, never colour
// alone), open load against capacity, and the oldest item they hold.
import { useTranslation } from 'react-i18next'
import type { OfficerLoad } from '../../../../shared/monitor'
import { useFormat } from '../../i18n'
import { useNow } from '../../store/clock'

export function OfficersTable({ officers }: { officers: readonly OfficerLoad[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const now = useNow()
  return (
    <section className="monitor-officers" aria-labelledby="monitor-officers-title">
      <h2 id="monitor-officers-title">{t('monitor.officers')}</h2>
      {officers.length === 0 ? (
        <p className="muted">{t('monitor.noOfficers')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('monitor.officer')}</th>
              <th scope="col">{t('monitor.presenceColumn')}</th>
              <th scope="col">{t('monitor.loadColumn')}</th>
              <th scope="col">{t('monitor.oldestColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {officers.map((o) => {
              const share = o.capacity > 0 ? Math.min(1, o.load / o.capacity) : 1
              return (
                <tr key={o.username} data-testid={`monitor-officer-${o.username}`} data-presence={o.presence}>
                  <th scope="row">
                    {o.displayName} <span className="muted">{o.username}</span>
                    {!o.available && <span className="muted"> · {t('monitor.unavailable')}</span>}
                  </th>
                  <td>
                    <span className={`presence-dot ${o.presence}`} aria-hidden="true" />{' '}
                    {t(`monitor.presence.${o.presence}`)}
                    {o.lastActiveAt && (
                      <span className="muted">
                        {' '}
                        · {t('monitor.lastActive', { age: format.ago(o.lastActiveAt, now) })}
                      </span>
                    )}
                  </td>
                  <td>
                    <span className="load-bar" aria-hidden="true">
                      <span
                        style={{ width: `${share * 100}%` }}
                        className={share >= 1 ? 'full' : share >= 0.8 ? 'high' : ''}
                      />
                    </span>{' '}
                    <span data-testid="monitor-officer-load" data-load={o.load}>
                      {t('monitor.load', { load: format.number(o.load), capacity: format.number(o.capacity) })}
                    </span>
                  </td>
                  <td>
                    {o.oldest
                      ? t('monitor.oldestItem', { ticket: o.oldest.ticket, age: format.ago(o.oldest.createdAt, now) })
                      : t('monitor.none')}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
