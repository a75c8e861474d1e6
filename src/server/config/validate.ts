// A candidate organisation is checked completely before it becomes a version: its schema
// (OrgConfig), the cross-checks the admin screens run too (checkOrgConfig), and what only
// the server knows: that the deployed triage model still fits its divisions.
import { checkOrgConfig, describeConfigProblems, type ConfigProblem } from '../../shared/config'
import { OrgConfig } from '../../shared/org'
import { OrgConfigError } from '../../shared/routing'
import type { TriageModel } from '../../shared/triage-model'
import { HttpError } from '../http/errors'
import { triageFor } from '../review/model'
import { snapshotOf } from './live-org'

/** The parsed org, or a 400 whose message names the path of each problem. */
export function validOrg(value: unknown, model: TriageModel | null): OrgConfig {
  const parsed = OrgConfig.safeParse(value)
  if (!parsed.success) {
    const problems: ConfigProblem[] = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    throw new HttpError(400, 'invalid_config', describeConfigProblems(problems))
  }
  const org = parsed.data
  const problems = checkOrgConfig(org)
  if (problems.length > 0) throw new HttpError(400, 'invalid_config', describeConfigProblems(problems))
  try {
    const snapshot = snapshotOf(org, 0)
    triageFor(snapshot.compiled, model, snapshot.ownHandles)
  } catch (error) {
    // compileOrg's checks are covered above; what is left is the model (divisions it knows).
    const message = error instanceof Error ? error.message : String(error)
    throw new HttpError(
      400,
      'invalid_config',
      `${error instanceof OrgConfigError ? '(config)' : 'divisions'}: ${message}`,
    )
  }
  return org
}
