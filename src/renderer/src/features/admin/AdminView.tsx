// The administration screen: one section at a time, chosen from the list on its left.
// Every section talks to the server's admin API through the desk (lib/staff-api.ts);
// the server checks the role on every route, so this screen only arranges.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ADMIN_SECTIONS, type AdminSection } from './sections'
import { AuditSection } from './audit/AuditSection'
import { BudgetSection } from './budget/BudgetSection'
import { HandlesSection } from './handles/HandlesSection'
import { ModelsSection } from './models/ModelsSection'
import { RulesSection } from './rules/RulesSection'
import { SettingsSection } from './settings/SettingsSection'
import { SlaSection } from './sla/SlaSection'
import { UsersSection } from './users/UsersSection'

const SECTION_VIEWS: Record<AdminSection, () => React.JSX.Element> = {
  users: UsersSection,
  rules: RulesSection,
  settings: SettingsSection,
  sla: SlaSection,
  handles: HandlesSection,
  models: ModelsSection,
  budget: BudgetSection,
  audit: AuditSection,
}

export function AdminView() {
  const { t } = useTranslation()
  const [section, setSection] = useState<AdminSection>('users')
  const Section = SECTION_VIEWS[section]
  return (
    <main className="admin-view" data-testid="admin-view">
      <h1 className="visually-hidden">{t('admin.title')}</h1>
      <nav className="admin-sections" aria-label={t('admin.sections')}>
        {ADMIN_SECTIONS.map((s) => (
          <button
            key={s}
            type="button"
            data-testid={`admin-section-${s}`}
            className={s === section ? 'view-button active' : 'view-button'}
            aria-current={s === section ? 'page' : undefined}
            onClick={() => setSection(s)}
          >
            {t(`admin.${s}.title`)}
          </button>
        ))}
      </nav>
      <div className="admin-body">
        <Section />
      </div>
    </main>
  )
}
