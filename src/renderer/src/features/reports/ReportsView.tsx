// The reports screen (filled in by the reports capability).
import { useTranslation } from 'react-i18next'

export function ReportsView() {
  const { t } = useTranslation()
  return (
    <main className="reports-view" data-testid="reports-view">
      <h1>{t('reports.title')}</h1>
    </main>
  )
}
