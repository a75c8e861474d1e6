// The monitor's snapshot, kept fresh. Live by re-fetching, not by a server event of its
// own: the desk already hears of every change in the supervisor's scope (the event
// stream, then a pull) and the grievance store swaps its list when one lands, so a change
// of that list schedules one GET /api/v1/monitor, debounced so a burst (a sync page, a bulk
// change) costs one aggregate query. Presence moves without grievance changes, so a slow
// timer re-fetches as well.
import { useCallback, useEffect, useRef, useState } from 'react'
import { MONITOR_PATHS, MonitorSnapshot } from '../../../../shared/monitor'
import { problemFromError, type Problem } from '../../i18n'
import { staffGet } from '../../lib/staff-api'
import { useGrievanceStore } from '../../store/grievance-store'

/** Changes within this long of each other bring one re-fetch. */
export const REFETCH_DEBOUNCE_MS = 1_500
/** Presence and idle time move on their own: re-fetched this often regardless. */
export const PRESENCE_REFRESH_MS = 30_000

export function useMonitor(): { snapshot: MonitorSnapshot | null; problem: Problem | null; refresh: () => void } {
  const [snapshot, setSnapshot] = useState<MonitorSnapshot | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const list = useGrievanceStore((s) => s.list)
  const inFlight = useRef(false)
  const again = useRef(false)

  const refresh = useCallback(() => {
    // One request at a time; a change during it brings exactly one more.
    if (inFlight.current) {
      again.current = true
      return
    }
    inFlight.current = true
    staffGet(MonitorSnapshot, MONITOR_PATHS.monitor)
      .then((next) => {
        setSnapshot(next)
        setProblem(null)
      })
      .catch((error: unknown) => setProblem(problemFromError(error)))
      .finally(() => {
        inFlight.current = false
        if (again.current) {
          again.current = false
          refresh()
        }
      })
  }, [])

  useEffect(() => {
    refresh()
    const timer = setInterval(refresh, PRESENCE_REFRESH_MS)
    return () => clearInterval(timer)
  }, [refresh])

  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const timer = setTimeout(refresh, REFETCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [list, refresh])

  return { snapshot, problem, refresh }
}
