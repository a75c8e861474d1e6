// Small form pieces of the SLA section: a labelled input whose problem (from the shared
// contract, by policy path) is shown beside it and tied to it for screen readers.
import { useTranslation } from 'react-i18next'
import { problemAt, type FieldProblem } from './sla-form'

/** A stable element id for a policy path ("targets.high.resolutionHours" → "sla-targets-high-resolutionHours"). */
export const fieldId = (path: string): string => `sla-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`

export function ProblemNote({ problems, path }: { problems: readonly FieldProblem[]; path: string }) {
  const { t } = useTranslation()
  const problem = problemAt(problems, path)
  if (!problem) return null
  return (
    <small id={`${fieldId(path)}-problem`} className="field-problem" data-testid={`${fieldId(path)}-problem`}>
      {t(`admin.sla.problem.${problem.code}`, { limit: problem.limit })}
    </small>
  )
}

/** aria attributes of an input with a problem. */
export function invalidProps(problems: readonly FieldProblem[], path: string, hintId?: string) {
  const bad = problemAt(problems, path) !== undefined
  const described = [hintId, bad ? `${fieldId(path)}-problem` : undefined].filter(Boolean).join(' ')
  return {
    'aria-invalid': bad || undefined,
    'aria-describedby': described || undefined,
  }
}

interface TextFieldProps {
  label: string
  path: string
  value: string
  problems: readonly FieldProblem[]
  onChange: (value: string) => void
  hintId?: string
  hint?: string
  inputMode?: 'decimal' | 'numeric' | 'text'
  maxLength?: number
}

/** A labelled text input for a number or a time, with its hint and problem under it. */
export function TextField({ label, path, value, problems, onChange, hint, inputMode, maxLength }: TextFieldProps) {
  const id = fieldId(path)
  const hintId = hint ? `${id}-hint` : undefined
  return (
    <div className="sla-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={id}
        value={value}
        inputMode={inputMode ?? 'decimal'}
        maxLength={maxLength ?? 16}
        onChange={(e) => onChange(e.target.value)}
        {...invalidProps(problems, path, hintId)}
      />
      {hint && (
        <small id={hintId} className="sla-hint">
          {hint}
        </small>
      )}
      <ProblemNote problems={problems} path={path} />
    </div>
  )
}
