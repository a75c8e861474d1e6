// Administration: rules (filled in by the rules capability).
import { useTranslation } from 'react-i18next'

export function RulesSection() {
  const { t } = useTranslation()
  return (
    <section className="admin-section" data-testid="admin-rules">
      <h2>{t('admin.rules.title')}</h2>
    </section>
  )
}
