// When each user's desk last pulled changes or sent actions, kept in memory: like presence,
// it is worth minutes, so it is never written to the database. Applied actions are in the
// `actions` table as well, which is what other instances see (src/server/monitor/snapshot.ts).
export class ActivityBoard {
  private readonly lastSeen = new Map<string, number>()

  constructor(private readonly now: () => number = Date.now) {}

  seen(username: string): void {
    this.lastSeen.set(username, this.now())
  }

  /** The last time this instance heard from the user's desk, or null. */
  lastSeenAt(username: string): Date | null {
    const at = this.lastSeen.get(username)
    return at === undefined ? null : new Date(at)
  }
}
