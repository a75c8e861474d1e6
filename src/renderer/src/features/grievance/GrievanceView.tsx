import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { isOpen, type Grievance } from '../../../../shared/grievance'
import { TriageReasons } from './TriageReasons'
import { UntrustedText } from '../../components/UntrustedText'
import { useFormat } from '../../i18n'
import { useNow } from '../../store/clock'
import { useGrievanceStore } from '../../store/grievance-store'
import { divisionName, useOrgStore } from '../../store/org-store'
import { Composer } from '../composer/Composer'
import { PresenceBar } from '../presence/PresenceBar'
import { priorityLabel, statusLabel } from '../queue/labels'
import { ActionBar } from './ActionBar'
import { CitizenHistory } from './CitizenHistory'
import { Thread } from './Thread'
import { ReviewBanner } from '../review/ReviewBanner'
import { SlaDetails } from '../sla/SlaBadge'
import { TakeLonger } from '../sla/TakeLonger'
import { ArchiveButtons } from '../reports/archive/ArchiveButtons'

function viaText(grievance: Grievance, t: TFunction): string {
  const { kind: via, handle, rule } = grievance.source.via
  const kind = t(`grievance.viaKind.${via}`)
  if (handle && rule) return t('grievance.viaHandleRule', { handle, rule })
  if (handle) return t('grievance.viaKindHandle', { kind, handle })
  if (rule) return t('grievance.viaKindRule', { kind, rule })
  return kind
}

function Details({ grievance: g }: { grievance: Grievance }) {
  const { t } = useTranslation()
  const format = useFormat()
  const org = useOrgStore((s) => s.org)
  const now = useNow()
  const sla = format.slaLeft(g.slaDueAt, now)
  const open = isOpen(g.status)
  return (
    <dl className="details">
      <dt>{t('grievance.citizen')}</dt>
      <dd data-testid="grievance-citizen">
        @<UntrustedText text={g.source.authorUsername} />
        {g.source.authorName && (
          <span className="muted">
            {' '}
            · <UntrustedText text={g.source.authorName} />
          </span>
        )}
      </dd>
      <dt>{t('grievance.via')}</dt>
      <dd>{viaText(g, t)}</dd>
      <dt>{t('grievance.division')}</dt>
      <dd>{divisionName(org, g.division, format.language)}</dd>
      <dt>{t('grievance.priority')}</dt>
      <dd>
        <span className={`pill priority priority-${g.priority}`}>{priorityLabel(t, g.priority)}</span>
      </dd>
      <dt>{t('grievance.assignee')}</dt>
      <dd>
        {g.assignee ? <UntrustedText text={g.assignee} /> : <span className="muted">{t('common.unassigned')}</span>}
      </dd>
      <dt>{t('grievance.slaDue')}</dt>
      <dd className={open && sla.breached ? 'sla-breached' : undefined}>
        {format.dateTime(g.slaDueAt)}
        {open && <span> · {sla.text}</span>}
      </dd>
      <SlaDetails grievance={g} />
      <dt>{t('grievance.triage')}</dt>
      <dd>
        {g.triage.actionable ? t('grievance.actionable') : <strong>{t('grievance.notActionable')}</strong>}
        {g.triage.reasons.length > 0 && (
          <span className="muted">
            {' '}
            — <TriageReasons reasons={g.triage.reasons} />
          </span>
        )}
      </dd>
      <dt>{t('grievance.matchedRules')}</dt>
      <dd data-untrusted={g.matchedRules.length > 0 || undefined}>
        {g.matchedRules.length ? g.matchedRules.join(', ') : <span className="muted">{t('common.none')}</span>}
      </dd>
      {g.statusReason && (
        <>
          <dt>{t('grievance.statusReason')}</dt>
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
  const { t } = useTranslation()

  if (!openId) {
    return (
      <section className="grievance-pane empty-pane">
        <p className="muted">{t('grievance.selectHint')}</p>
      </section>
    )
  }
  if (!grievance) {
    return (
      <section className="grievance-pane empty-pane">
        <p className="muted">{t('grievance.gone')}</p>
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
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <section
      className="grievance-pane"
      data-testid="grievance-view"
      aria-label={t('grievance.regionTicket', { ticket: grievance.ticket })}
    >
      <header className="grievance-head">
        <h2 data-testid="grievance-ticket">{grievance.ticket}</h2>
        <span
          className={`status status-${grievance.status}`}
          data-testid="grievance-status"
          data-status={grievance.status}
        >
          {statusLabel(t, grievance.status)}
        </span>
        <span className="muted">{t('grievance.version', { version: grievance.version })}</span>
      </header>
      <PresenceBar grievanceId={grievance.id} />
      <blockquote className="source-tweet" data-testid="source-tweet">
        <p className="source-text">
          <UntrustedText text={grievance.source.text} lang={grievance.source.language} />
        </p>
        <footer className="muted">
          @<UntrustedText text={grievance.source.authorUsername} /> · {format.dateTime(grievance.source.createdAt)} ·{' '}
          {grievance.source.language}
        </footer>
      </blockquote>
      <Details grievance={grievance} />
      <CitizenHistory grievance={grievance} />
      <ReviewBanner grievance={grievance} />
      <ActionBar grievance={grievance} />
      <TakeLonger grievance={grievance} />
      <ArchiveButtons grievance={grievance} />
      <h3 className="section-title">{t('grievance.thread')}</h3>
      <Thread grievance={grievance} />
      <Composer grievance={grievance} />
    </section>
  )
}
