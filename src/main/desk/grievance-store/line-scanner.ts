// Reads a JSON-lines file in large chunks and hands each complete line to a callback,
// giving the event loop back every few milliseconds: opening 100,000 grievances must not
// freeze the thread that serves the renderer.
import { open } from 'node:fs/promises'
import { setImmediate as yieldToLoop } from 'node:timers/promises'

const CHUNK_BYTES = 1 << 22
/** Longest stretch of parsing before the loop gets a turn. */
export const SLICE_MS = 8

export interface ScanResult {
  /** Byte offset just past the last complete line the callback accepted. */
  end: number
  /** True when the file ends with bytes that are not a complete line (a torn write). */
  tornTail: boolean
  /** True when the callback stopped the scan (a line it could not use). */
  stopped: boolean
}

/**
 * `onLine` gets the line (without its newline), its byte offset and length; returning
 * false stops the scan at that line (it and everything after it are not accepted).
 */
export async function scanLines(
  file: string,
  from: number,
  onLine: (line: string, offset: number, length: number) => boolean,
): Promise<ScanResult> {
  const handle = await open(file, 'r')
  try {
    let position = from
    let carry: Buffer | null = null
    let carryOffset = from
    let sliceStart = performance.now()
    // Reused: a chunk is decoded to strings (and its tail copied) before the next read.
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES)
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, position)
      if (bytesRead === 0) return { end: carryOffset, tornTail: carry !== null && carry.length > 0, stopped: false }
      position += bytesRead
      const buf: Buffer = carry ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead)
      const lastNewline = buf.lastIndexOf(10)
      // One decode per chunk, not per line (a newline byte never falls inside a UTF-8 character).
      const lines = lastNewline < 0 ? [] : buf.toString('utf8', 0, lastNewline).split('\n')
      let offset = carryOffset
      for (const line of lines) {
        const length = Buffer.byteLength(line)
        if (!onLine(line, offset, length)) return { end: offset, tornTail: false, stopped: true }
        offset += length + 1
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToLoop()
          sliceStart = performance.now()
        }
      }
      const rest = lastNewline + 1
      carry = rest < buf.length ? Buffer.from(buf.subarray(rest)) : null
      carryOffset = offset
    }
  } finally {
    await handle.close()
  }
}

/** Lets long loops over in-memory data share the thread. */
export class Slicer {
  private start = performance.now()
  async maybeYield(): Promise<void> {
    if (performance.now() - this.start > SLICE_MS) {
      await yieldToLoop()
      this.start = performance.now()
    }
  }
}
