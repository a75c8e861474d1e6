// The desk's top-level screens as tabs (shown only when the role has more than the desk).
import { useTranslation } from 'react-i18next'
import { useSessionStore } from '../../store/session-store'
import { useUiStore } from '../../store/ui-store'
import { screensFor } from './screens'

export function ScreenTabs() {
  const role = useSessionStore((s) => s.session?.user?.role)
  const screen = useUiStore((s) => s.screen)
  const setScreen = useUiStore((s) => s.setScreen)
  const { t } = useTranslation()
  const screens = screensFor(role)
  if (screens.length < 2) return null
  return (
    <nav className="screen-tabs" aria-label={t('nav.label')}>
      {screens.map((s) => (
        <button
          key={s}
          data-testid={`screen-${s}`}
          className={s === screen ? 'view-button active' : 'view-button'}
          aria-current={s === screen ? 'page' : undefined}
          onClick={() => setScreen(s)}
        >
          {t(`nav.${s}`)}
        </button>
      ))}
    </nav>
  )
}
