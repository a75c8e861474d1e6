// The officer's presence on a grievance, told to the server (POST /api/v1/presence) when
// it changes and again every refreshMs while it lasts, since the server forgets presence
// not said again within its TTL (30 s). Best effort throughout: offline, a failed post is
// dropped and the next refresh tries again; nothing here ever blocks the officer.
import type { PresenceList, PresenceState } from '../../shared/protocol'
import type { ServerClient } from './server-client'

export const PRESENCE_REFRESH_MS = 10_000

export class DeskPresence {
  private current: { grievanceId: string; state: Exclude<PresenceState, 'left'> } | null = null
  private timer: NodeJS.Timeout | null = null
  private stopped = false

  constructor(
    private readonly client: ServerClient,
    /** The others on the grievance, as the server answered. */
    private readonly heard: (list: PresenceList) => void,
    private readonly refreshMs = PRESENCE_REFRESH_MS,
  ) {}

  set(grievanceId: string, state: PresenceState): void {
    if (this.stopped) return
    const leaving = state === 'left'
    // "left" of a grievance the desk already moved away from says nothing new.
    if (leaving && this.current?.grievanceId !== grievanceId) return
    this.current = leaving ? null : { grievanceId, state }
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    void this.post(grievanceId, state)
    if (!leaving) {
      this.timer = setInterval(() => {
        if (this.current) void this.post(this.current.grievanceId, this.current.state)
      }, this.refreshMs)
      this.timer.unref()
    }
  }

  /** The session ended: the server drops its presence itself at sign-out. */
  stop(): void {
    this.stopped = true
    this.current = null
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  private async post(grievanceId: string, state: PresenceState): Promise<void> {
    try {
      const list = await this.client.presence(grievanceId, state)
      if (!this.stopped && state !== 'left') this.heard(list)
    } catch {
      // Offline, signed out, or the grievance left the officer's scope: presence is not worth an error.
    }
  }
}
