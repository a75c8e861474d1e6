// Administration: settings (filled in by the settings capability).
import { useTranslation } from 'react-i18next'

export function SettingsSection() {
  const { t } = useTranslation()
  return (
    <section className="admin-section" data-testid="admin-settings">
      <h2>{t('admin.settings.title')}</h2>
    </section>
  )
}
