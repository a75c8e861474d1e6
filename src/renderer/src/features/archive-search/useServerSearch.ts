// The server search of one query, as a small state machine: asked on demand (never per
// keystroke), paged with the server's cursor, forgotten when the query changes.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { GrievanceHit } from '../../../../shared/grievance-search'
import { problemFromError, type Problem } from '../../i18n/problem'
import { invokeDesk } from '../../lib/bridge'

export type ServerSearch =
  | { state: 'idle' }
  | { state: 'searching'; hits: GrievanceHit[] }
  | { state: 'found'; hits: GrievanceHit[]; next: string | null }
  | { state: 'offline' }
  | { state: 'failed'; problem: Problem }

export function useServerSearch(query: string) {
  const [search, setSearch] = useState<ServerSearch>({ state: 'idle' })
  // Answers to an older query (or after a close) are dropped when they arrive.
  const asked = useRef(0)

  const close = useCallback(() => {
    asked.current++
    setSearch({ state: 'idle' })
  }, [])

  useEffect(close, [query, close])

  const run = useCallback(
    async (before: string | null, hits: GrievanceHit[]) => {
      const ticket = ++asked.current
      setSearch({ state: 'searching', hits })
      try {
        const answer = await invokeDesk('grievances.search-server', {
          q: query.trim(),
          ...(before ? { before } : {}),
        })
        if (ticket !== asked.current) return
        setSearch(
          answer.state === 'offline'
            ? { state: 'offline' }
            : { state: 'found', hits: [...hits, ...answer.grievances], next: answer.next },
        )
      } catch (error) {
        if (ticket === asked.current) setSearch({ state: 'failed', problem: problemFromError(error) })
      }
    },
    [query],
  )

  const start = useCallback(() => void run(null, []), [run])
  const more = useCallback(() => {
    if (search.state === 'found' && search.next) void run(search.next, search.hits)
  }, [run, search])

  return { search, start, more, close }
}
