import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider, Trans } from 'react-i18next'
import { App } from './App'
import { i18n } from './i18n'
import './i18n/fonts'
import './styles.css'

async function start(): Promise<void> {
  // Development only: with no desk behind the page (plain `vite` dev server), use an
  // in-memory fake. `import.meta.env.DEV` is false in builds, so the fake is dropped.
  if (import.meta.env.DEV && !(window as { seva?: unknown }).seva) {
    const { installFakeSeva } = await import('../dev/fake-seva')
    installFakeSeva()
  }
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  // Opened outside Electron and outside the browser desk host: say so instead of a blank page.
  const connected = Boolean((window as { seva?: unknown }).seva)
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {connected ? (
          <App />
        ) : (
          <p className="empty" role="alert">
            <Trans i18nKey="common.notConnected" components={{ code: <code /> }} />
          </p>
        )}
      </I18nextProvider>
    </StrictMode>,
  )
}

void start()
