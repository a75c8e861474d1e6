// Administration: budget (filled in by the budget capability).
import { useTranslation } from 'react-i18next'

export function BudgetSection() {
  const { t } = useTranslation()
  return (
    <section className="admin-section" data-testid="admin-budget">
      <h2>{t('admin.budget.title')}</h2>
    </section>
  )
}
