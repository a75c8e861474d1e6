// Creating a user, or editing one (display name, role, divisions, languages, capacity,
// and a new password set by the admin). Divisions come from the organisation.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { LIMITS } from '../../../../../shared/limits'
import { Role } from '../../../../../shared/protocol'
import { USERS_PATHS, AdminUser } from '../../../../../shared/users'
import { ProblemText } from '../../../components/ProblemText'
import { useFormat } from '../../../i18n'
import type { Problem } from '../../../i18n/problem'
import { staffSend } from '../../../lib/staff-api'
import { divisionName, useOrgStore } from '../../../store/org-store'
import { PasswordPolicyHints } from '../../session/PasswordPolicyHints'
import { usersProblem } from './refusal'
import { createRequest, draftOf, draftProblems, emptyDraft, updateRequest, type UserDraft } from './user-form'

const LANGUAGES = ['en', 'hi'] as const

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value)
}

export function UserForm(props: {
  user: AdminUser | null
  onDone: (user: AdminUser, created: boolean) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const { language } = useFormat()
  const org = useOrgStore((s) => s.org)
  const creating = props.user === null
  const [draft, setDraft] = useState<UserDraft>(() => (props.user ? draftOf(props.user) : emptyDraft()))
  const [tried, setTried] = useState(false)
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const problems = draftProblems(draft, creating)
  const set = (patch: Partial<UserDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const fieldError = (field: keyof UserDraft) =>
    tried && problems[field] && field !== 'password' ? (
      <span className="error" id={`user-form-${field}-error`} data-testid={`user-form-${field}-error`}>
        {t(problems[field]!, { max: LIMITS.userCapacity })}
      </span>
    ) : null

  async function submit(event: FormEvent) {
    event.preventDefault()
    setTried(true)
    if (Object.keys(problems).length > 0) return
    setSaving(true)
    setProblem(null)
    try {
      const saved = creating
        ? await staffSend(AdminUser, 'POST', USERS_PATHS.users, createRequest(draft))
        : await staffSend(
            AdminUser,
            'PATCH',
            USERS_PATHS.user.replace(':username', encodeURIComponent(props.user!.username)),
            updateRequest(props.user!, draft),
          )
      props.onDone(saved, creating)
    } catch (error) {
      setProblem(usersProblem(error))
    } finally {
      setSaving(false)
    }
  }

  const title = creating
    ? t('admin.users.form.createTitle')
    : t('admin.users.form.editTitle', { name: props.user!.username })
  return (
    <form
      className="user-form"
      data-testid="user-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="user-form-title"
      noValidate
    >
      <h3 id="user-form-title">{title}</h3>
      {creating && (
        <label>
          {t('admin.users.form.username')}
          <input
            data-testid="user-form-username"
            value={draft.username}
            onChange={(e) => set({ username: e.target.value })}
            maxLength={LIMITS.nameChars}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="user-form-username-hint"
            aria-invalid={tried && Boolean(problems.username)}
            required
          />
          <span className="muted" id="user-form-username-hint">
            {t('admin.users.form.usernameHint')}
          </span>
          {fieldError('username')}
        </label>
      )}
      <label>
        {t('admin.users.form.displayName')}
        <input
          data-testid="user-form-display-name"
          value={draft.displayName}
          onChange={(e) => set({ displayName: e.target.value })}
          maxLength={LIMITS.reasonChars}
          aria-invalid={tried && Boolean(problems.displayName)}
          required
        />
        {fieldError('displayName')}
      </label>
      <label>
        {t('admin.users.form.role')}
        <select
          data-testid="user-form-role"
          value={draft.role}
          onChange={(e) => set({ role: Role.parse(e.target.value) })}
        >
          {Role.options.map((role) => (
            <option key={role} value={role}>
              {t(`common.role.${role}`)}
            </option>
          ))}
        </select>
        {!creating && draft.role !== props.user!.role && (
          <span className="muted">{t('admin.users.form.roleChangeHint')}</span>
        )}
      </label>
      <fieldset>
        <legend>{t('admin.users.form.divisions')}</legend>
        {(org?.divisions ?? []).map((d) => (
          <label key={d.id} className="checkbox">
            <input
              type="checkbox"
              data-testid={`user-form-division-${d.id}`}
              checked={draft.divisions.includes(d.id)}
              onChange={(e) => set({ divisions: toggle(draft.divisions, d.id, e.target.checked) })}
            />
            <span data-untrusted>{divisionName(org, d.id, language)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('admin.users.form.languages')}</legend>
        {LANGUAGES.map((l) => (
          <label key={l} className="checkbox">
            <input
              type="checkbox"
              data-testid={`user-form-language-${l}`}
              checked={draft.languages.includes(l)}
              onChange={(e) => set({ languages: toggle(draft.languages, l, e.target.checked) })}
            />
            {t(`admin.users.language.${l}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('admin.users.form.capacity')}
        <input
          data-testid="user-form-capacity"
          type="number"
          min={0}
          max={LIMITS.userCapacity}
          step={1}
          value={draft.capacity}
          onChange={(e) => set({ capacity: e.target.value })}
          aria-invalid={tried && Boolean(problems.capacity)}
        />
        {fieldError('capacity')}
      </label>
      <label>
        {creating ? t('admin.users.form.password') : t('admin.users.form.newPassword')}
        <input
          data-testid="user-form-password"
          type="password"
          value={draft.password}
          onChange={(e) => set({ password: e.target.value })}
          autoComplete="new-password"
          maxLength={LIMITS.passwordChars}
          aria-describedby="user-form-password-hint user-form-policy"
          aria-invalid={tried && Boolean(problems.password)}
          required={creating}
        />
        <span className="muted" id="user-form-password-hint">
          {creating ? t('admin.users.form.passwordHint') : t('admin.users.form.resetHint')}
        </span>
      </label>
      {(creating || draft.password !== '') && (
        <PasswordPolicyHints id="user-form-policy" password={draft.password} username={draft.username} />
      )}
      {problem && (
        <p className="error" role="alert" data-testid="user-form-error">
          <ProblemText problem={problem} />
        </p>
      )}
      <div className="user-form-buttons">
        <button type="submit" className="primary" data-testid="user-form-save" disabled={saving}>
          {saving ? t('admin.users.form.creating') : t('admin.users.form.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
