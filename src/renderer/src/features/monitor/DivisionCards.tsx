// One card per division: open queue, unassigned, review band, SLA at risk and breached,
// and the oldest open item. A card is a button: choosing it lists that division's work.
import { useTranslation } from 'react-i18next'
import type { DivisionLoad } from '../../../../shared/monitor'
import { useFormat } from '../../i18n'
import { useNow } from '../../store/clock'

const COUNTS = ['open', 'unassigned', 'review', 'atRisk', 'breached'] as const

export function DivisionCards({
  divisions,
  chosen,
  onChoose,
}: {
  divisions: readonly DivisionLoad[]
  chosen: string | null
  onChoose: (id: string) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const now = useNow()
  return (
    <section className="monitor-divisions" aria-labelledby="monitor-divisions-title">
      <h2 id="monitor-divisions-title">{t('monitor.divisions')}</h2>
      <p className="muted">{t('monitor.divisionHint')}</p>
      <ul className="monitor-cards">
        {divisions.map((d) => (
          <li key={d.id}>
            <button
              className={`monitor-card${d.breached > 0 ? ' breached' : d.atRisk > 0 ? ' at-risk' : ''}`}
              data-testid={`monitor-division-${d.id}`}
              aria-pressed={chosen === d.id}
              onClick={() => onChoose(d.id)}
            >
              <strong className="monitor-card-name">{format.language === 'hi' && d.nameHi ? d.nameHi : d.name}</strong>
              <dl>
                {COUNTS.map((key) => (
                  <div key={key} className={`count ${key}`}>
                    <dt>{t(`monitor.counts.${key}`)}</dt>
                    <dd data-testid={`monitor-count-${key}`}>{format.number(d[key])}</dd>
                  </div>
                ))}
                <div className="count oldest">
                  <dt>{t('monitor.counts.oldest')}</dt>
                  <dd>
                    {d.oldest
                      ? t('monitor.oldestItem', { ticket: d.oldest.ticket, age: format.ago(d.oldest.createdAt, now) })
                      : t('monitor.none')}
                  </dd>
                </div>
              </dl>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
