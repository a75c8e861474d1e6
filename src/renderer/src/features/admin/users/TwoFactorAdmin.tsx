// Administration: two-factor sign-in. Which roles must use it (saving signs out the users
// it newly catches, who enrol at their next sign-in — so the form says how many first and
// asks) and, per user in the table, whether it is on and a reset for a lost phone. Both
// are audited by the server.
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Role } from '../../../../../shared/protocol'
import { AdminTwoFactor, TWO_FACTOR_PATHS, usersSignedOutBy } from '../../../../../shared/two-factor'
import { problemFromError, type Problem } from '../../../i18n/problem'
import { StaffApiError, staffGet, staffSend } from '../../../lib/staff-api'

export interface TwoFactorAdmin {
  view: AdminTwoFactor | null
  problem: Problem | null
  notice: string | null
  busy: boolean
  isOn(username: string): boolean
  saveRoles(roles: Role[]): Promise<void>
  reset(username: string): Promise<void>
}

function refused(error: unknown): Problem {
  if (error instanceof StaffApiError && error.code === 'two_factor_off_for_you')
    return { key: 'twoFactor.admin.mustEnrolFirst', detail: error.message }
  return problemFromError(error)
}

export function useTwoFactorAdmin(): TwoFactorAdmin {
  const { t } = useTranslation()
  const [view, setView] = useState<AdminTwoFactor | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    staffGet(AdminTwoFactor, TWO_FACTOR_PATHS.policy).then(setView, (error: unknown) => setProblem(refused(error)))
  }, [])

  const run = useCallback(async (change: () => Promise<AdminTwoFactor>, done: string) => {
    setBusy(true)
    setNotice(null)
    try {
      setView(await change())
      setProblem(null)
      setNotice(done)
    } catch (error) {
      setProblem(refused(error))
    } finally {
      setBusy(false)
    }
  }, [])

  return {
    view,
    problem,
    notice,
    busy,
    isOn: (username) => view?.enrolled.some((e) => e.username === username) ?? false,
    saveRoles: (roles) =>
      run(
        () => staffSend(AdminTwoFactor, 'PUT', TWO_FACTOR_PATHS.policy, { requiredRoles: roles }),
        t('twoFactor.admin.saved'),
      ),
    reset: (username) =>
      run(
        () =>
          staffSend(
            AdminTwoFactor,
            'DELETE',
            TWO_FACTOR_PATHS.reset.replace(':username', encodeURIComponent(username)),
          ),
        t('twoFactor.admin.resetDone', { name: username }),
      ),
  }
}

export function TwoFactorPolicyForm({ admin }: { admin: TwoFactorAdmin }) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<Role[] | null>(null)
  // The number of users the save would sign out, while the admin is asked to confirm it.
  const [asking, setAsking] = useState<number | null>(null)
  const roles = chosen ?? admin.view?.requiredRoles ?? []
  const save = () =>
    void admin.saveRoles(roles).then(() => {
      setChosen(null)
      setAsking(null)
    })
  const choose = (next: Role[]) => {
    setChosen(next)
    setAsking(null)
  }
  return (
    <fieldset className="two-factor-policy" data-testid="two-factor-policy">
      <legend>{t('twoFactor.admin.title')}</legend>
      <p className="muted">{t('twoFactor.admin.intro')}</p>
      <div role="group" aria-label={t('twoFactor.admin.requireFor')}>
        <span>{t('twoFactor.admin.requireFor')}:</span>{' '}
        {Role.options.map((role) => (
          <label key={role} className="inline">
            <input
              type="checkbox"
              data-testid={`two-factor-require-${role}`}
              checked={roles.includes(role)}
              disabled={!admin.view || admin.busy}
              onChange={(e) => choose(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
            />{' '}
            {t(`common.role.${role}`)}
          </label>
        ))}
      </div>
      {asking === null ? (
        <button
          type="button"
          data-testid="two-factor-policy-save"
          disabled={!admin.view || admin.busy || chosen === null}
          onClick={() => {
            const signedOut = admin.view ? usersSignedOutBy(admin.view, roles) : 0
            if (signedOut > 0) setAsking(signedOut)
            else save()
          }}
        >
          {t('twoFactor.admin.save')}
        </button>
      ) : (
        <div className="two-factor-confirm" role="group" aria-labelledby="two-factor-confirm-text">
          <p id="two-factor-confirm-text" role="alert" data-testid="two-factor-policy-warning">
            {t('twoFactor.admin.signsOut', { count: asking })}
          </p>
          <button
            type="button"
            className="primary"
            data-testid="two-factor-policy-confirm"
            disabled={admin.busy}
            onClick={save}
          >
            {t('twoFactor.admin.confirmSave', { count: asking })}
          </button>{' '}
          <button
            type="button"
            data-testid="two-factor-policy-cancel"
            disabled={admin.busy}
            onClick={() => setAsking(null)}
          >
            {t('twoFactor.admin.cancel')}
          </button>
        </div>
      )}
    </fieldset>
  )
}
