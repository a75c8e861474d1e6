// Submit one officer action for a grievance: optimistic copy from the desk goes
// straight into the store; failures become a sentence next to the button pressed.
import { useCallback, useState } from 'react'
import type { ActionBody } from '../../../../shared/protocol'
import { problemFromError, type Problem } from '../../i18n/problem'
import { invokeDesk } from '../../lib/bridge'
import { useGrievanceStore } from '../../store/grievance-store'

export interface SubmitAction {
  submit(body: ActionBody): Promise<boolean>
  busy: boolean
  error: Problem | null
  clearError(): void
}

export function useSubmitAction(grievanceId: string): SubmitAction {
  const upsert = useGrievanceStore((s) => s.upsert)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Problem | null>(null)

  const submit = useCallback(
    async (body: ActionBody) => {
      setBusy(true)
      setError(null)
      try {
        const { grievance } = await invokeDesk('actions.submit', { grievanceId, body })
        upsert(grievance)
        return true
      } catch (e) {
        setError(problemFromError(e))
        return false
      } finally {
        setBusy(false)
      }
    },
    [grievanceId, upsert],
  )

  return { submit, busy, error, clearError: useCallback(() => setError(null), []) }
}
