// A small reader of the server's event stream for tests: collects events, tells when
// the server ended the stream.
import type { ServerEvent } from '../../src/shared/protocol'

export interface TestStream {
  status: number
  events: ServerEvent[]
  /** Resolves when the server ends the stream (or it breaks). */
  ended: Promise<void>
  isEnded(): boolean
  close(): void
}

export async function openStream(base: string, token: string): Promise<TestStream> {
  const abort = new AbortController()
  const res = await fetch(`${base}/api/v1/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
  })
  const events: ServerEvent[] = []
  let done = false
  const ended = (async () => {
    if (!res.ok || !res.body) return
    const reader = res.body.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for (;;) {
        const { value, done: finished } = await reader.read()
        if (finished) return
        buffer += decoder.decode(value, { stream: true })
        let cut: number
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, cut))?.[1]
          buffer = buffer.slice(cut + 2)
          if (data) events.push(JSON.parse(data) as ServerEvent)
        }
      }
    } catch {
      // Aborted by close() or cut: ended either way.
    }
  })().finally(() => {
    done = true
  })
  return { status: res.status, events, ended, isEnded: () => done, close: () => abort.abort() }
}
