// In the composer: a warning when someone else's reply arrives in the thread while the
// officer has unsent text, so the citizen is not answered twice. The thread's replies
// are taken when the officer starts writing and compared with the thread as it is now.
import { useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Grievance } from '../../../../shared/grievance'
import { usePresenceStore } from '../../store/presence-store'
import { useSessionStore } from '../../store/session-store'
import { useUiStore } from '../../store/ui-store'
import { repliedSince, replyIds } from './collision'
import { isolate } from './isolate'

export function CollisionWarning({ grievance }: { grievance: Grievance }) {
  const { t } = useTranslation()
  const me = useSessionStore((s) => s.session?.user?.username ?? null)
  const writing = useUiStore((s) => (s.drafts[grievance.id] ?? '').trim() !== '')
  const present = usePresenceStore((s) => s.byGrievance[grievance.id])
  const baseline = useRef<Set<string> | null>(null)
  // Taken during render so the first keystroke's thread is the one compared against.
  if (!writing) baseline.current = null
  else baseline.current ??= replyIds(grievance.thread)
  const since = baseline.current
  const others = useMemo(() => (since ? repliedSince(since, grievance.thread, me) : []), [since, grievance.thread, me])
  if (others.length === 0) return null
  // Display names where presence told us them; the username otherwise.
  const names = others.filter((n) => n !== '').map((n) => present?.find((u) => u.username === n)?.displayName ?? n)
  return (
    <p className="warning" role="alert" data-testid="composer-collision">
      {names.length > 0
        ? t('grievance.presence.collision', { names: names.map(isolate).join(', ') })
        : t('grievance.presence.collisionAnyone')}
    </p>
  )
}
