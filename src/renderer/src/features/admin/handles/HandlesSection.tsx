// Administration: handles (filled in by the handles capability).
import { useTranslation } from 'react-i18next'

export function HandlesSection() {
  const { t } = useTranslation()
  return (
    <section className="admin-section" data-testid="admin-handles">
      <h2>{t('admin.handles.title')}</h2>
    </section>
  )
}
