// One export at a time from a screen: XLSX/CSV through the desk's download relay (with
// progress and Cancel), or a print-ready page to PDF. What the screen shows of it is the
// state here; a cancel is the officer's choice, not a failure.
import { useCallback, useRef, useState } from 'react'
import { problemFromError, type Problem } from '../../i18n/problem'
import { cancelDownload, downloadExport } from '../../lib/staff-api'
import { printPageToPdf } from './print'

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; id: string; format: string; receivedBytes: number; totalBytes: number | null }
  | { kind: 'printing' }
  | { kind: 'done'; filename: string; bytes: number | null }
  | { kind: 'cancelled' }
  | { kind: 'failed'; problem: Problem }

let nextExport = 0

export function useExport() {
  const [state, setState] = useState<ExportState>({ kind: 'idle' })
  const cancelled = useRef(new Set<string>())

  const download = useCallback(async (format: string, path: string, query: Record<string, string>) => {
    const id = `export-${format}-${Date.now()}-${nextExport++}`
    setState({ kind: 'running', id, format, receivedBytes: 0, totalBytes: null })
    try {
      const file = await downloadExport(id, path, query, (receivedBytes, totalBytes) =>
        setState((s) => (s.kind === 'running' && s.id === id ? { ...s, receivedBytes, totalBytes } : s)),
      )
      setState({ kind: 'done', filename: file.filename, bytes: file.bytes })
    } catch (error) {
      setState(cancelled.current.has(id) ? { kind: 'cancelled' } : { kind: 'failed', problem: problemFromError(error) })
    } finally {
      cancelled.current.delete(id)
    }
  }, [])

  const cancel = useCallback((id: string) => {
    cancelled.current.add(id)
    void cancelDownload(id)
  }, [])

  const print = useCallback(async (filename: string, prepare?: () => void) => {
    setState({ kind: 'printing' })
    try {
      prepare?.()
      const outcome = await printPageToPdf(filename)
      setState(outcome === 'saved' ? { kind: 'done', filename, bytes: null } : { kind: 'idle' })
    } catch (error) {
      setState({ kind: 'failed', problem: problemFromError(error) })
    }
  }, [])

  return { state, download, cancel, print }
}
