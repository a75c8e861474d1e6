// The registry's versions as the admin sees them: loaded on open and after each change.
import { useCallback, useEffect, useRef, useState } from 'react'
import { MODELS_PATHS, ModelList } from '../../../../../shared/models'
import { problemFromError, type Problem } from '../../../i18n/problem'
import { staffGet } from '../../../lib/staff-api'

export function useModels() {
  const [list, setList] = useState<ModelList | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const alive = useRef(true)

  const reload = useCallback(async () => {
    try {
      const next = await staffGet(ModelList, MODELS_PATHS.models)
      if (alive.current) {
        setList(next)
        setProblem(null)
      }
    } catch (error) {
      if (alive.current) setProblem(problemFromError(error))
    }
  }, [])

  useEffect(() => {
    alive.current = true
    void reload()
    return () => {
      alive.current = false
    }
  }, [reload])

  return { list, problem, reload }
}
