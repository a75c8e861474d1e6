// Under the grievance header: who else is on this grievance now ("Meera is viewing"),
// so an officer sees a colleague there before typing a word.
import { useTranslation } from 'react-i18next'
import { isolate } from './isolate'
import { useFormat } from '../../i18n'
import { usePresenceStore } from '../../store/presence-store'
import { usePresenceReport } from './usePresenceReport'

export function PresenceBar({ grievanceId }: { grievanceId: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  usePresenceReport(grievanceId)
  const others = usePresenceStore((s) => s.byGrievance[grievanceId])
  if (!others || others.length === 0) return null
  return (
    <ul className="presence-bar" data-testid="presence" aria-label={t('grievance.presence.region')} aria-live="polite">
      {others.map((user) => (
        <li
          key={user.username}
          data-testid="presence-user"
          data-username={user.username}
          data-state={user.state}
          className={`presence presence-${user.state}`}
          title={t('grievance.presence.since', { time: format.dateTime(user.since) })}
        >
          {user.state === 'replying' ? '✎ ' : '● '}
          {t(user.state === 'replying' ? 'grievance.presence.replying' : 'grievance.presence.viewing', {
            name: isolate(user.displayName),
          })}
        </li>
      ))}
    </ul>
  )
}
