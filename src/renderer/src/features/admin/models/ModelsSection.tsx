// Administration: the triage model's versions. Each is measured on the last 30 days of
// officers' decisions (the server triages them again with that version), so an admin can
// see whether a new model does better before deploying it, and roll back if it does not.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemText } from '../../../components/ProblemText'
import { useFormat } from '../../../i18n/useFormat'
import { ModelRow } from './ModelRow'
import { UploadModelForm } from './UploadModelForm'
import { useModels } from './useModels'

export function ModelsSection() {
  const { t } = useTranslation()
  const format = useFormat()
  const { list, problem, reload } = useModels()
  const [deployedNow, setDeployedNow] = useState<number | null>(null)
  return (
    <section className="admin-section models-section" data-testid="admin-models" aria-labelledby="models-heading">
      <h2 id="models-heading">{t('admin.models.title')}</h2>
      <p className="muted">{t('admin.models.intro')}</p>
      {problem && (
        <p className="error-text" role="alert">
          <ProblemText problem={problem} />
        </p>
      )}
      {list && (
        <p data-testid="models-window">
          {list.decisions > 0
            ? t('admin.models.window', { count: list.decisions, since: format.dateTime(list.since, 'date') })
            : t('admin.models.noDecisions')}
        </p>
      )}
      <p role="status" data-testid="models-deployed-now">
        {deployedNow !== null && t('admin.models.nowDeployed', { version: deployedNow })}
      </p>
      {list && (
        <table className="models-table">
          <caption className="visually-hidden">{t('admin.models.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.models.colVersion')}</th>
              <th scope="col">{t('admin.models.colOrigin')}</th>
              <th scope="col">{t('admin.models.colPrecision')}</th>
              <th scope="col">{t('admin.models.colRecall')}</th>
              <th scope="col">{t('admin.models.colF1')}</th>
              <th scope="col">{t('admin.models.colReached')}</th>
              <th scope="col">{t('admin.models.colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {list.versions.map((v) => (
              <ModelRow
                key={v.version}
                version={v}
                deployedVersion={list.deployedVersion}
                onDeployed={(answer) => {
                  setDeployedNow(answer.deployedVersion)
                  void reload()
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      <UploadModelForm onUploaded={() => void reload()} />
    </section>
  )
}
