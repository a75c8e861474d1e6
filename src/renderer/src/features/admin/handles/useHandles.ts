// The handle list as the admin sees it, kept fresh: loaded on open, and polled while a
// Connect is under way in the system browser until that handle shows connected (or the
// server's ten-minute connect window has passed).
import { useCallback, useEffect, useRef, useState } from 'react'
import { HANDLES_PATHS, HandleList } from '../../../../../shared/handles'
import { staffGet } from '../../../lib/staff-api'
import { problemFromError, type Problem } from '../../../i18n/problem'

const POLL_MS = 2_000
/** As long as the server keeps a Connect's state (src/server/handles/connect.ts). */
const CONNECT_WINDOW_MS = 10 * 60_000

export interface Waiting {
  username: string
  /** The handle's connectedAt before this Connect, to tell a new connection from an old one. */
  connectedAtBefore: string | null
  until: number
}

export function useHandles() {
  const [list, setList] = useState<HandleList | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [waiting, setWaiting] = useState<Waiting | null>(null)
  const alive = useRef(true)

  const reload = useCallback(async (): Promise<HandleList | null> => {
    try {
      const next = await staffGet(HandleList, HANDLES_PATHS.handles)
      if (alive.current) {
        setList(next)
        setProblem(null)
      }
      return next
    } catch (error) {
      if (alive.current) setProblem(problemFromError(error))
      return null
    }
  }, [])

  useEffect(() => {
    alive.current = true
    void reload()
    return () => {
      alive.current = false
    }
  }, [reload])

  useEffect(() => {
    if (!waiting) return
    const timer = setInterval(() => {
      void reload().then((next) => {
        const h = next?.handles.find((x) => x.username === waiting.username)
        const done = h?.connected && h.connectedAt !== waiting.connectedAtBefore
        if (done || Date.now() > waiting.until) setWaiting(null)
      })
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [waiting, reload])

  const waitFor = useCallback((username: string, connectedAtBefore: string | null) => {
    setWaiting({ username, connectedAtBefore, until: Date.now() + CONNECT_WINDOW_MS })
  }, [])

  return { list, problem, waiting, reload, waitFor, stopWaiting: () => setWaiting(null) }
}
