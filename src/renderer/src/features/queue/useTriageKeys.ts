// Keyboard-driven triage: j/k or arrows move, Enter opens, / searches, r replies,
// ? shows the help. Keys typed into a field belong to the field, except Escape,
// which leaves it so the next key drives the queue again.
import { useEffect } from 'react'
import { i18n } from '../../i18n'
import { describeError, invokeDesk } from '../../lib/bridge'
import { reviewAction } from '../review/review-keys'
import { useGrievanceStore } from '../../store/grievance-store'
import { useUiStore } from '../../store/ui-store'
import { moveCursor } from './filters'

export const COMPOSER_TEXT_ID = 'composer-text'
export const QUEUE_SEARCH_INPUT_ID = 'queue-search'

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

function focusById(id: string): boolean {
  const element = document.getElementById(id)
  if (!(element instanceof HTMLElement)) return false
  element.focus()
  return true
}

export function useTriageKeys(visibleIds: readonly string[]): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return
      const ui = useUiStore.getState()
      if (event.key === 'Escape') {
        if (ui.helpOpen) ui.setHelpOpen(false)
        else if (isTypingTarget(event.target)) (event.target as HTMLElement).blur()
        return
      }
      if (isTypingTarget(event.target)) return
      const queue = useGrievanceStore.getState()
      switch (event.key) {
        case '?':
          ui.setHelpOpen(!ui.helpOpen)
          break
        case 'j':
        case 'ArrowDown':
          queue.setCursor(moveCursor(visibleIds, queue.cursorId, 1))
          break
        case 'k':
        case 'ArrowUp':
          queue.setCursor(moveCursor(visibleIds, queue.cursorId, -1))
          break
        case 'Enter':
          if (queue.cursorId && !(event.target instanceof HTMLButtonElement)) queue.open(queue.cursorId)
          else return
          break
        case '/':
          if (!focusById(QUEUE_SEARCH_INPUT_ID)) return
          break
        case 'r':
          if (!focusById(COMPOSER_TEXT_ID)) return
          break
        case 't':
        case 'd': {
          // The review band: make a ticket / dismiss the highlighted (or open) grievance.
          const id = queue.cursorId ?? queue.openId
          const target = id ? queue.byId.get(id) : undefined
          const body = reviewAction(event.key, target, i18n.t('review.dismissReason'))
          if (!body || !target) return
          void invokeDesk('actions.submit', { grievanceId: target.id, body }).then(
            ({ grievance }) => useGrievanceStore.getState().upsert(grievance),
            (error: unknown) => console.warn(`[desk] ${body.type}: ${describeError(error)}`),
          )
          break
        }
        default:
          return
      }
      // Handled: keep '/' and 'r' from being typed into the field we just focused,
      // and arrows from scrolling the page.
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [visibleIds])
}
