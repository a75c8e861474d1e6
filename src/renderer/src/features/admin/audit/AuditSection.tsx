// Administration: the audit log — searchable, paged newest first, exportable as CSV, and
// its hash chain checkable on demand (the server re-computes every entry's hash).
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  AUDIT_ACTIONS,
  AUDIT_PATHS,
  AuditPage,
  AuditVerification,
  type AuditEntry,
  type AuditVerification as Verification,
} from '../../../../../shared/audit'
import { LIMITS } from '../../../../../shared/limits'
import { ProblemText } from '../../../components/ProblemText'
import { UntrustedText } from '../../../components/UntrustedText'
import { problemFromError, useFormat, type Problem } from '../../../i18n'
import { downloadExport, staffGet } from '../../../lib/staff-api'
import { auditActionKey } from './action-label'

const PAGE = '100'

interface Query {
  q: string
  action: string
}

function queryParams(query: Query, before?: number): Record<string, string> {
  return {
    limit: PAGE,
    ...(query.q ? { q: query.q } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(before !== undefined ? { before: String(before) } : {}),
  }
}

function ActionLabel({ action }: { action: string }) {
  const { t, i18n } = useTranslation()
  const key = auditActionKey(action)
  return i18n.exists(key) ? <span title={action}>{t(key)}</span> : <code>{action}</code>
}

function Details({ entry }: { entry: AuditEntry }) {
  const text = Object.keys(entry.details).length ? JSON.stringify(entry.details) : ''
  return text ? <UntrustedText text={text} /> : null
}

export function AuditSection() {
  const { t } = useTranslation()
  const format = useFormat()
  const [draft, setDraft] = useState<Query>({ q: '', action: '' })
  const [query, setQuery] = useState<Query>({ q: '', action: '' })
  const [entries, setEntries] = useState<AuditEntry[]>([])
  const [next, setNext] = useState<number | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [verification, setVerification] = useState<Verification | 'running' | null>(null)
  const [exporting, setExporting] = useState(false)

  const load = useCallback(async (q: Query, before?: number) => {
    try {
      const page = await staffGet(AuditPage, AUDIT_PATHS.audit, queryParams(q, before))
      setEntries((current) => (before !== undefined ? [...current, ...page.entries] : page.entries))
      setNext(page.next)
      setProblem(null)
    } catch (error) {
      setProblem(problemFromError(error))
    }
  }, [])

  useEffect(() => {
    void load(query)
  }, [load, query])

  function search(event: FormEvent) {
    event.preventDefault()
    setQuery({ q: draft.q.trim(), action: draft.action })
  }

  async function verify() {
    setVerification('running')
    try {
      setVerification(await staffGet(AuditVerification, AUDIT_PATHS.auditVerify))
    } catch (error) {
      setVerification(null)
      setProblem(problemFromError(error))
    }
  }

  async function exportCsv() {
    setExporting(true)
    try {
      await downloadExport(`audit-${Date.now()}`, AUDIT_PATHS.auditCsv, {
        ...queryParams(query),
        limit: String(LIMITS.auditPage),
      })
      setProblem(null)
    } catch (error) {
      setProblem(problemFromError(error))
    } finally {
      setExporting(false)
    }
  }

  return (
    <section className="admin-section audit-section" data-testid="admin-audit" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit.title')}</h2>
      <p className="muted">{t('admin.audit.intro')}</p>
      <form className="audit-search" role="search" aria-label={t('admin.audit.search')} onSubmit={search}>
        <label>
          {t('admin.audit.search')}{' '}
          <input
            type="search"
            data-testid="audit-search"
            value={draft.q}
            maxLength={LIMITS.searchQueryChars}
            placeholder={t('admin.audit.searchPlaceholder')}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </label>{' '}
        <label>
          {t('admin.audit.action')}{' '}
          <select
            data-testid="audit-action"
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          >
            <option value="">{t('admin.audit.anyAction')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(auditActionKey(a))}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" data-testid="audit-apply">
          {t('admin.audit.apply')}
        </button>
        <span className="spacer" />
        <button type="button" data-testid="audit-verify" onClick={() => void verify()}>
          {verification === 'running' ? t('admin.audit.verifying') : t('admin.audit.verify')}
        </button>{' '}
        <button type="button" data-testid="audit-export" disabled={exporting} onClick={() => void exportCsv()}>
          {exporting ? t('admin.audit.exporting') : t('admin.audit.export')}
        </button>
      </form>
      {verification && verification !== 'running' && (
        <p
          role="status"
          data-testid="audit-verification"
          data-ok={verification.ok}
          className={verification.ok ? 'ok-text' : 'error-text'}
        >
          {verification.ok
            ? t('admin.audit.verified', { count: verification.entries })
            : t('admin.audit.broken', { seq: verification.brokenAt ?? 0 })}
        </p>
      )}
      {problem && (
        <p className="error-text" role="alert">
          <ProblemText problem={problem} />
        </p>
      )}
      {entries.length === 0 && !problem ? (
        <p className="muted">{t('admin.audit.empty')}</p>
      ) : (
        <table className="audit-table" data-testid="audit-entries">
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.column.at')}</th>
              <th scope="col">{t('admin.audit.column.actor')}</th>
              <th scope="col">{t('admin.audit.column.action')}</th>
              <th scope="col">{t('admin.audit.column.target')}</th>
              <th scope="col">{t('admin.audit.column.address')}</th>
              <th scope="col">{t('admin.audit.column.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} data-testid="audit-entry" data-action={e.action} data-actor={e.actor}>
                <td>
                  <time dateTime={e.at}>{format.dateTime(e.at)}</time>
                </td>
                <td>
                  <UntrustedText text={e.actor} />
                </td>
                <td>
                  <ActionLabel action={e.action} />
                </td>
                <td>{e.target && <UntrustedText text={e.target} />}</td>
                <td>{e.clientAddress && <UntrustedText text={e.clientAddress} />}</td>
                <td className="audit-details">
                  <Details entry={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next !== null && (
        <button type="button" data-testid="audit-older" onClick={() => void load(query, next)}>
          {t('admin.audit.loadOlder')}
        </button>
      )}
    </section>
  )
}
