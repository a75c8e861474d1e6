// The filtered stream: one long-lived chunked response of newline-delimited JSON,
// "\r\n" keep-alives, one connection at a time (as on X), with the stream faults
// (drops, duplicates, shuffled bursts) applied here.

import type { ServerResponse } from 'node:http'
import type { SimContext } from './context'
import { shuffleInPlace } from './faults'
import { buildIncludes, renderTweet, type FieldSelection } from './render'
import type { Tweet } from './store'

const BURST_WINDOW_MS = 30

interface Connection {
  res: ServerResponse
  sel: FieldSelection
  delivered: number
  keepAlive: NodeJS.Timeout
  burst: string[]
  burstTimer: NodeJS.Timeout | undefined
}

export class FilteredStreamHub {
  private conn: Connection | undefined
  private ctx: SimContext | undefined

  constructor(readonly keepAliveMs: number) {}

  attach(ctx: SimContext): void {
    this.ctx = ctx
  }

  get connected(): boolean {
    return this.conn !== undefined
  }

  open(res: ServerResponse, sel: FieldSelection, headers: Record<string, string>, backfill: readonly Tweet[]): void {
    res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' })
    res.flushHeaders()
    res.socket?.setNoDelay(true)
    const conn: Connection = {
      res,
      sel,
      delivered: 0,
      keepAlive: setInterval(() => {
        if (!res.writableEnded) res.write('\r\n')
      }, this.keepAliveMs),
      burst: [],
      burstTimer: undefined,
    }
    this.conn = conn
    res.on('close', () => this.release(conn))
    for (const tweet of backfill) this.deliver(tweet)
  }

  /** Called for every new tweet; sends it if it matches a rule. */
  deliver(tweet: Tweet): void {
    const conn = this.conn
    const ctx = this.ctx
    if (!conn || !ctx || tweet.deleted) return
    const matched = ctx.rules.matching(tweet, ctx.store)
    if (matched.length === 0) return
    const event: Record<string, unknown> = { data: renderTweet(tweet, ctx.store, conn.sel.tweetFields) }
    const includes = buildIncludes([tweet], ctx.store, conn.sel)
    if (includes) event.includes = includes
    event.matching_rules = matched.map((r) => (r.tag === undefined ? { id: r.id } : { id: r.id, tag: r.tag }))
    const line = `${JSON.stringify(event)}\r\n`
    if (ctx.faults.outOfOrder > 0) {
      conn.burst.push(line)
      conn.burstTimer ??= setTimeout(() => this.flushBurst(conn), BURST_WINDOW_MS)
    } else {
      this.write(conn, line)
    }
  }

  private flushBurst(conn: Connection): void {
    const ctx = this.ctx!
    conn.burstTimer = undefined
    const lines = conn.burst.splice(0)
    if (ctx.random.chance(ctx.faults.outOfOrder)) shuffleInPlace(lines, ctx.random.next)
    for (const line of lines) {
      if (this.conn !== conn) return
      this.write(conn, line)
    }
  }

  private write(conn: Connection, line: string): void {
    const ctx = this.ctx!
    if (conn.res.writableEnded) return
    conn.res.write(line)
    ctx.stats.streamEventsSent++
    ctx.usage.count(1)
    if (ctx.faults.duplicateRate > 0 && ctx.random.chance(ctx.faults.duplicateRate)) conn.res.write(line)
    conn.delivered++
    const every = ctx.faults.dropStreamEvery
    if (every > 0 && conn.delivered % every === 0) {
      ctx.stats.streamDrops++
      this.close(conn)
    }
  }

  private close(conn: Connection): void {
    this.release(conn)
    if (!conn.res.writableEnded) conn.res.end()
  }

  private release(conn: Connection): void {
    clearInterval(conn.keepAlive)
    if (conn.burstTimer) clearTimeout(conn.burstTimer)
    if (this.conn === conn) this.conn = undefined
  }

  closeAll(): void {
    if (this.conn) this.close(this.conn)
  }
}
