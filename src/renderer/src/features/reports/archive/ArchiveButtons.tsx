// "Archive (RTI)" in the grievance view: the whole record of the grievance as JSON (a
// download through the desk, like the reports' exports) or as a print-ready page for PDF.
// Online only: the archive is the server's record, not the desk's cache.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { archivePath, GrievanceArchive } from '../../../../../shared/archive'
import type { Grievance } from '../../../../../shared/grievance'
import { ProblemText } from '../../../components/ProblemText'
import { problemFromError, type Problem } from '../../../i18n/problem'
import { staffGet } from '../../../lib/staff-api'
import { ExportProgress } from '../ExportProgress'
import { useExport } from '../useExport'
import { ArchivePage } from './ArchivePage'

export function ArchiveButtons({ grievance }: { grievance: Grievance }) {
  const { t } = useTranslation()
  const exporter = useExport()
  const [archive, setArchive] = useState<GrievanceArchive | null>(null)
  const [opening, setOpening] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)

  const openPage = async () => {
    setOpening(true)
    setProblem(null)
    try {
      setArchive(await staffGet(GrievanceArchive, archivePath(grievance.id)))
    } catch (error) {
      setProblem(problemFromError(error))
    } finally {
      setOpening(false)
    }
  }

  return (
    <div className="archive-buttons">
      <button
        type="button"
        data-testid="grievance-archive-json"
        title={t('reports.archive.jsonTitle')}
        disabled={exporter.state.kind === 'running'}
        onClick={() => void exporter.download('json', archivePath(grievance.id), {})}
      >
        {t('reports.archive.json')}
      </button>
      <button
        type="button"
        data-testid="grievance-archive-pdf"
        title={t('reports.archive.pdfTitle')}
        disabled={opening}
        onClick={() => void openPage()}
      >
        {opening ? t('reports.archive.loading') : t('reports.archive.pdf')}
      </button>
      <ExportProgress state={exporter.state} onCancel={exporter.cancel} />
      {problem && (
        <span className="error" role="alert">
          <ProblemText problem={problem} />
        </span>
      )}
      {archive && <ArchivePage archive={archive} onClose={() => setArchive(null)} />}
    </div>
  )
}
