import type { ReactNode } from 'react'
import type { Conflict } from '../../../../shared/desk-api'
import { UntrustedText } from '../../components/UntrustedText'
import type { ActionBody } from '../../../../shared/protocol'
import { useGrievanceStore } from '../../store/grievance-store'
import { divisionName, useOrgStore } from '../../store/org-store'
import { useSyncStore } from '../../store/sync-store'
import type { OrgSummary } from '../../../../shared/protocol'
import { formatDateTime } from '../../lib/time'

/** What the officer tried, in words. */
export function describeAction(body: ActionBody, org: OrgSummary | null): ReactNode {
  switch (body.type) {
    case 'reply':
      return 'Reply'
    case 'note':
      return 'Internal note'
    case 'claim':
      return 'Claim'
    case 'start':
      return 'Start work'
    case 'forward':
      return `Forward to ${divisionName(org, body.toDivision)}`
    case 'resolve':
      return 'Resolve'
    case 'reject':
      return (
        <>
          Reject (&ldquo;
          <UntrustedText text={body.reason} />
          &rdquo;)
        </>
      )
    case 'close':
      return 'Close'
    case 'set-priority':
      return `Set priority to ${body.priority}`
    case 'retry-reply':
      return 'Retry posting a reply'
    case 'accept':
      return 'Make a ticket'
  }
}

function explain(conflict: Conflict): string {
  if (conflict.kind === 'rejected') return `The server refused it: ${conflict.reason}`
  const g = conflict.grievance
  const now = g ? ` It is now ${g.status}${g.assignee ? ` (assignee: ${g.assignee})` : ''}.` : ''
  return `Not applied: the grievance changed on the server before your action arrived (${conflict.reason}).${now} Review it and act again if still needed.`
}

/** Actions the server refused or found stale; they stay until the officer dismisses them. */
export function ConflictsPanel() {
  const conflicts = useSyncStore((s) => s.conflicts)
  const dismiss = useSyncStore((s) => s.dismiss)
  const byId = useGrievanceStore((s) => s.byId)
  const open = useGrievanceStore((s) => s.open)
  const org = useOrgStore((s) => s.org)
  if (conflicts.length === 0) return null

  return (
    <section className="conflicts" data-testid="conflicts" role="alert" aria-label="Actions not applied">
      <h2>{conflicts.length === 1 ? '1 action was not applied' : `${conflicts.length} actions were not applied`}</h2>
      <ul>
        {conflicts.map((c) => {
          const ticket = c.grievance?.ticket ?? byId.get(c.action.grievanceId)?.ticket ?? c.action.grievanceId
          return (
            <li key={c.action.id} className="conflict" data-kind={c.kind} data-action-id={c.action.id}>
              <div>
                <strong>{describeAction(c.action.body, org)}</strong> on{' '}
                <span className="ticket">
                  <UntrustedText text={ticket} />
                </span>
                <span className="muted"> · {formatDateTime(c.at)}</span>
                <p>
                  <UntrustedText text={explain(c)} />
                </p>
              </div>
              <div className="conflict-buttons">
                {byId.has(c.action.grievanceId) && <button onClick={() => open(c.action.grievanceId)}>Open</button>}
                <button data-testid="conflict-dismiss" onClick={() => void dismiss(c.action.id)}>
                  Dismiss
                </button>
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
