// Administration: the organisation's X handles, connected to X by OAuth 2.0. The server
// keeps the tokens (sealed) and refreshes them; this screen shows where each handle
// stands and starts or ends its connection.
import { useTranslation } from 'react-i18next'
import { ProblemText } from '../../../components/ProblemText'
import { AddHandleForm } from './AddHandleForm'
import { HandleRow } from './HandleRow'
import { useHandles } from './useHandles'

export function HandlesSection() {
  const { t } = useTranslation()
  const { list, problem, waiting, reload, waitFor } = useHandles()
  return (
    <section className="admin-section handles-section" data-testid="admin-handles" aria-labelledby="handles-heading">
      <h2 id="handles-heading">{t('admin.handles.title')}</h2>
      <p className="muted">{t('admin.handles.intro')}</p>
      {problem && (
        <p className="error-text" role="alert">
          <ProblemText problem={problem} />
        </p>
      )}
      {list && !list.canConnect && (
        <p className="error-text" data-testid="handles-cannot-connect">
          {t('admin.handles.cannotConnect')} <span lang="en">{list.connectProblem}</span>
        </p>
      )}
      {waiting && (
        <p role="status" className="handles-waiting">
          {t('admin.handles.waitingHint', { username: waiting.username })}
        </p>
      )}
      {list && (
        <table className="handles-table">
          <caption className="visually-hidden">{t('admin.handles.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.handles.colHandle')}</th>
              <th scope="col">{t('admin.handles.colDivision')}</th>
              <th scope="col">{t('admin.handles.colStatus')}</th>
              <th scope="col">{t('admin.handles.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.handles.map((h) => (
              <HandleRow
                key={h.username}
                handle={h}
                waiting={waiting?.username === h.username}
                canConnect={list.canConnect}
                onWait={waitFor}
                onChanged={() => void reload()}
              />
            ))}
          </tbody>
        </table>
      )}
      <AddHandleForm onAdded={() => void reload()} />
    </section>
  )
}
