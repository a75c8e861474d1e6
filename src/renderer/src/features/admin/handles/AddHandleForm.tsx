// Adding a handle: its X username, optionally the division it serves and whether it posts
// the replies. The server checks the division and refuses a duplicate; its answer shows here.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AddHandleInput, HANDLES_PATHS, HandleStatus } from '../../../../../shared/handles'
import { LIMITS } from '../../../../../shared/limits'
import { ProblemText } from '../../../components/ProblemText'
import { problemFromError, type Problem } from '../../../i18n/problem'
import { staffSend } from '../../../lib/staff-api'

export function AddHandleForm({ onAdded }: { onAdded: (h: HandleStatus) => void }) {
  const { t } = useTranslation()
  const [username, setUsername] = useState('')
  const [division, setDivision] = useState('')
  const [primary, setPrimary] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [invalid, setInvalid] = useState(false)

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    const input = AddHandleInput.safeParse({
      username,
      ...(division.trim() ? { division: division.trim() } : {}),
      ...(primary ? { primary } : {}),
    })
    if (!input.success) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    setBusy(true)
    try {
      const added = await staffSend(HandleStatus, 'POST', HANDLES_PATHS.handles, input.data)
      setUsername('')
      setDivision('')
      setPrimary(false)
      setProblem(null)
      onAdded(added)
    } catch (error) {
      setProblem(problemFromError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="handle-add-form" onSubmit={(e) => void submit(e)} aria-labelledby="handle-add-heading">
      <h3 id="handle-add-heading">{t('admin.handles.addHeading')}</h3>
      <label>
        {t('admin.handles.username')}
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          maxLength={LIMITS.xUsernameChars + 1}
          required
          autoComplete="off"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? 'handle-add-invalid' : undefined}
          data-testid="handle-add-username"
        />
      </label>
      <label>
        {t('admin.handles.divisionOptional')}
        <input
          value={division}
          onChange={(e) => setDivision(e.target.value)}
          maxLength={LIMITS.nameChars}
          autoComplete="off"
        />
      </label>
      <label className="handle-add-primary">
        <input type="checkbox" checked={primary} onChange={(e) => setPrimary(e.target.checked)} />
        {t('admin.handles.makePrimary')}
      </label>
      <button type="submit" disabled={busy} data-testid="handle-add">
        {t('admin.handles.add')}
      </button>
      {invalid && (
        <p id="handle-add-invalid" className="error-text" role="alert">
          {t('admin.handles.usernameInvalid')}
        </p>
      )}
      {problem && (
        <p className="error-text" role="alert">
          <ProblemText problem={problem} />
        </p>
      )}
    </form>
  )
}
