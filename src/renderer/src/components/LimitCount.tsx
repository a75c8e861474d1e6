// "812 / 1,000 characters" under a field, so the limit is known before it is hit. The
// limits are the contract's (src/shared/limits.ts): the server would refuse anything longer.
import { useTranslation } from 'react-i18next'

/** Characters as the contract counts them (UTF-16 code units, like String.length and zod). */
export function overLimit(text: string, max: number): boolean {
  return text.length > max
}

export function LimitCount({ text, max, testId }: { text: string; max: number; testId?: string }) {
  const { t } = useTranslation()
  const over = overLimit(text, max)
  const near = !over && text.length > max * 0.9
  return (
    <span
      className={over ? 'limit-count over' : near ? 'limit-count near' : 'limit-count'}
      data-testid={testId}
      data-over={over || undefined}
    >
      {t('common.characters', { used: text.length, max })}
    </span>
  )
}
