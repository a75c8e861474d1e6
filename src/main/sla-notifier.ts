// A desktop notification when work becomes at risk or breached: the assignee's own work,
// and for supervisors and admins any breach in their scope (src/shared/sla/alerts.ts
// decides). What the desk holds when it starts or signs in is the baseline, not news.
import { Notification } from 'electron'
import { slaAlerts } from '../shared/sla/alerts'
import type { DeskCore } from './desk/index'

/** Past this many at once (a first sync after a long absence) one summary is shown. */
const MAX_SINGLE_NOTIFICATIONS = 3

export function createSlaNotifier(core: DeskCore, onClick: () => void): () => void {
  let known: Map<string, string> | null = null
  let audience: { username: string; oversees: boolean } | null = null

  async function seed(): Promise<void> {
    const user = (await core.handle('session.get', {})).user
    audience = user ? { username: user.username, oversees: user.role !== 'officer' } : null
    known = audience ? slaAlerts(new Map(), await core.handle('grievances.list', {}), audience).known : null
  }

  async function check(ids: string[]): Promise<void> {
    if (!audience || !known) return
    const changed = []
    for (const id of ids) {
      const g = await core.handle('grievances.get', { id })
      if (g) changed.push(g)
    }
    const { alerts, known: seen } = slaAlerts(known, changed, audience)
    // Only the changed ids were looked at: keep everyone else's last state.
    for (const [id, state] of seen) known.set(id, state)
    if (alerts.length === 0 || !Notification.isSupported()) return
    const shown =
      alerts.length > MAX_SINGLE_NOTIFICATIONS
        ? [{ title: `${alerts.length} grievances need attention (SLA)`, body: alerts.map((a) => a.ticket).join(', ') }]
        : alerts.map((a) => ({
            title: a.state === 'breached' ? `SLA breached: ${a.ticket}` : `SLA at risk: ${a.ticket}`,
            body: a.state === 'breached' ? 'A target was missed.' : 'Most of the time allowed is used.',
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
  return off
}
