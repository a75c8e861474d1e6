// A desktop notification when a grievance is newly assigned to the signed-in officer.
// Grievances already assigned when the desk starts (or signs in) are not announced,
// nor those the officer claimed themself; a burst (first sync after a long absence)
// becomes one summary notification.
import { Notification } from 'electron'
import type { DeskCore } from './desk/index'

const MAX_SINGLE_NOTIFICATIONS = 3

export interface AssignmentNotifier {
  /** Tell the notifier about an action the officer submitted (their own claims are not news). */
  noteOwnAction(input: unknown): void
  dispose(): void
}

export function createAssignmentNotifier(core: DeskCore, onClick: () => void): AssignmentNotifier {
  let known = new Set<string>()
  let username: string | null = null
  const claimedByMe = new Set<string>()

  async function seed(): Promise<void> {
    username = (await core.handle('session.get', {})).user?.username ?? null
    const all = username ? await core.handle('grievances.list', {}) : []
    known = new Set(all.filter((g) => g.assignee === username).map((g) => g.id))
  }

  async function check(ids: string[]): Promise<void> {
    if (!username) return
    const fresh = []
    for (const id of ids) {
      if (known.has(id)) continue
      const g = await core.handle('grievances.get', { id })
      if (!g || g.assignee !== username) continue
      known.add(id)
      if (!claimedByMe.delete(id)) fresh.push(g)
    }
    if (fresh.length === 0 || !Notification.isSupported()) return
    const shown =
      fresh.length > MAX_SINGLE_NOTIFICATIONS
        ? [
            {
              title: `${fresh.length} grievances assigned to you`,
              body: fresh
                .slice(0, 5)
                .map((g) => g.ticket)
                .join(', '),
            },
          ]
        : fresh.map((g) => ({
            title: `New grievance ${g.ticket}`,
            body: `@${g.source.authorUsername}: ${g.source.text.slice(0, 140)}`,
          }))
    for (const { title, body } of shown) {
      const notification = new Notification({ title, body })
      notification.on('click', onClick)
      notification.show()
    }
  }

  const off = core.onEvent((event) => {
    if (event.type === 'session') void seed().catch(() => undefined)
    if (event.type === 'grievances-changed') void check(event.ids).catch(() => undefined)
  })
  void seed().catch(() => undefined)

  return {
    noteOwnAction(input) {
      const submit = input as { grievanceId?: unknown; body?: { type?: unknown } } | null
      if (typeof submit?.grievanceId === 'string' && (submit.body?.type === 'claim' || submit.body?.type === 'start')) {
        claimedByMe.add(submit.grievanceId)
      }
    },
    dispose: off,
  }
}
