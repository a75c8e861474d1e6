// The supervisor's live monitor: division cards with their queue and SLA figures, the
// officers' presence and load, a division's open work on a click, and reassignment to a
// named officer (one grievance or a selection). Online only: figures come from the server.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Grievance } from '../../../../shared/grievance'
import { ProblemText } from '../../components/ProblemText'
import { useFormat } from '../../i18n'
import { describeError, invokeDesk } from '../../lib/bridge'
import { useGrievanceStore } from '../../store/grievance-store'
import { DivisionCards } from './DivisionCards'
import { DivisionQueue } from './DivisionQueue'
import { OfficersTable } from './OfficersTable'
import { ReassignDialog } from './ReassignDialog'
import { divisionQueue, eligibleOfficers, runReassign, type ReassignOutcome } from './reassign'
import { useMonitor } from './useMonitor'

export function MonitorView() {
  const { t } = useTranslation()
  const format = useFormat()
  const { snapshot, problem, refresh } = useMonitor()
  const list = useGrievanceStore((s) => s.list)
  const upsert = useGrievanceStore((s) => s.upsert)
  const [chosen, setChosen] = useState<string | null>(null)
  const [targets, setTargets] = useState<Grievance[] | null>(null)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [outcomes, setOutcomes] = useState<ReassignOutcome[] | null>(null)

  const division = snapshot?.divisions.find((d) => d.id === chosen) ?? null
  const queue = useMemo(() => (chosen ? divisionQueue(list, chosen) : []), [list, chosen])
  const officers = useMemo(() => eligibleOfficers(snapshot?.officers ?? [], chosen), [snapshot, chosen])

  async function reassign(assignee: string) {
    if (!targets) return
    setOutcomes(null)
    setProgress({ done: 0, total: targets.length })
    const results = await runReassign(
      targets,
      assignee,
      async (grievanceId, body, bulk) => {
        const { grievance } = await invokeDesk('actions.submit', { grievanceId, body, ...(bulk ? { bulk } : {}) })
        upsert(grievance)
      },
      describeError,
      () => crypto.randomUUID(),
      (done) => setProgress({ done, total: targets.length }),
    )
    setProgress(null)
    setTargets(null)
    setOutcomes(results)
    refresh()
  }

  const failed = outcomes?.filter((o) => o.error !== null) ?? []
  return (
    <main className="monitor-view" data-testid="monitor-view">
      <header className="monitor-head">
        <h1>{t('monitor.title')}</h1>
        <span className="spacer" />
        {snapshot && (
          <span className="muted">{t('monitor.updatedAt', { time: format.dateTime(snapshot.at, 'time') })}</span>
        )}
        <button className="link" onClick={refresh}>
          {t('monitor.refresh')}
        </button>
      </header>
      {problem && (
        <p className="error-text" role="alert">
          <ProblemText problem={problem} />
        </p>
      )}
      {snapshot && (
        <>
          <DivisionCards
            divisions={snapshot.divisions}
            chosen={chosen}
            onChoose={(id) => setChosen(id === chosen ? null : id)}
          />
          {division && (
            <DivisionQueue
              title={format.language === 'hi' && division.nameHi ? division.nameHi : division.name}
              grievances={queue}
              onReassign={(next) => {
                setOutcomes(null)
                setTargets(next)
              }}
              onClose={() => setChosen(null)}
            />
          )}
          {targets && targets.length > 0 && (
            <ReassignDialog
              targets={targets}
              officers={officers}
              busy={progress !== null}
              onConfirm={(assignee) => void reassign(assignee)}
              onCancel={() => setTargets(null)}
            />
          )}
          {progress && (
            <p aria-live="polite" data-testid="reassign-progress">
              {t('monitor.reassign.working', { ...progress })}
            </p>
          )}
          {outcomes && (
            <div aria-live="polite" data-testid="reassign-results">
              <p>{t('monitor.reassign.done', { count: outcomes.length - failed.length })}</p>
              {failed.length > 0 && (
                <ul>
                  {failed.map((o) => (
                    <li key={o.id} className="error">
                      {t('monitor.reassign.failed', { ticket: o.ticket, message: o.error })}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <OfficersTable officers={snapshot.officers} />
        </>
      )}
    </main>
  )
}
