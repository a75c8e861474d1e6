// Server-sent events read over fetch (EventSource cannot send a Bearer header).
// Parses the text/event-stream framing: `event:`/`data:` lines, blank line ends an event.
import { ServerEvent } from '../../shared/protocol'

export interface RawSseEvent {
  event: string
  data: string
}

/** Incremental parser: feed it chunks, it returns the complete events so far. */
export class SseParser {
  private buffer = ''

  feed(chunk: string): RawSseEvent[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n')
    const events: RawSseEvent[] = []
    let end: number
    while ((end = this.buffer.indexOf('\n\n')) !== -1) {
      const block = this.buffer.slice(0, end)
      this.buffer = this.buffer.slice(end + 2)
      let event = 'message'
      const data: string[] = []
      for (const line of block.split('\n')) {
        if (line === '' || line.startsWith(':')) continue
        const colon = line.indexOf(':')
        const field = colon === -1 ? line : line.slice(0, colon)
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
        if (field === 'event') event = value
        else if (field === 'data') data.push(value)
      }
      if (data.length > 0) events.push({ event, data: data.join('\n') })
    }
    return events
  }
}

/** Reads a stream response until it ends or is aborted, handing each protocol event over. */
export async function readServerEvents(response: Response, onEvent: (event: ServerEvent) => void): Promise<void> {
  if (!response.body) return
  const parser = new SseParser()
  const decoder = new TextDecoder()
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      for (const raw of parser.feed(decoder.decode(value, { stream: true }))) {
        let json: unknown
        try {
          json = JSON.parse(raw.data)
        } catch {
          continue // A keep-alive or an event from a newer server: not ours to fail on.
        }
        const parsed = ServerEvent.safeParse(json)
        if (parsed.success) onEvent(parsed.data)
      }
    }
  } finally {
    reader.releaseLock()
  }
}
