// The monitor screen (filled in by the monitor capability).
import { useTranslation } from 'react-i18next'

export function MonitorView() {
  const { t } = useTranslation()
  return (
    <main className="monitor-view" data-testid="monitor-view">
      <h1>{t('monitor.title')}</h1>
    </main>
  )
}
