// The RTI archive of one grievance as a print-ready page: the same record as the JSON
// (src/shared/archive.ts), laid out for A4. It sits over the desk in a portal of its own;
// while it is open, print CSS shows only it ("print-isolated"), so printing the page —
// Electron's printToPDF or the browser's print — makes the archive's PDF.
import { useEffect, useRef } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { ArchiveEvent, GrievanceArchive } from '../../../../../shared/archive'
import { UntrustedText } from '../../../components/UntrustedText'
import { useFormat } from '../../../i18n'
import { divisionName, useOrgStore } from '../../../store/org-store'
import { priorityLabel, statusLabel } from '../../queue/labels'
import { ExportProgress } from '../ExportProgress'
import { useExport } from '../useExport'

export function ArchivePage({ archive, onClose }: { archive: GrievanceArchive; onClose(): void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const org = useOrgStore((s) => s.org)
  const exporter = useExport()
  const close = useRef<HTMLButtonElement>(null)
  const g = archive.grievance
  const division = (id: string | null) =>
    id === null ? t('reports.archive.nobody') : divisionName(org, id, format.language)

  useEffect(() => {
    document.body.classList.add('print-isolated')
    close.current?.focus()
    return () => document.body.classList.remove('print-isolated')
  }, [])

  const what = (event: ArchiveEvent): string => {
    if (event.kind === 'action') return event.action
    const to = [event.toDivision && division(event.toDivision), event.toAssignee].filter(Boolean).join(' / ')
    const from = [event.fromDivision && division(event.fromDivision), event.fromAssignee].filter(Boolean).join(' / ')
    return event.fromDivision === null && event.fromAssignee === null
      ? t('reports.archive.moveCreated', { to: to || t('reports.archive.nobody') })
      : t('reports.archive.move', { from: from || t('reports.archive.nobody'), to: to || t('reports.archive.nobody') })
  }
  const met =
    archive.sla.met === null
      ? t('reports.archive.slaOpen')
      : archive.sla.met
        ? t('reports.archive.slaYes')
        : t('reports.archive.slaNo')

  return createPortal(
    <div
      className="print-page archive-page"
      role="dialog"
      aria-modal="true"
      aria-labelledby="archive-title"
      data-testid="archive-page"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
        // The desk's triage keys must not act on the queue behind the page.
        e.stopPropagation()
      }}
    >
      <div className="archive-actions no-print">
        <button
          type="button"
          className="primary"
          data-testid="archive-print"
          disabled={exporter.state.kind === 'printing'}
          onClick={() => void exporter.print(`${archive.ticket}-archive.pdf`)}
        >
          {t('reports.archive.print')}
        </button>
        <button type="button" ref={close} data-testid="archive-close" onClick={onClose}>
          {t('common.close')}
        </button>
        <ExportProgress state={exporter.state} onCancel={exporter.cancel} />
      </div>
      <header className="report-head">
        <h1 id="archive-title">{t('reports.archive.heading', { ticket: archive.ticket })}</h1>
        <p className="report-meta">
          <span data-untrusted>{archive.org.name}</span>
          <span>
            {t('reports.archive.generated', { at: format.dateTime(archive.generatedAt), by: archive.generatedBy })}
          </span>
        </p>
      </header>
      <dl className="details archive-details">
        <dt>{t('reports.archive.status')}</dt>
        <dd>{statusLabel(t, archive.status)}</dd>
        <dt>{t('reports.archive.division')}</dt>
        <dd data-testid="archive-division">{division(archive.division?.id ?? null)}</dd>
        <dt>{t('reports.archive.citizen')}</dt>
        <dd>
          @<UntrustedText text={g.source.authorUsername} />
        </dd>
        <dt>{t('reports.archive.opened')}</dt>
        <dd>{format.dateTime(g.createdAt)}</dd>
      </dl>

      <h2>{t('reports.archive.source')}</h2>
      <blockquote className="source-tweet">
        <UntrustedText text={g.source.text} lang={g.source.language} />
      </blockquote>

      <h2>{t('reports.archive.tweets')}</h2>
      <table className="report-table" data-testid="archive-tweets">
        <thead>
          <tr>
            <th scope="col">{t('reports.archive.column.at')}</th>
            <th scope="col">{t('reports.archive.column.what')}</th>
            <th scope="col">{t('reports.archive.column.link')}</th>
          </tr>
        </thead>
        <tbody>
          {archive.tweets.map((tweet) => (
            <tr key={tweet.tweetId}>
              <td>{format.dateTime(tweet.at)}</td>
              <td>{t(`reports.archive.tweetRole.${tweet.role}`)}</td>
              <td className="archive-link">{tweet.link}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('reports.archive.thread')}</h2>
      <ol className="archive-thread">
        {g.thread.map((entry) => (
          <li key={entry.id}>
            <p className="muted">
              {t(`reports.archive.kind.${entry.kind}`)} · {entry.by ?? t('reports.archive.server')} ·{' '}
              {format.dateTime(entry.at)}
            </p>
            <p>
              <UntrustedText text={entry.text} />
            </p>
          </li>
        ))}
      </ol>

      <h2>{t('reports.archive.history')}</h2>
      <table className="report-table" data-testid="archive-history">
        <thead>
          <tr>
            <th scope="col">{t('reports.archive.column.at')}</th>
            <th scope="col">{t('reports.archive.column.by')}</th>
            <th scope="col">{t('reports.archive.column.what')}</th>
            <th scope="col">{t('reports.archive.column.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {archive.history.map((event, i) => (
            <tr key={i}>
              <td>{format.dateTime(event.at)}</td>
              <td>{event.kind === 'action' ? event.by : t('reports.archive.server')}</td>
              <td>{what(event)}</td>
              <td>{event.kind === 'action' ? [event.outcome, event.reason].filter(Boolean).join(': ') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('reports.archive.sla')}</h2>
      <dl className="details archive-details" data-testid="archive-sla">
        <dt>{t('reports.archive.slaPriority')}</dt>
        <dd>{priorityLabel(t, archive.sla.priority)}</dd>
        <dt>{t('reports.archive.slaDue')}</dt>
        <dd>{format.dateTime(archive.sla.dueAt)}</dd>
        {archive.sla.firstResponseDueAt && (
          <>
            <dt>{t('reports.archive.slaFirstResponseDue')}</dt>
            <dd>{format.dateTime(archive.sla.firstResponseDueAt)}</dd>
          </>
        )}
        <dt>{t('reports.archive.slaFirstResponse')}</dt>
        <dd>{archive.sla.firstResponseAt ? format.dateTime(archive.sla.firstResponseAt) : t('common.dash')}</dd>
        <dt>{t('reports.archive.slaResolved')}</dt>
        <dd>{archive.sla.resolvedAt ? format.dateTime(archive.sla.resolvedAt) : t('common.dash')}</dd>
        <dt>{t('reports.archive.slaMet')}</dt>
        <dd>{met}</dd>
      </dl>
    </div>,
    document.body,
  )
}
