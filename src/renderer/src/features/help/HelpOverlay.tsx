import { useUiStore } from '../../store/ui-store'

const SHORTCUTS: [keys: string, what: string][] = [
  ['j  /  ↓', 'Next grievance in the queue'],
  ['k  /  ↑', 'Previous grievance'],
  ['Enter', 'Open the highlighted grievance'],
  ['/', 'Search by ticket number or text'],
  ['r', 'Write a reply to the open grievance'],
  ['t', 'Make the highlighted review-band grievance a ticket (acknowledged on X)'],
  ['d', 'Dismiss the highlighted review-band grievance: not a grievance'],
  ['Ctrl + Enter', 'Send the reply (in the composer)'],
  ['Esc', 'Leave a field / close this help'],
  ['?', 'Show or hide this help'],
]

export function HelpOverlay() {
  const open = useUiStore((s) => s.helpOpen)
  const setOpen = useUiStore((s) => s.setHelpOpen)
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
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button onClick={() => setOpen(false)} autoFocus>
          Close
        </button>
      </div>
    </div>
  )
}
