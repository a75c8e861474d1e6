import { useTranslation } from 'react-i18next'
import { useUiStore } from '../../store/ui-store'
import { SHORTCUTS } from './shortcuts'

export function HelpOverlay() {
  const open = useUiStore((s) => s.helpOpen)
  const setOpen = useUiStore((s) => s.setHelpOpen)
  const { t } = useTranslation()
  if (!open) return null
  return (
    <div className="overlay" onClick={() => setOpen(false)}>
      <div
        className="help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        data-testid="help"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="help-title">{t('help.title')}</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(({ keys, whatKey }) => (
              <tr key={whatKey}>
                <td>
                  <kbd>{typeof keys === 'string' ? keys : t(keys.capKey)}</kbd>
                </td>
                <td>{t(whatKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button onClick={() => setOpen(false)} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </div>
  )
}
