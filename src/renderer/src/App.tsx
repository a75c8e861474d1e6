import { useEffect, useState } from 'react'
import { ConflictsPanel } from './features/sync/ConflictsPanel'
import { GrievanceView } from './features/grievance/GrievanceView'
import { HelpOverlay } from './features/help/HelpOverlay'
import { LoginView } from './features/session/LoginView'
import { QueueView } from './features/queue/QueueView'
import { SyncStatusBar } from './features/sync/SyncStatusBar'
import { IngestionPanel } from './features/supervisor/IngestionPanel'
import { IgnoredTweets } from './features/review/IgnoredTweets'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './features/settings/LanguageSwitch'
import { useLanguageSync } from './i18n'
import { connectDesk, loadWorkspace } from './store/desk-link'
import { useGrievanceStore } from './store/grievance-store'
import { useOrgStore } from './store/org-store'
import { useSessionStore } from './store/session-store'
import { useSyncStore } from './store/sync-store'
import { useUiStore } from './store/ui-store'

function TopBar() {
  const user = useSessionStore((s) => s.session?.user)
  const logout = useSessionStore((s) => s.logout)
  const orgName = useOrgStore((s) => s.org?.name)
  const setHelpOpen = useUiStore((s) => s.setHelpOpen)
  const [ingestionOpen, setIngestionOpen] = useState(false)
  const [ignoredOpen, setIgnoredOpen] = useState(false)
  const { t } = useTranslation()
  const oversees = user?.role === 'supervisor' || user?.role === 'admin'
  return (
    <header className="top-bar">
      {oversees && ingestionOpen && <IngestionPanel onClose={() => setIngestionOpen(false)} />}
      {user && ignoredOpen && <IgnoredTweets onClose={() => setIgnoredOpen(false)} />}
      <strong className="brand">Seva Desk</strong>
      {orgName && <span className="muted">{orgName}</span>}
      <span className="spacer" />
      <LanguageSwitch />
      {user && (
        <span className="user" title={`${user.role} · ${user.divisions.join(', ')}`}>
          {user.displayName} <span className="muted">({user.username})</span>
        </span>
      )}
      {user && (
        <button className="link" data-testid="ignored-toggle" onClick={() => setIgnoredOpen((open) => !open)}>
          {t('review.ignored.open')}
        </button>
      )}
      {oversees && (
        <button className="link" data-testid="ingestion-toggle" onClick={() => setIngestionOpen((open) => !open)}>
          X budget
        </button>
      )}
      <button
        className="link"
        onClick={() => setHelpOpen(true)}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
      {user && (
        <button data-testid="logout" onClick={() => void logout()}>
          Sign out
        </button>
      )}
    </header>
  )
}

export function App() {
  const restoring = useSessionStore((s) => s.restoring)
  const username = useSessionStore((s) => s.session?.user?.username ?? null)

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
  if (restoring) body = <p className="empty">Connecting to the desk…</p>
  else if (!username) body = <LoginView />
  else
    body = (
      <>
        <ConflictsPanel />
        <main className="workspace">
          <QueueView />
          <GrievanceView />
        </main>
      </>
    )

  return (
    <div className="app">
      <TopBar />
      {body}
      <SyncStatusBar />
      <HelpOverlay />
    </div>
  )
}
