// Server-sent events, scoped to what each user may see. `hello` on connect carries the
// seq of the newest change the user may see; `changes` goes out only when a change
// touched their scope (before or after it), with that change's seq, so the stream says
// nothing about other divisions' activity; a `: ping` comment every 15 s keeps proxies open.
//
// One instance, one fan-out: each batch of new change rows is read once and matched
// against every open stream in memory, not queried per stream. Streams belong to a
// session and end with it: at once on this instance when it is signed out or revoked
// (closeSessions), when it expires (a timer), and on every ping the open sessions are
// re-checked in one query, which closes streams of sessions ended on another instance
// within one ping interval and picks up changes to a user's divisions.
//
// Presence (src/server/presence) rides the same streams: when the others on a grievance
// change, each stream whose user may see that grievance gets the new list of others, never
// a line about its own user; a session that ends here takes its presence with it.
import type { FastifyReply } from 'fastify'
import { LIMITS } from '../../shared/limits'
import type { ServerEvent } from '../../shared/protocol'
import { liveSessions, type Session, type SessionCloser } from '../auth'
import type { ServerContext } from '../context'
import type { Queryable } from '../db/database'
import { currentSeq } from '../grievances'
import type { PresenceBoard, PresenceChange } from '../presence'
import { canSee, canSeeChange, seesWholeOrg, type ChangePlace } from '../scope'

const PING_MS = 15_000
/** Change rows read per fan-out query. */
const FANOUT_PAGE = 1_000
/** setTimeout's longest delay. */
const MAX_TIMER_MS = 2 ** 31 - 1

export interface EventStreamOptions {
  pingMs?: number
  maxPerSession?: number
  presence?: PresenceBoard
}

interface OpenStream {
  session: Session
  /** Newest seq this stream has announced; null until hello went out. */
  told: number | null
  /** Newest visible seq that arrived before hello went out. */
  heldBack: number
  send(event: ServerEvent): void
  ping(): void
  end(): void
}

interface ChangeRow extends ChangePlace {
  [key: string]: unknown
  seq: number
}

/** The newest change the user may know of (0: none). */
export async function latestVisibleSeq(db: Queryable, user: Session['user']): Promise<number> {
  if (seesWholeOrg(user)) return currentSeq(db)
  const [row] = await db.query<{ seq: number }>(
    `SELECT seq FROM changes
     WHERE division = ANY($1::text[]) OR prev_division = ANY($1::text[]) OR assignee = $2 OR prev_assignee = $2
     ORDER BY seq DESC LIMIT 1`,
    [user.divisions, user.username],
  )
  return Number(row?.seq ?? 0)
}

export class EventStreams implements SessionCloser {
  private readonly bySession = new Map<string, Set<OpenStream>>()
  private readonly pingMs: number
  private readonly maxPerSession: number
  /** Seq up to which change rows have been fanned out. */
  private cursor: number | null = null
  private target = 0
  private fanning: Promise<void> | null = null
  private readonly timer: NodeJS.Timeout
  private readonly onChanges = (latest: number): void => {
    this.target = Math.max(this.target, latest)
    this.kick()
  }
  private readonly presence: PresenceBoard | null
  private readonly onPresence = (change: PresenceChange): void => this.deliverPresence(change)

  constructor(
    private readonly ctx: ServerContext,
    opts: EventStreamOptions = {},
  ) {
    this.pingMs = opts.pingMs ?? PING_MS
    this.maxPerSession = opts.maxPerSession ?? LIMITS.streamsPerSession
    ctx.changes.on('changes', this.onChanges)
    this.presence = opts.presence ?? null
    this.presence?.on('presence', this.onPresence)
    this.timer = setInterval(() => void this.tick(), this.pingMs)
    this.timer.unref()
  }

  /** Streams open on this instance now. */
  get openStreams(): number {
    let n = 0
    for (const streams of this.bySession.values()) n += streams.size
    return n
  }

  /** Users with an event stream open on this instance now (the monitor's "connected"). */
  connectedUsers(): Set<string> {
    const users = new Set<string>()
    for (const streams of this.bySession.values())
      for (const stream of streams) if (stream.told !== null) users.add(stream.session.user.username)
    return users
  }

  async open(reply: FastifyReply, session: Session): Promise<void> {
    // The cursor is where this instance starts fanning out; set before the first stream exists.
    this.cursor ??= Math.max(this.target, await currentSeq(this.ctx.db))
    const streams = this.bySession.get(session.id) ?? new Set<OpenStream>()
    this.bySession.set(session.id, streams)
    // At the cap the oldest stream of the session goes: a desk that reconnects after a
    // network drop must get through even while its dead connections still look open.
    for (const oldest of streams) {
      if (streams.size < this.maxPerSession) break
      oldest.end()
    }
    const res = reply.raw
    let ended = false
    let started = false
    const expiry = setTimeout(() => stream.end(), Math.min(MAX_TIMER_MS, session.expiresAt.getTime() - Date.now()))
    const cleanup = (): void => {
      if (ended) return
      ended = true
      clearTimeout(expiry)
      streams.delete(stream)
      if (streams.size === 0 && this.bySession.get(session.id) === streams) this.bySession.delete(session.id)
    }
    const stream: OpenStream = {
      session,
      told: null,
      heldBack: 0,
      send: (event) => {
        if (started && !ended) res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`)
      },
      ping: () => {
        if (started && !ended) res.write(': ping\n\n')
      },
      end: () => {
        cleanup()
        if (started) res.end()
      },
    }
    // Registered before hello is computed, so a change committed meanwhile is not missed.
    streams.add(stream)
    // The response's close: the client went away, or we ended it.
    res.on('close', cleanup)
    let hello: number
    try {
      hello = await latestVisibleSeq(this.ctx.db, session.user)
    } catch (error) {
      cleanup()
      throw error
    }
    reply.hijack()
    started = true
    res.writeHead(200, {
      ...securityHeadersOf(reply),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    })
    if (ended || res.destroyed) {
      cleanup()
      res.end()
      return
    }
    stream.told = hello
    stream.send({ type: 'hello', seq: hello })
    if (stream.heldBack > hello) this.announce(stream, stream.heldBack)
  }

  /** Ends this instance's streams of these sessions now (sign-out, revocation). */
  closeSessions(sessionIds: readonly string[]): void {
    this.presence?.clearSessions(sessionIds)
    for (const id of sessionIds) for (const stream of [...(this.bySession.get(id) ?? [])]) stream.end()
  }

  closeAll(): void {
    clearInterval(this.timer)
    this.ctx.changes.off('changes', this.onChanges)
    this.presence?.off('presence', this.onPresence)
    this.closeSessions([...this.bySession.keys()])
  }

  /** Pings every stream, then re-checks every open session in one query. */
  async tick(): Promise<void> {
    for (const streams of this.bySession.values()) for (const stream of streams) stream.ping()
    this.kick()
    const ids = [...this.bySession.keys()]
    if (ids.length === 0) return
    let live: Map<string, Session>
    try {
      live = await liveSessions(this.ctx.db, ids)
    } catch (error) {
      this.ctx.log(`[events] could not re-check sessions: ${String(error)}`)
      return
    }
    for (const id of ids) {
      const session = live.get(id)
      if (!session) this.closeSessions([id])
      else for (const stream of this.bySession.get(id) ?? []) stream.session = session
    }
  }

  private kick(): void {
    // Nothing new: return here. fanOut() with nothing to read never awaits, so its
    // `finally` would clear `fanning` before the promise is stored, leaving it set for good.
    if (this.cursor === null || this.fanning || this.cursor >= this.target) return
    this.fanning = this.fanOut()
  }

  private async fanOut(): Promise<void> {
    try {
      while (this.cursor !== null && this.cursor < this.target) {
        const from = this.cursor
        const rows = await this.ctx.db.query<ChangeRow>(
          `SELECT seq, division, assignee, prev_division, prev_assignee FROM changes
           WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
          [from, this.target, FANOUT_PAGE],
        )
        this.cursor = rows.length < FANOUT_PAGE ? this.target : Number(rows[rows.length - 1]!.seq)
        if (rows.length > 0) this.deliver(rows)
      }
    } catch (error) {
      // Tried again on the next change or ping; the desks' periodic pull covers the gap.
      this.ctx.log(`[events] could not read changes to announce: ${String(error)}`)
    } finally {
      this.fanning = null
    }
  }

  private deliver(rows: readonly ChangeRow[]): void {
    for (const streams of this.bySession.values()) {
      for (const stream of streams) {
        const user = stream.session.user
        let visible = 0
        for (let i = rows.length - 1; i >= 0; i--) {
          const row = rows[i]!
          if (seesWholeOrg(user) || canSeeChange(user, row)) {
            visible = Number(row.seq)
            break
          }
        }
        if (visible > 0) this.announce(stream, visible)
      }
    }
  }

  private deliverPresence({ grievanceId, place, by }: PresenceChange): void {
    const board = this.presence
    if (!board) return
    for (const streams of this.bySession.values()) {
      for (const stream of streams) {
        const user = stream.session.user
        if (stream.told === null || user.username === by || !canSee(user, place)) continue
        stream.send({ type: 'presence', grievanceId, users: board.othersOn(grievanceId, user.username) })
      }
    }
  }

  private announce(stream: OpenStream, seq: number): void {
    if (stream.told === null) stream.heldBack = Math.max(stream.heldBack, seq)
    else if (seq > stream.told) {
      stream.told = seq
      stream.send({ type: 'changes', seq })
    }
  }
}

/** Headers the hooks (helmet) set on the reply; a hijacked response must copy them itself. */
function securityHeadersOf(reply: FastifyReply): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (typeof value === 'string') out[name] = value
    else if (typeof value === 'number') out[name] = String(value)
    else if (Array.isArray(value)) out[name] = value.join(', ')
  }
  return out
}
