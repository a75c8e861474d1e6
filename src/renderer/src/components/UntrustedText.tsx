// Text that came from outside (a citizen's tweet, a display name, a reason typed by
// someone else) is shown isolated from the layout around it (<bdi>, dir="auto",
// unicode-bidi: isolate) with its bidi controls made visible, so it cannot reorder the
// ticket number or file name next to it.
import { Fragment, memo } from 'react'
import { splitBidiControls } from '../lib/bidi'

interface Props {
  text: string
  className?: string
  lang?: string | undefined
}

export const UntrustedText = memo(function UntrustedText({ text, className, lang }: Props) {
  const pieces = splitBidiControls(text)
  return (
    <bdi dir="auto" className={className ? `untrusted ${className}` : 'untrusted'} lang={lang}>
      {pieces.map((p, i) =>
        p.kind === 'text' ? (
          <Fragment key={i}>{p.text}</Fragment>
        ) : (
          <span key={i} className="bidi-control" data-testid="bidi-control" title={`${p.name} (${p.codePoint})`}>
            ⟨{p.abbr}⟩
          </span>
        ),
      )}
    </bdi>
  )
})
