// Tells the desk what the officer is doing on the open grievance: viewing on open,
// replying while the composer holds text, left on closing or switching (and when the
// window goes). The desk repeats it to the server while it lasts.
import { useEffect } from 'react'
import type { PresenceState } from '../../../../shared/protocol'
import { invokeDesk } from '../../lib/bridge'
import { useUiStore } from '../../store/ui-store'

function report(grievanceId: string, state: PresenceState): void {
  invokeDesk('presence.set', { grievanceId, state }).catch(() => undefined) // presence is best effort
}

export function usePresenceReport(grievanceId: string): void {
  const writing = useUiStore((s) => (s.drafts[grievanceId] ?? '').trim() !== '')

  useEffect(() => {
    report(grievanceId, writing ? 'replying' : 'viewing')
  }, [grievanceId, writing])

  useEffect(() => {
    const gone = () => report(grievanceId, 'left')
    window.addEventListener('pagehide', gone)
    return () => {
      window.removeEventListener('pagehide', gone)
      gone()
    }
  }, [grievanceId])
}
