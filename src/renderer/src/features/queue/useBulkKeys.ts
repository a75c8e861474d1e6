// x toggles the highlighted row's selection; shift+x selects from the last toggled row
// to the highlighted one. Like the triage keys, keys typed into a field are the field's.
import { useEffect } from 'react'
import { useGrievanceStore } from '../../store/grievance-store'
import { useUiStore } from '../../store/ui-store'
import { selectRange, toggleSelected } from './selection'
import { isTypingTarget } from './useTriageKeys'

export function useBulkKeys(visibleIds: readonly string[]): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return
      if (event.key !== 'x' && event.key !== 'X') return
      // A table row's checkbox has focus after a click: x still means the queue's x.
      const onCheckbox = event.target instanceof HTMLInputElement && event.target.type === 'checkbox'
      if (isTypingTarget(event.target) && !onCheckbox) return
      const cursor = useGrievanceStore.getState().cursorId
      if (cursor === null || !visibleIds.includes(cursor)) return
      const ui = useUiStore.getState()
      ui.setSelection(
        event.shiftKey ? selectRange(ui.selection, visibleIds, cursor) : toggleSelected(ui.selection, cursor),
      )
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [visibleIds])
}
