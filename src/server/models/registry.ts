// The registry's two changes with their audit entries, shared by the admin routes and
// `seva model publish`: a new version from a model file that fits the organisation, and a
// deployment (a rollback when the version is older than the deployed one). Each is one
// transaction with its entry; a deployment is announced to the instances at commit.
import type { ModelSource } from '../../shared/models'
import type { TriageModel } from '../../shared/triage-model'
import { recordAudit } from '../audit'
import type { OrgSnapshot } from '../config/live-org'
import type { Database } from '../db/database'
import { HttpError } from '../http/errors'
import { triageFor } from '../review/model'
import { addVersion, deployVersion, modelOf, type Deployment } from './store'

export interface Actor {
  username: string
  clientAddress?: string | null
}

/** 400 unless the model fits the org as configured (its id, the divisions it knows). */
export function assertFits(snapshot: OrgSnapshot, model: TriageModel): void {
  try {
    triageFor(snapshot.compiled, model, snapshot.ownHandles)
  } catch (error) {
    throw new HttpError(400, 'invalid_model', error instanceof Error ? error.message : String(error))
  }
}

export async function publishModel(
  db: Database,
  snapshot: OrgSnapshot,
  model: TriageModel,
  how: { source: ModelSource; note: string | null; bytes: number },
  actor: Actor,
): Promise<number> {
  assertFits(snapshot, model)
  return addVersion(
    db,
    snapshot.org.id,
    model,
    { source: how.source, createdBy: actor.username, note: how.note },
    async (tx, version) => {
      await recordAudit(tx, {
        actor: actor.username,
        action: 'model.upload',
        target: `model ${version}`,
        clientAddress: actor.clientAddress ?? null,
        details: { version, source: how.source, createdFrom: model.createdFrom, bytes: how.bytes },
      })
    },
  )
}

export async function deployModel(
  db: Database,
  snapshot: OrgSnapshot,
  version: number,
  actor: Actor,
): Promise<{ previous: Deployment | null; kind: 'deploy' | 'rollback' }> {
  return deployVersion(
    db,
    snapshot.org.id,
    version,
    actor.username,
    (stored) => assertFits(snapshot, modelOf(stored)),
    async (tx, before, kind) => {
      await recordAudit(tx, {
        actor: actor.username,
        action: kind === 'rollback' ? 'model.rollback' : 'model.deploy',
        target: `model ${version}`,
        clientAddress: actor.clientAddress ?? null,
        details: { version, previousVersion: before?.version ?? null },
      })
    },
  )
}
