import { useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react'

export interface ScrollViewport {
  scrollTop: number
  height: number
}

/**
 * The scroll position and height of a windowed list's scroller, kept current on scroll
 * and resize, so the list renders only the rows in view. `remeasure` changes (e.g. the
 * card list shown again after the table) make it measure afresh.
 */
export function useScrollViewport(remeasure: unknown = null): {
  ref: RefObject<HTMLDivElement | null>
  viewport: ScrollViewport
  onScroll: (event: UIEvent<HTMLElement>) => void
} {
  const ref = useRef<HTMLDivElement>(null)
  const [viewport, setViewport] = useState<ScrollViewport>({ scrollTop: 0, height: 800 })
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => setViewport({ scrollTop: element.scrollTop, height: element.clientHeight })
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [remeasure])
  const onScroll = (event: UIEvent<HTMLElement>) =>
    setViewport({ scrollTop: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })
  return { ref, viewport, onScroll }
}
