// The registry in the database: triage_models holds each version of an org's model (the
// file byte for byte, with a summary), triage_model_deployments the history of which
// version was deployed when and by whom; the newest deployment row is what triage uses.
// Writes take one advisory lock and announce a deployment on NOTIFY (PostgreSQL) at commit.
import { createHash } from 'node:crypto'
import type { ModelSource, ModelSummary } from '../../shared/models'
import { parseModel, serialiseModel, type TriageModel } from '../../shared/triage-model'
import type { Database, Queryable } from '../db/database'
import { HttpError } from '../http/errors'

/** Serialises registry writes across instances. */
export const MODEL_LOCK_KEY = 7_305_017
/** NOTIFY channel announcing a deployment (payload: the org). */
export const MODEL_CHANNEL = 'seva_model'
/** Who registers the org's model file at start (and so may replace it with a newer file). */
export const SYSTEM_ACTOR = 'system'

export interface StoredVersion {
  version: number
  createdAt: string
  createdBy: string
  source: ModelSource
  summary: ModelSummary
  /** The model file's text. */
  text: string
}

interface VersionRow {
  [key: string]: unknown
  version: number
  created_at: Date | string
  created_by: string
  source: ModelSource
  summary: ModelSummary | string
  model: string
}

function versionOf(row: VersionRow): StoredVersion {
  return {
    version: Number(row.version),
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    source: row.source,
    summary: typeof row.summary === 'string' ? (JSON.parse(row.summary) as ModelSummary) : row.summary,
    text: row.model,
  }
}

export function summaryOf(model: TriageModel, note: string | null): ModelSummary {
  const trainedAt = model.training.trainedAt
  return {
    org: model.org,
    createdFrom: model.createdFrom,
    trainedAt: typeof trainedAt === 'string' ? trainedAt : null,
    thresholds: model.thresholds,
    divisions: model.divisions,
    note,
  }
}

export function modelOf(v: StoredVersion): TriageModel {
  return parseModel(JSON.parse(v.text))
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

async function lock(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MODEL_LOCK_KEY])
}

async function notify(db: Database, tx: Queryable, org: string): Promise<void> {
  if (db.kind === 'postgres') await tx.query('SELECT pg_notify($1, $2)', [MODEL_CHANNEL, org])
}

export interface Deployment {
  id: number
  version: number
  at: string
  deployedBy: string
  kind: 'seed' | 'deploy' | 'rollback'
}

export async function currentDeployment(tx: Queryable, org: string): Promise<Deployment | null> {
  const [row] = await tx.query<{
    id: string | number
    version: number
    at: Date | string
    deployed_by: string
    kind: Deployment['kind']
  }>(
    'SELECT id, version, at, deployed_by, kind FROM triage_model_deployments WHERE org = $1 ORDER BY id DESC LIMIT 1',
    [org],
  )
  return row
    ? {
        id: Number(row.id),
        version: Number(row.version),
        at: new Date(row.at).toISOString(),
        deployedBy: row.deployed_by,
        kind: row.kind,
      }
    : null
}

/** The newest deployment's id for the org (0: none): the cheap check of the periodic refresh. */
export async function latestDeploymentId(tx: Queryable, org: string): Promise<number> {
  const [row] = await tx.query<{ id: string | number | null }>(
    'SELECT max(id) AS id FROM triage_model_deployments WHERE org = $1',
    [org],
  )
  return row?.id === null || row?.id === undefined ? 0 : Number(row.id)
}

export async function versionAt(tx: Queryable, org: string, version: number): Promise<StoredVersion | null> {
  const [row] = await tx.query<VersionRow>('SELECT * FROM triage_models WHERE org = $1 AND version = $2', [
    org,
    version,
  ])
  return row ? versionOf(row) : null
}

/** Newest first. */
export async function listVersions(tx: Queryable, org: string, limit: number): Promise<StoredVersion[]> {
  const rows = await tx.query<VersionRow>('SELECT * FROM triage_models WHERE org = $1 ORDER BY version DESC LIMIT $2', [
    org,
    limit,
  ])
  return rows.map(versionOf)
}

async function insertVersion(
  tx: Queryable,
  org: string,
  text: string,
  fields: { source: ModelSource; createdBy: string; summary: ModelSummary },
): Promise<number> {
  const [next] = await tx.query<{ version: number }>(
    'SELECT COALESCE(max(version), 0) + 1 AS version FROM triage_models WHERE org = $1',
    [org],
  )
  const version = Number(next!.version)
  await tx.query(
    `INSERT INTO triage_models (org, version, created_by, source, sha256, summary, model)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
    [org, version, fields.createdBy, fields.source, sha256(text), JSON.stringify(fields.summary), text],
  )
  return version
}

async function insertDeployment(tx: Queryable, org: string, version: number, by: string, kind: Deployment['kind']) {
  await tx.query('INSERT INTO triage_model_deployments (org, version, deployed_by, kind) VALUES ($1, $2, $3, $4)', [
    org,
    version,
    by,
    kind,
  ])
}

/**
 * At start: the org's model file becomes a version unless the registry has it already, and
 * is deployed when nothing is (first start: nothing changes for an existing deployment) or
 * when what is deployed is another file the server deployed itself (a build shipping a
 * retrained file keeps working as before the registry); a version an admin or
 * `seva model publish` chose is never replaced. Returns the version deployed now, or null.
 */
export async function registerFileModel(db: Database, org: string, model: TriageModel): Promise<number | null> {
  const text = serialiseModel(model)
  return db.transaction(async (tx) => {
    await lock(tx)
    const [known] = await tx.query<{ version: number }>(
      'SELECT version FROM triage_models WHERE org = $1 AND sha256 = $2',
      [org, sha256(text)],
    )
    const deployed = await currentDeployment(tx, org)
    const version = known
      ? Number(known.version)
      : await insertVersion(tx, org, text, { source: 'file', createdBy: SYSTEM_ACTOR, summary: summaryOf(model, null) })
    if (deployed && (deployed.deployedBy !== SYSTEM_ACTOR || deployed.version === version)) return null
    await insertDeployment(tx, org, version, SYSTEM_ACTOR, 'seed')
    await notify(db, tx, org)
    return version
  })
}

/** A new version from an uploaded file, with whatever else `also` writes (the audit entry). 409: already a version. */
export async function addVersion(
  db: Database,
  org: string,
  model: TriageModel,
  fields: { source: ModelSource; createdBy: string; note: string | null },
  also: (tx: Queryable, version: number) => Promise<void>,
): Promise<number> {
  const text = serialiseModel(model)
  return db.transaction(async (tx) => {
    await lock(tx)
    const [known] = await tx.query<{ version: number }>(
      'SELECT version FROM triage_models WHERE org = $1 AND sha256 = $2',
      [org, sha256(text)],
    )
    if (known) throw new HttpError(409, 'model_exists', `This model is already version ${known.version}`)
    const version = await insertVersion(tx, org, text, {
      source: fields.source,
      createdBy: fields.createdBy,
      summary: summaryOf(model, fields.note),
    })
    await also(tx, version)
    return version
  })
}

/**
 * Deploys `version` (kind 'rollback' when it is older than the deployed one) with the audit
 * entry `also` writes, announced to the other instances at commit. 404: no such version;
 * 409: already deployed.
 */
export async function deployVersion(
  db: Database,
  org: string,
  version: number,
  by: string,
  check: (stored: StoredVersion) => void,
  also: (tx: Queryable, previous: Deployment | null, kind: 'deploy' | 'rollback') => Promise<void>,
): Promise<{ previous: Deployment | null; kind: 'deploy' | 'rollback' }> {
  return db.transaction(async (tx) => {
    await lock(tx)
    const stored = await versionAt(tx, org, version)
    if (!stored) throw new HttpError(404, 'not_found', `No model version ${version}`)
    const previous = await currentDeployment(tx, org)
    if (previous?.version === version)
      throw new HttpError(409, 'already_deployed', `Model version ${version} is already deployed`)
    check(stored)
    const kind = previous && version < previous.version ? 'rollback' : 'deploy'
    await insertDeployment(tx, org, version, by, kind)
    await also(tx, previous, kind)
    await notify(db, tx, org)
    return { previous, kind }
  })
}
