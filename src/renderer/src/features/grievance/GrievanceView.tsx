import { isOpen, type Grievance } from '../../../../shared/grievance'
import { UntrustedText } from '../../components/UntrustedText'
import { formatDateTime, slaLeft } from '../../lib/time'
import { useNow } from '../../store/clock'
import { useGrievanceStore } from '../../store/grievance-store'
import { divisionName, useOrgStore } from '../../store/org-store'
import { Composer } from '../composer/Composer'
import { PRIORITY_LABELS } from '../queue/labels'
import { ActionBar } from './ActionBar'
import { CitizenHistory } from './CitizenHistory'
import { Thread } from './Thread'
import { ReviewBanner } from '../review/ReviewBanner'

function viaText(grievance: Grievance): string {
  const { kind, handle, rule } = grievance.source.via
  if (handle && rule) return `@${handle} · rule ${rule}`
  if (handle) return `${kind} of @${handle}`
  if (rule) return `${kind} · rule ${rule}`
  return kind
}

function Details({ grievance: g }: { grievance: Grievance }) {
  const org = useOrgStore((s) => s.org)
  const now = useNow()
  const sla = slaLeft(g.slaDueAt, now)
  const open = isOpen(g.status)
  return (
    <dl className="details">
      <dt>Citizen</dt>
      <dd data-testid="grievance-citizen">
        @<UntrustedText text={g.source.authorUsername} />
        {g.source.authorName && (
          <span className="muted">
            {' '}
            · <UntrustedText text={g.source.authorName} />
          </span>
        )}
      </dd>
      <dt>Via</dt>
      <dd>{viaText(g)}</dd>
      <dt>Division</dt>
      <dd>{divisionName(org, g.division)}</dd>
      <dt>Priority</dt>
      <dd>
        <span className={`pill priority priority-${g.priority}`}>{PRIORITY_LABELS[g.priority]}</span>
      </dd>
      <dt>Assignee</dt>
      <dd>{g.assignee ?? <span className="muted">unassigned</span>}</dd>
      <dt>SLA due</dt>
      <dd className={open && sla.breached ? 'sla-breached' : undefined}>
        {formatDateTime(g.slaDueAt)}
        {open && <span> · {sla.text}</span>}
      </dd>
      <dt>Triage</dt>
      <dd>
        {g.triage.actionable ? 'actionable' : <strong>not actionable</strong>}
        {g.triage.reasons.length > 0 && (
          <span className="muted">
            {' '}
            — <UntrustedText text={g.triage.reasons.join('; ')} />
          </span>
        )}
      </dd>
      <dt>Matched rules</dt>
      <dd>{g.matchedRules.length ? g.matchedRules.join(', ') : <span className="muted">none</span>}</dd>
      {g.statusReason && (
        <>
          <dt>Status reason</dt>
          <dd>
            <UntrustedText text={g.statusReason} />
          </dd>
        </>
      )}
    </dl>
  )
}

export function GrievanceView() {
  const openId = useGrievanceStore((s) => s.openId)
  const grievance = useGrievanceStore((s) => (s.openId ? s.byId.get(s.openId) : undefined))

  if (!openId) {
    return (
      <section className="grievance-pane empty-pane">
        <p className="muted">Select a grievance — j/k to move, Enter to open, ? for all keys.</p>
      </section>
    )
  }
  if (!grievance) {
    return (
      <section className="grievance-pane empty-pane">
        <p className="muted">This grievance is no longer in your queue (reassigned or removed).</p>
      </section>
    )
  }
  // One key for everything that holds per-grievance state (dialogs, typed reasons, busy
  // flags): opening another grievance starts them afresh. Siblings must never share a
  // key — ActionBar and Composer once both used grievance.id, and React then kept stale
  // action bars from earlier grievances on screen, wired to those grievances.
  return <GrievanceDetail key={grievance.id} grievance={grievance} />
}

function GrievanceDetail({ grievance }: { grievance: Grievance }) {
  return (
    <section className="grievance-pane" data-testid="grievance-view" aria-label={`Grievance ${grievance.ticket}`}>
      <header className="grievance-head">
        <h2 data-testid="grievance-ticket">{grievance.ticket}</h2>
        <span
          className={`status status-${grievance.status}`}
          data-testid="grievance-status"
          data-status={grievance.status}
        >
          {grievance.status}
        </span>
        <span className="muted">v{grievance.version}</span>
      </header>
      <blockquote className="source-tweet" data-testid="source-tweet">
        <p className="source-text">
          <UntrustedText text={grievance.source.text} lang={grievance.source.language} />
        </p>
        <footer className="muted">
          @<UntrustedText text={grievance.source.authorUsername} /> · {formatDateTime(grievance.source.createdAt)} ·{' '}
          {grievance.source.language}
        </footer>
      </blockquote>
      <Details grievance={grievance} />
      <CitizenHistory grievance={grievance} />
      <ReviewBanner grievance={grievance} />
      <ActionBar grievance={grievance} />
      <h3 className="section-title">Thread</h3>
      <Thread grievance={grievance} />
      <Composer grievance={grievance} />
    </section>
  )
}
