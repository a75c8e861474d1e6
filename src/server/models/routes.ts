// The model registry for admins (everyone else: 403):
//   GET  /api/v1/admin/models                    versions newest first, the deployed one marked,
//                                                each measured on the last 30 days of decisions
//                                                (kept until the decisions change: quality-cache.ts)
//   POST /api/v1/admin/models                    {model, source?, note?} → 201 {version}
//   POST /api/v1/admin/models/:version/deploy    deploy it (a rollback when older than the deployed one)
// Uploads and deployments are audited (model.upload, model.deploy, model.rollback) in the
// same transaction; a deployment is applied here at once and on the other instances on
// NOTIFY or their periodic check (sync.ts).
import type { FastifyInstance } from 'fastify'
import {
  MODEL_LIMITS,
  MODELS_PATHS,
  ModelUpload,
  VersionParams,
  type ModelDeployed,
  type ModelList,
  type ModelQuality,
  type ModelUploaded,
  type ModelVersionInfo,
} from '../../shared/models'
import { parseModel, type TriageModel } from '../../shared/triage-model'
import { audit } from '../audit'
import { requireRole } from '../auth/routes'
import type { OrgSnapshot } from '../config/live-org'
import type { ServerContext } from '../context'
import { HttpError } from '../http/errors'
import { parseInput } from '../http/routes'
import { measureQuality, triageFor, type StoredLabel } from '../review'
import { QualityCache } from './quality-cache'
import { deployModel, publishModel } from './registry'
import { currentDeployment, listVersions, modelOf, versionAt, type StoredVersion } from './store'

/** The file plus the request around it; the file's own size is checked below with a clear message. */
const upload = { bodyLimit: MODEL_LIMITS.fileBytes + 8 * 1024 }

const NO_FIGURES: ModelQuality = { precision: null, recall: null, f1: null, reachedRecall: null }

function f1(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return null
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
}

/** The version measured by the quality view's own counting; no figures for one that no longer fits the org. */
function qualityOf(snapshot: OrgSnapshot, model: () => TriageModel, labels: readonly StoredLabel[]): ModelQuality {
  let measured
  try {
    measured = measureQuality(labels, triageFor(snapshot.compiled, model(), snapshot.ownHandles))
  } catch {
    return NO_FIGURES
  }
  const { precision, recall } = measured.ticket
  return { precision, recall, f1: f1(precision, recall), reachedRecall: measured.ticketOrReview.recall }
}

export function registerModelRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  deps: { refresh: () => Promise<void> },
): void {
  // Versions never change: each is parsed (its weights decoded) once by this server and kept
  // while it is among the versions listed.
  const parsed = new Map<string, TriageModel>()
  const quality = new QualityCache()
  const parsedModel = (org: string, stored: StoredVersion) => (): TriageModel => {
    const key = `${org}:${stored.version}`
    let model = parsed.get(key)
    if (!model) {
      model = modelOf(stored)
      parsed.set(key, model)
      for (const old of parsed.keys()) if (parsed.size > MODEL_LIMITS.versionsListed) parsed.delete(old)
    }
    return model
  }
  app.get(MODELS_PATHS.models, async (request): Promise<ModelList> => {
    const user = await requireRole(ctx, request, ['admin'], 'see the triage models')
    const snapshot = ctx.config.current()
    const org = snapshot.org.id
    const versions = await listVersions(ctx.db, org, MODEL_LIMITS.versionsListed)
    const deployment = await currentDeployment(ctx.db, org)
    // The deployed version is always listed, however many were added since.
    if (deployment && !versions.some((v) => v.version === deployment.version)) {
      const deployed = await versionAt(ctx.db, org, deployment.version)
      if (deployed) versions.push(deployed)
    }
    const window = await quality.window(ctx.db, snapshot, new Date())
    const infos: ModelVersionInfo[] = []
    for (const v of versions) {
      let measured = false
      const figures = await window.figures(v.version, (labels) => {
        measured = true
        return qualityOf(snapshot, parsedModel(org, v), labels)
      })
      infos.push({
        version: v.version,
        createdAt: v.createdAt,
        createdBy: v.createdBy,
        source: v.source,
        summary: v.summary,
        deployed: deployment?.version === v.version,
        quality: figures,
      })
      // One version's pass (up to LIMITS.qualityLabels tweets, as long as the quality view's
      // one) at a time: other requests are served in between.
      if (measured) await new Promise((resolve) => setImmediate(resolve))
    }
    // Officers' decisions, read in bulk: on the record like the quality view.
    await audit(ctx.db, {
      actor: user.username,
      action: 'model.quality-read',
      clientAddress: request.ip,
      details: { decisions: window.decisions, versions: infos.length },
    })
    return {
      org,
      deployedVersion: deployment?.version ?? null,
      since: window.since.toISOString(),
      decisions: window.decisions,
      versions: infos,
    }
  })

  app.post(MODELS_PATHS.models, upload, async (request, reply): Promise<ModelUploaded> => {
    const user = await requireRole(ctx, request, ['admin'], 'upload a triage model')
    const body = parseInput(ModelUpload, request.body)
    const bytes = Buffer.byteLength(JSON.stringify(body.model))
    if (bytes > MODEL_LIMITS.fileBytes)
      throw new HttpError(
        413,
        'payload_too_large',
        `The model file is ${bytes} bytes; at most ${MODEL_LIMITS.fileBytes} are accepted`,
      )
    let model: TriageModel
    try {
      model = parseModel(body.model)
    } catch (error) {
      throw new HttpError(400, 'invalid_model', error instanceof Error ? error.message : String(error))
    }
    const version = await publishModel(
      ctx.db,
      ctx.config.current(),
      model,
      { source: body.source ?? 'upload', note: body.note ?? null, bytes },
      { username: user.username, clientAddress: request.ip },
    )
    reply.code(201)
    return { version }
  })

  app.post(MODELS_PATHS.deploy, async (request): Promise<ModelDeployed> => {
    const user = await requireRole(ctx, request, ['admin'], 'deploy a triage model')
    const { version } = parseInput(VersionParams, request.params)
    const { previous, kind } = await deployModel(ctx.db, ctx.config.current(), version, {
      username: user.username,
      clientAddress: request.ip,
    })
    // Applied here before answering; the other instances follow on NOTIFY or their check.
    await deps.refresh()
    return { deployedVersion: version, previousVersion: previous?.version ?? null, rolledBack: kind === 'rollback' }
  })
}
