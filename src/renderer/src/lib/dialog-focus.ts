// Keyboard behaviour of a dialog that sits over the desk (WAI-ARIA dialog pattern): focus
// moves into it when it opens, Tab and Shift+Tab stay inside it, Escape closes it, and
// focus goes back to whatever opened it. Keys pressed in it do not reach the desk's
// window-level shortcuts (triage keys would otherwise act on the queue behind it).
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react'

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',')

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0)
}

/**
 * Wires a dialog element: give it `ref` (and tabIndex={-1}, so it can hold focus itself)
 * and `onKeyDown`. `onClose` is called on Escape.
 */
export function useDialogFocus<T extends HTMLElement>(
  onClose: () => void,
): { ref: RefObject<T | null>; onKeyDown: (e: KeyboardEvent) => void } {
  const ref = useRef<T>(null)
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    // The dialog itself first, so a screen reader reads its name; Tab goes on to its controls.
    ref.current?.focus()
    return () => {
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  function onKeyDown(e: KeyboardEvent): void {
    e.stopPropagation()
    if (e.key === 'Escape') {
      e.preventDefault()
      onClose()
      return
    }
    const root = ref.current
    if (e.key !== 'Tab' || !root) return
    const inside = focusables(root)
    if (inside.length === 0) {
      e.preventDefault()
      return
    }
    const first = inside[0]!
    const last = inside[inside.length - 1]!
    const active = document.activeElement
    if (e.shiftKey && (active === first || active === root)) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && active === last) {
      e.preventDefault()
      first.focus()
    }
  }

  return { ref, onKeyDown }
}
