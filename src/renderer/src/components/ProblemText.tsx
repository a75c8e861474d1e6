// A problem in words, with the desk's technical message in the tooltip for support.
import { useTranslation } from 'react-i18next'
import { problemText, problemTitle, type Problem } from '../i18n/problem'

export function ProblemText({ problem }: { problem: Problem }) {
  const { t } = useTranslation()
  return (
    <span title={problemTitle(problem, t)} data-detail={problem.detail}>
      {problemText(problem, t)}
    </span>
  )
}
