// The keyboard shortcuts the help lists (useTriageKeys.ts does the keys themselves).

/**
 * Each shortcut: the keys (letters and symbols as typed, or a key cap's catalogue key)
 * and the catalogue key of what it does.
 */
export const SHORTCUTS: readonly { keys: string | { capKey: string }; whatKey: string }[] = [
  { keys: 'j  /  ↓', whatKey: 'help.next' },
  { keys: 'k  /  ↑', whatKey: 'help.previous' },
  { keys: { capKey: 'help.key.enter' }, whatKey: 'help.open' },
  { keys: '/', whatKey: 'help.search' },
  { keys: 'r', whatKey: 'help.reply' },
  { keys: 'x', whatKey: 'help.select' },
  { keys: { capKey: 'help.key.shiftX' }, whatKey: 'help.selectRange' },
  { keys: 't', whatKey: 'help.makeTicket' },
  { keys: 'd', whatKey: 'help.dismiss' },
  { keys: { capKey: 'help.key.ctrlEnter' }, whatKey: 'help.send' },
  { keys: { capKey: 'help.key.esc' }, whatKey: 'help.escape' },
  { keys: '?', whatKey: 'help.toggle' },
]
