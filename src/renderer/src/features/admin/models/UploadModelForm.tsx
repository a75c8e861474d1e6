// Uploading a trained model file: checked here first (size, JSON, schema: model-file.ts),
// then by the server (which also checks it fits the organisation). An upload is a new
// version, not a deployment: the admin deploys it from the list.
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LIMITS } from '../../../../../shared/limits'
import { MODEL_LIMITS, MODELS_PATHS, ModelUploaded } from '../../../../../shared/models'
import { ProblemText } from '../../../components/ProblemText'
import { problemFromError, type Problem } from '../../../i18n/problem'
import { useFormat } from '../../../i18n/useFormat'
import { staffSend } from '../../../lib/staff-api'
import { checkModelFile } from './model-file'

export function UploadModelForm({ onUploaded }: { onUploaded: (version: number) => void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const fileInput = useRef<HTMLInputElement>(null)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [uploaded, setUploaded] = useState<number | null>(null)
  const size = (bytes: number) =>
    format.number(bytes / 1024, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 })

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    setUploaded(null)
    const file = fileInput.current?.files?.[0]
    if (!file) return setProblem({ key: 'admin.models.chooseFile' })
    const checked = checkModelFile(file.size > MODEL_LIMITS.fileBytes ? '' : await file.text(), file.size, note)
    if (!checked.ok) {
      if (checked.problem === 'fileTooLarge')
        return setProblem({
          key: 'admin.models.fileTooLarge',
          values: { size: size(checked.bytes), limit: size(MODEL_LIMITS.fileBytes) },
        })
      if (checked.problem === 'fileNotJson') return setProblem({ key: 'admin.models.fileNotJson' })
      return setProblem({ key: 'admin.models.fileNotModel', values: { detail: checked.detail } })
    }
    setBusy(true)
    setProblem(null)
    try {
      const { version } = await staffSend(ModelUploaded, 'POST', MODELS_PATHS.models, checked.body)
      setUploaded(version)
      setNote('')
      if (fileInput.current) fileInput.current.value = ''
      onUploaded(version)
    } catch (error) {
      setProblem(problemFromError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="model-upload-form" onSubmit={(e) => void submit(e)} aria-labelledby="model-upload-heading">
      <h3 id="model-upload-heading">{t('admin.models.uploadHeading')}</h3>
      <p className="muted" id="model-upload-hint">
        {t('admin.models.uploadHint', { size: size(MODEL_LIMITS.fileBytes) })}
      </p>
      <label>
        {t('admin.models.file')}
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-describedby="model-upload-hint"
          data-testid="model-upload-file"
        />
      </label>
      <label>
        {t('admin.models.note')}
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={LIMITS.reasonChars}
          autoComplete="off"
          data-testid="model-upload-note"
        />
      </label>
      <button type="submit" disabled={busy} data-testid="model-upload">
        {t('admin.models.upload')}
      </button>
      {problem && (
        <p className="error-text" role="alert" data-testid="model-upload-problem">
          <ProblemText problem={problem} />
        </p>
      )}
      {uploaded !== null && (
        <p role="status" data-testid="model-uploaded">
          {t('admin.models.uploaded', { version: uploaded })}
        </p>
      )}
    </form>
  )
}
