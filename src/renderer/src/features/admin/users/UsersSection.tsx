// Administration: users. The list (with status and last sign-in), a form to create or edit
// one, and disable / enable in the row. Disabling signs the user out at once everywhere
// (the server ends their sessions and closes their event streams).
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { UserList, USERS_PATHS, AdminUser } from '../../../../../shared/users'
import { ProblemText } from '../../../components/ProblemText'
import { useFormat } from '../../../i18n'
import { problemFromError, type Problem } from '../../../i18n/problem'
import { staffGet, staffSend } from '../../../lib/staff-api'
import { divisionName, useOrgStore } from '../../../store/org-store'
import { UserForm } from './UserForm'
import { TwoFactorPolicyForm, useTwoFactorAdmin } from './TwoFactorAdmin'
import { usersProblem } from './refusal'
import { useSessionStore } from '../../../store/session-store'

type Editing = { user: AdminUser | null } | null

export function UsersSection() {
  const { t } = useTranslation()
  const { language, list, dateTime } = useFormat()
  const org = useOrgStore((s) => s.org)
  const me = useSessionStore((s) => s.session?.user?.username)
  const [users, setUsers] = useState<AdminUser[] | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [editing, setEditing] = useState<Editing>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const twoFactor = useTwoFactorAdmin()

  const load = useCallback(async () => {
    try {
      setUsers((await staffGet(UserList, USERS_PATHS.users)).users)
      setProblem(null)
    } catch (error) {
      setProblem(problemFromError(error))
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  const replace = (user: AdminUser) =>
    setUsers((current) => {
      const others = (current ?? []).filter((u) => u.username !== user.username)
      return [...others, user].sort((a, b) => (a.username < b.username ? -1 : 1))
    })

  async function setDisabled(user: AdminUser, disabled: boolean) {
    setBusy(user.username)
    setNotice(null)
    try {
      const saved = await staffSend(
        AdminUser,
        'PATCH',
        USERS_PATHS.user.replace(':username', encodeURIComponent(user.username)),
        { disabled },
      )
      replace(saved)
      setNotice(t(disabled ? 'admin.users.disabled' : 'admin.users.enabled', { name: user.username }))
      setProblem(null)
    } catch (error) {
      setProblem(usersProblem(error))
    } finally {
      setBusy(null)
    }
  }

  function done(user: AdminUser, created: boolean) {
    replace(user)
    setEditing(null)
    setNotice(t(created ? 'admin.users.created' : 'admin.users.saved', { name: user.username }))
  }

  return (
    <section className="admin-section users-section" data-testid="admin-users" aria-labelledby="admin-users-title">
      <h2 id="admin-users-title">{t('admin.users.title')}</h2>
      <p className="muted">{t('admin.users.intro')}</p>
      <div className="users-toolbar">
        <button
          type="button"
          className="primary"
          data-testid="user-create"
          onClick={() => {
            setNotice(null)
            setEditing({ user: null })
          }}
        >
          {t('admin.users.create')}
        </button>
        {users && <span className="muted">{t('admin.users.count', { count: users.length })}</span>}
        <button type="button" className="link" data-testid="users-refresh" onClick={() => void load()}>
          {t('common.refresh')}
        </button>
      </div>
      {notice && (
        <p className="notice" role="status" data-testid="users-notice">
          {notice}
        </p>
      )}
      {problem && (
        <p className="error" role="alert" data-testid="users-error">
          <ProblemText problem={problem} />
        </p>
      )}
      <TwoFactorPolicyForm admin={twoFactor} />
      {twoFactor.notice && (
        <p className="notice" role="status" data-testid="two-factor-admin-notice">
          {twoFactor.notice}
        </p>
      )}
      {twoFactor.problem && (
        <p className="error" role="alert" data-testid="two-factor-admin-error">
          <ProblemText problem={twoFactor.problem} />
        </p>
      )}
      {editing && (
        <UserForm
          key={editing.user?.username ?? '(new)'}
          user={editing.user}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      )}
      {users === null && !problem && <p className="muted">{t('admin.users.loading')}</p>}
      {users && users.length === 0 && <p className="muted">{t('admin.users.empty')}</p>}
      {users && users.length > 0 && (
        <table className="users-table" data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.users.column.username')}</th>
              <th scope="col">{t('admin.users.column.displayName')}</th>
              <th scope="col">{t('admin.users.column.role')}</th>
              <th scope="col">{t('admin.users.column.divisions')}</th>
              <th scope="col">{t('admin.users.column.capacity')}</th>
              <th scope="col">{t('admin.users.column.lastSignIn')}</th>
              <th scope="col">{t('admin.users.column.status')}</th>
              <th scope="col">{t('twoFactor.admin.column')}</th>
              <th scope="col">{t('admin.users.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr
                key={user.username}
                data-testid={`user-row-${user.username}`}
                className={user.disabled ? 'disabled' : undefined}
              >
                <td data-untrusted>{user.username}</td>
                <td data-untrusted>{user.displayName}</td>
                <td>{t(`common.role.${user.role}`)}</td>
                <td data-untrusted>{list(user.divisions.map((d) => divisionName(org, d, language)))}</td>
                <td>{user.capacity}</td>
                <td>{user.lastSignInAt ? dateTime(user.lastSignInAt) : t('admin.users.neverSignedIn')}</td>
                <td data-testid={`user-status-${user.username}`}>
                  {user.disabled
                    ? t('admin.users.status.disabled')
                    : user.mustChangePassword
                      ? t('admin.users.status.mustChange')
                      : t('admin.users.status.active')}
                </td>
                <td data-testid={`user-two-factor-${user.username}`}>
                  {twoFactor.isOn(user.username) ? t('twoFactor.admin.on') : t('twoFactor.admin.off')}{' '}
                  {twoFactor.isOn(user.username) && (
                    <button
                      type="button"
                      className="link"
                      data-testid={`user-two-factor-reset-${user.username}`}
                      aria-label={t('twoFactor.admin.resetLabel', { name: user.username })}
                      disabled={twoFactor.busy}
                      onClick={() => void twoFactor.reset(user.username)}
                    >
                      {t('twoFactor.admin.reset')}
                    </button>
                  )}
                </td>
                <td className="users-actions">
                  <button
                    type="button"
                    data-testid={`user-edit-${user.username}`}
                    aria-label={t('admin.users.editLabel', { name: user.username })}
                    onClick={() => {
                      setNotice(null)
                      setEditing({ user })
                    }}
                  >
                    {t('admin.users.edit')}
                  </button>
                  <button
                    type="button"
                    data-testid={`user-disable-${user.username}`}
                    aria-label={t(user.disabled ? 'admin.users.enableLabel' : 'admin.users.disableLabel', {
                      name: user.username,
                    })}
                    // The server refuses it anyway: an admin cannot lock themselves out.
                    disabled={busy === user.username || user.username === me}
                    onClick={() => void setDisabled(user, !user.disabled)}
                  >
                    {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
