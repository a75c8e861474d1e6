// Administration: audit (filled in by the audit capability).
import { useTranslation } from 'react-i18next'

export function AuditSection() {
  const { t } = useTranslation()
  return (
    <section className="admin-section" data-testid="admin-audit">
      <h2>{t('admin.audit.title')}</h2>
    </section>
  )
}
