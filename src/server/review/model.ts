// The organisation's triage model, found as the CLI finds it (`seva triage`): the org
// file's `triage.model`, else ../models/<org id>.model.json beside the org file. Without
// one the rules decide alone, as before the model existed.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { OrgConfig } from '../../shared/org'
import type { CompiledOrg } from '../../shared/routing'
import { parseModel, prepareTriage, type Triage, type TriageModel } from '../../shared/triage-model'

/** The model of `org` read from beside its file, or null (no file: rules only). */
export function loadOrgModel(orgFile: string | undefined, org: OrgConfig): TriageModel | null {
  const configured = org.triage?.model
  if (!orgFile) {
    if (configured) throw new Error('the org names a triage model but was not loaded from a file: pass the model')
    return null
  }
  const path = configured
    ? resolve(dirname(orgFile), configured)
    : resolve(dirname(orgFile), '..', 'models', `${org.id}.model.json`)
  if (!existsSync(path)) {
    if (configured) throw new Error(`the org's triage model ${path} does not exist`)
    return null
  }
  return readModelFile(path)
}

export function readModelFile(path: string): TriageModel {
  try {
    return parseModel(JSON.parse(readFileSync(path, 'utf8')))
  } catch (error) {
    throw new Error(`the triage model ${path} cannot be read: ${(error as Error).message}`)
  }
}

/**
 * A Triage for one server context. It holds scratch buffers and is not reentrant: each
 * context gets its own, and triageTweet runs synchronously (no await in between).
 */
export function triageFor(compiled: CompiledOrg, model: TriageModel | null, ownHandles: Iterable<string>): Triage {
  return prepareTriage(compiled, model, { ownHandles: [...ownHandles] })
}
