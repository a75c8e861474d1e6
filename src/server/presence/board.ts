// Who is on which grievance now, kept in memory: presence is worth a few seconds, so it
// is never written to the database. One entry per session (a desk shows one grievance at
// a time, so saying "viewing B" also leaves A); an entry lasts ttlMs unless said again,
// which the desk does every ~10 s while the grievance stays open. With several instances
// each holds the whole board: every change goes out over a PresenceRelay and comes in
// from the others the same way.
import { EventEmitter } from 'node:events'
import { LIMITS } from '../../shared/limits'
import type { PresenceUser } from '../../shared/protocol'

/** Where the grievance was when presence was said: who may learn of it. */
export interface PresencePlace {
  division: string | null
  assignee: string | null
}

export interface PresenceEntry {
  sessionId: string
  username: string
  displayName: string
  grievanceId: string
  place: PresencePlace
  state: 'viewing' | 'replying'
  since: string
}

/** What travels between instances. */
export type PresenceMessage =
  { kind: 'set'; entry: PresenceEntry } | { kind: 'leave'; sessionId: string } | { kind: 'clear'; sessionIds: string[] }

export interface PresenceRelay {
  publish(message: PresenceMessage): void
  close(): Promise<void>
}

/** Emitted as 'presence' whenever the others on a grievance changed; `by` made the change. */
export interface PresenceChange {
  grievanceId: string
  place: PresencePlace
  by: string | null
}

interface Held extends PresenceEntry {
  expiresAt: number
}

export interface PresenceBoardOptions {
  ttlMs?: number
  /** How often expired entries are swept (default: a tenth of the TTL, at least 250 ms). */
  sweepMs?: number
  now?: () => number
}

export class PresenceBoard extends EventEmitter {
  private readonly bySession = new Map<string, Held>()
  private relay: PresenceRelay | null = null
  private readonly ttlMs: number
  private readonly now: () => number
  private readonly timer: NodeJS.Timeout

  constructor(opts: PresenceBoardOptions = {}) {
    super()
    this.setMaxListeners(0)
    this.ttlMs = opts.ttlMs ?? LIMITS.presenceTtlMs
    this.now = opts.now ?? Date.now
    this.timer = setInterval(() => this.sweep(), opts.sweepMs ?? Math.max(250, Math.floor(this.ttlMs / 10)))
    this.timer.unref()
  }

  useRelay(relay: PresenceRelay): void {
    this.relay = relay
  }

  /** This instance heard it from a desk: held here and told to the other instances. */
  set(entry: PresenceEntry): void {
    this.apply({ kind: 'set', entry })
    this.relay?.publish({ kind: 'set', entry })
  }

  leave(sessionId: string): void {
    this.apply({ kind: 'leave', sessionId })
    this.relay?.publish({ kind: 'leave', sessionId })
  }

  /** Sign-out and revocation: the sessions' presence ends everywhere at once. */
  clearSessions(sessionIds: readonly string[]): void {
    if (sessionIds.length === 0) return
    this.apply({ kind: 'clear', sessionIds: [...sessionIds] })
    this.relay?.publish({ kind: 'clear', sessionIds: [...sessionIds] })
  }

  /** A message from another instance (or this one, when the relay echoes). */
  apply(message: PresenceMessage): void {
    if (message.kind === 'set') {
      const { entry } = message
      const before = this.bySession.get(entry.sessionId)
      const same = before && before.grievanceId === entry.grievanceId && before.state === entry.state
      // A refresh keeps the original `since`: "viewing for 5 minutes", not "since the last ping".
      const since = same ? before.since : entry.since
      this.bySession.set(entry.sessionId, { ...entry, since, expiresAt: this.now() + this.ttlMs })
      if (before && before.grievanceId !== entry.grievanceId) this.changed(before, entry.username)
      if (!same) this.changed(entry, entry.username)
      return
    }
    const ids = message.kind === 'leave' ? [message.sessionId] : message.sessionIds
    for (const id of ids) {
      const before = this.bySession.get(id)
      if (!before) continue
      this.bySession.delete(id)
      this.changed(before, before.username)
    }
  }

  /** The others on a grievance: everyone but `except`, one line per person (replying wins). */
  othersOn(grievanceId: string, except: string): PresenceUser[] {
    const now = this.now()
    const byUser = new Map<string, PresenceUser>()
    for (const held of this.bySession.values()) {
      if (held.grievanceId !== grievanceId || held.username === except || held.expiresAt <= now) continue
      const seen = byUser.get(held.username)
      if (seen && (seen.state === 'replying' || held.state === 'viewing')) continue
      byUser.set(held.username, {
        username: held.username,
        displayName: held.displayName,
        state: held.state,
        since: held.since,
      })
    }
    return [...byUser.values()]
      .sort((a, b) => a.since.localeCompare(b.since) || a.username.localeCompare(b.username))
      .slice(0, LIMITS.presenceUsers)
  }

  /** Drops what was not said again within the TTL (a desk that crashed or lost its network). */
  sweep(): void {
    const now = this.now()
    for (const [id, held] of this.bySession) {
      if (held.expiresAt > now) continue
      this.bySession.delete(id)
      this.changed(held, null)
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer)
    await this.relay?.close()
    this.removeAllListeners()
  }

  private changed(entry: Pick<PresenceEntry, 'grievanceId' | 'place'>, by: string | null): void {
    const change: PresenceChange = { grievanceId: entry.grievanceId, place: entry.place, by }
    this.emit('presence', change)
  }
}
