import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConflictsPanel } from './features/sync/ConflictsPanel'
import { GrievanceView } from './features/grievance/GrievanceView'
import { HelpOverlay } from './features/help/HelpOverlay'
import { LoginView } from './features/session/LoginView'
import { ChangePasswordView } from './features/session/ChangePasswordView'
import { QueueView } from './features/queue/QueueView'
import { SyncStatusBar } from './features/sync/SyncStatusBar'
import { IngestionPanel } from './features/supervisor/IngestionPanel'
import { IgnoredTweets } from './features/review/IgnoredTweets'
import { LanguageSwitch } from './features/settings/LanguageSwitch'
import { ScreenTabs } from './features/navigation/ScreenTabs'
import { screensFor } from './features/navigation/screens'
import { MonitorView } from './features/monitor/MonitorView'
import { ReportsView } from './features/reports/ReportsView'
import { AdminView } from './features/admin/AdminView'
import { UpdateNotice } from './features/updates/UpdateNotice'
import { BreachAlert } from './features/sla/BreachAlert'
import { SlaAlerts } from './features/sla/SlaAlerts'
import { useFormat, useLanguageSync } from './i18n'
import { connectDesk, loadWorkspace } from './store/desk-link'
import { useGrievanceStore } from './store/grievance-store'
import { divisionName, useOrgStore } from './store/org-store'
import { useSessionStore, workingUser } from './store/session-store'
import { TwoFactorCodeView } from './features/two-factor/TwoFactorCodeView'
import { TwoFactorEnrolView } from './features/two-factor/TwoFactorEnrolView'
import { TwoFactorSettings } from './features/two-factor/TwoFactorSettings'
import { useSyncStore } from './store/sync-store'
import { useUiStore } from './store/ui-store'

function TopBar() {
  // Until a required password change (or two-factor enrolment) is done the user is not signed in to anything.
  const user = useSessionStore((s) => workingUser(s.session))
  const logout = useSessionStore((s) => s.logout)
  const org = useOrgStore((s) => s.org)
  const orgName = org?.name
  const { t } = useTranslation()
  const { language, list } = useFormat()
  const setHelpOpen = useUiStore((s) => s.setHelpOpen)
  const [ingestionOpen, setIngestionOpen] = useState(false)
  const [ignoredOpen, setIgnoredOpen] = useState(false)
  const [twoFactorOpen, setTwoFactorOpen] = useState(false)
  const oversees = user?.role === 'supervisor' || user?.role === 'admin'
  return (
    <header className="top-bar">
      {oversees && ingestionOpen && <IngestionPanel onClose={() => setIngestionOpen(false)} />}
      {user && ignoredOpen && <IgnoredTweets onClose={() => setIgnoredOpen(false)} />}
      {user && twoFactorOpen && <TwoFactorSettings onClose={() => setTwoFactorOpen(false)} />}
      <strong className="brand">{t('common.appName')}</strong>
      {/* data-untrusted: the org's and officer's names are data, not the desk's words. */}
      {orgName && (
        <span className="muted" data-untrusted>
          {orgName}
        </span>
      )}
      {user && <ScreenTabs />}
      <span className="spacer" />
      <UpdateNotice />
      <LanguageSwitch />
      {user && (
        <span
          className="user"
          title={t('top.userTitle', {
            role: t(`common.role.${user.role}`),
            divisions: list(user.divisions.map((d) => divisionName(org, d, language))),
          })}
        >
          <span data-untrusted>
            {user.displayName} <span className="muted">({user.username})</span>
          </span>
        </span>
      )}
      {user && (
        <button className="link" data-testid="ignored-toggle" onClick={() => setIgnoredOpen((open) => !open)}>
          {t('review.ignored.open')}
        </button>
      )}
      {oversees && (
        <button className="link" data-testid="ingestion-toggle" onClick={() => setIngestionOpen((open) => !open)}>
          {t('top.xBudget')}
        </button>
      )}
      <button
        className="link"
        onClick={() => setHelpOpen(true)}
        aria-label={t('top.shortcuts')}
        title={t('top.shortcutsTitle')}
      >
        ?
      </button>
      {user && (
        <button className="link" data-testid="two-factor-toggle" onClick={() => setTwoFactorOpen((open) => !open)}>
          {t('twoFactor.settings.open')}
        </button>
      )}
      {user && (
        <button data-testid="logout" onClick={() => void logout()}>
          {t('top.signOut')}
        </button>
      )}
    </header>
  )
}

export function App() {
  const restoring = useSessionStore((s) => s.restoring)
  const mustChangePassword = useSessionStore((s) => s.session?.mustChangePassword === true)
  const twoFactor = useSessionStore((s) => s.session?.twoFactor)
  // A user who must first change their password (or enrol) has no workspace yet.
  const username = useSessionStore((s) => workingUser(s.session)?.username ?? null)
  const role = useSessionStore((s) => s.session?.user?.role)
  const chosen = useUiStore((s) => s.screen)
  // A screen the role does not have (a role changed under a restored session) falls back to the desk.
  const screen = screensFor(role).includes(chosen) ? chosen : 'desk'
  const { t } = useTranslation()

  useEffect(() => connectDesk(), [])
  useLanguageSync(username)

  // Signing in (or switching user) loads that officer's workspace; signing out drops it
  // from memory so the next officer at this workstation sees nothing of it.
  useEffect(() => {
    if (username) void loadWorkspace()
    else {
      useGrievanceStore.getState().clear()
      useSyncStore.getState().clearConflicts()
      useOrgStore.getState().clear()
      useUiStore.getState().reset()
    }
  }, [username])

  let body
  if (restoring)
    body = (
      <main className="empty">
        <p>{t('common.connecting')}</p>
      </main>
    )
  else if (mustChangePassword) body = <ChangePasswordView />
  else if (twoFactor === 'code') body = <TwoFactorCodeView />
  else if (twoFactor === 'enrol') body = <TwoFactorEnrolView />
  else if (!username) body = <LoginView />
  else if (screen === 'monitor') body = <MonitorView />
  else if (screen === 'reports') body = <ReportsView />
  else if (screen === 'admin') body = <AdminView />
  else
    body = (
      <>
        <ConflictsPanel />
        <BreachAlert />
        <main className="workspace">
          {/* One top-level heading per page (screen readers jump by it); the layout shows the panes. */}
          <h1 className="visually-hidden">{t('top.workspace')}</h1>
          <QueueView />
          <GrievanceView />
        </main>
      </>
    )

  return (
    <div className="app">
      <TopBar />
      {body}
      {username && <SlaAlerts />}
      <SyncStatusBar />
      <HelpOverlay />
    </div>
  )
}
