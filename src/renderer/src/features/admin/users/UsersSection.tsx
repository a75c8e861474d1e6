// Administration: users (filled in by the users capability).
import { useTranslation } from 'react-i18next'

export function UsersSection() {
  const { t } = useTranslation()
  return (
    <section className="admin-section" data-testid="admin-users">
      <h2>{t('admin.users.title')}</h2>
    </section>
  )
}
