// One model version: where it came from, how it does on the last 30 days of decisions, and
// deploying it — a rollback when it is older than the deployed one — after a confirmation.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MODELS_PATHS, ModelDeployed, modelPath, type ModelVersionInfo } from '../../../../../shared/models'
import { ProblemText } from '../../../components/ProblemText'
import { problemFromError, type Problem } from '../../../i18n/problem'
import { useFormat } from '../../../i18n/useFormat'
import { staffSend } from '../../../lib/staff-api'

const SOURCE_KEYS = { file: 'sourceFile', upload: 'sourceUpload', trained: 'sourceTrained' } as const

export function ModelRow({
  version: v,
  deployedVersion,
  onDeployed,
}: {
  version: ModelVersionInfo
  deployedVersion: number | null
  onDeployed: (deployed: ModelDeployed) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const rollBack = deployedVersion !== null && v.version < deployedVersion
  const rate = (value: number | null) =>
    value === null ? (
      <span className="muted">{t('admin.models.notMeasured')}</span>
    ) : (
      format.number(value, { style: 'percent', maximumFractionDigits: 1 })
    )

  async function deploy() {
    setBusy(true)
    setProblem(null)
    try {
      const answer = await staffSend(ModelDeployed, 'POST', modelPath(MODELS_PATHS.deploy, v.version))
      setConfirming(false)
      onDeployed(answer)
    } catch (error) {
      setProblem(problemFromError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <tr data-testid={`model-row-${v.version}`} data-deployed={v.deployed || undefined}>
      <th scope="row">{t('admin.models.versionLabel', { version: v.version })}</th>
      <td>
        {t(`admin.models.${SOURCE_KEYS[v.source]}`)}
        <div className="muted">
          <bdi data-untrusted>{v.createdBy}</bdi>, {format.dateTime(v.createdAt)}
        </div>
        {v.summary.note && (
          <div className="muted" data-untrusted>
            {v.summary.note}
          </div>
        )}
      </td>
      <td data-testid={`model-precision-${v.version}`}>{rate(v.quality.precision)}</td>
      <td data-testid={`model-recall-${v.version}`}>{rate(v.quality.recall)}</td>
      <td>{rate(v.quality.f1)}</td>
      <td>{rate(v.quality.reachedRecall)}</td>
      <td>
        {v.deployed ? (
          <span className="model-deployed-badge" data-testid={`model-deployed-${v.version}`}>
            {t('admin.models.deployed')}
          </span>
        ) : confirming ? (
          <div
            className="model-confirm"
            role="group"
            aria-label={t(rollBack ? 'admin.models.rollBackLabel' : 'admin.models.deployLabel', { version: v.version })}
          >
            <p>{t(rollBack ? 'admin.models.confirmRollBack' : 'admin.models.confirmDeploy', { version: v.version })}</p>
            <button
              type="button"
              onClick={() => void deploy()}
              disabled={busy}
              data-testid={`model-confirm-${v.version}`}
            >
              {t(rollBack ? 'admin.models.confirmYesRollBack' : 'admin.models.confirmYes', { version: v.version })}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
              {t('admin.models.cancel')}
            </button>
          </div>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            data-testid={`model-deploy-${v.version}`}
            aria-label={t(rollBack ? 'admin.models.rollBackLabel' : 'admin.models.deployLabel', { version: v.version })}
          >
            {t(rollBack ? 'admin.models.rollBack' : 'admin.models.deploy')}
          </button>
        )}
        {problem && (
          <div className="error-text" role="alert">
            <ProblemText problem={problem} />
          </div>
        )}
      </td>
    </tr>
  )
}
