// The model registry's contract: an organisation's triage models as numbered versions,
// which one is deployed, how each does on the last 30 days of officers' decisions, and the
// admin routes that upload a trained model file and deploy (or roll back to) a version.
import { z } from 'zod'
import { LIMITS, safeText } from './limits'
import { ModelFile } from './triage-model/model'

export const MODELS_PATHS = {
  /** Admins: GET the versions with their 30-day figures; POST {model, note?} uploads one. */
  models: '/api/v1/admin/models',
  /** Admins: POST deploys that version (a rollback when it is older than the deployed one). */
  deploy: '/api/v1/admin/models/:version/deploy',
} as const

export const MODEL_LIMITS = {
  /**
   * An uploaded model file in bytes (its JSON). The shipped models are 50–80 kB; this
   * stays under the browser desk's message limit (LIMITS.deskMessageBytes) with room
   * for the request around it, so what the screen may send the desk can carry.
   */
  fileBytes: 224 * 1024,
  /**
   * Versions one GET lists (newest first), each measured again on the decisions: about a
   * second each at the full LIMITS.qualityLabels on this project's test machine.
   */
  versionsListed: 10,
} as const

/** A route of MODELS_PATHS for one version. */
export function modelPath(path: string, version: number): string {
  return path.replace(':version', String(version))
}

/** Where a version came from: the org's model file at start, an admin's upload, or `seva model publish` of a trained file. */
export const ModelSource = z.enum(['file', 'upload', 'trained'])
export type ModelSource = z.infer<typeof ModelSource>

/** POST /api/v1/admin/models: a model file as `seva model train` writes it. */
export const ModelUpload = z.object({
  model: ModelFile,
  /** 'trained' when a tool publishes a file it trained (seva model publish); default 'upload'. */
  source: z.enum(['upload', 'trained']).optional(),
  note: safeText(LIMITS.reasonChars).optional(),
})
export type ModelUpload = z.infer<typeof ModelUpload>

export const VersionParams = z.object({ version: z.coerce.number().int().positive().max(2_147_483_647) })

/** What the registry keeps about a version besides its weights. */
export const ModelSummary = z.object({
  org: z.string(),
  createdFrom: z.string(),
  trainedAt: z.string().nullable(),
  thresholds: z.object({ ticket: z.number(), review: z.number() }),
  divisions: z.array(z.string()),
  note: z.string().nullable(),
})
export type ModelSummary = z.infer<typeof ModelSummary>

/** A version measured on the decisions: "a grievance" predicted = the ticket band, as the quality view counts it. */
export const ModelQuality = z.object({
  precision: z.number().nullable(),
  recall: z.number().nullable(),
  f1: z.number().nullable(),
  /** Recall of ticket + review: what reaches a person. */
  reachedRecall: z.number().nullable(),
})
export type ModelQuality = z.infer<typeof ModelQuality>

export const ModelVersionInfo = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  source: ModelSource,
  summary: ModelSummary,
  deployed: z.boolean(),
  quality: ModelQuality,
})
export type ModelVersionInfo = z.infer<typeof ModelVersionInfo>

/** GET /api/v1/admin/models */
export const ModelList = z.object({
  org: z.string(),
  deployedVersion: z.number().int().nullable(),
  /** Start of the window the figures are measured on. */
  since: z.string(),
  /** Officers' decisions in it (latest per tweet). */
  decisions: z.number().int(),
  versions: z.array(ModelVersionInfo),
})
export type ModelList = z.infer<typeof ModelList>

/** POST /api/v1/admin/models → 201 */
export const ModelUploaded = z.object({ version: z.number().int() })
export type ModelUploaded = z.infer<typeof ModelUploaded>

/** POST /api/v1/admin/models/:version/deploy */
export const ModelDeployed = z.object({
  deployedVersion: z.number().int(),
  previousVersion: z.number().int().nullable(),
  rolledBack: z.boolean(),
})
export type ModelDeployed = z.infer<typeof ModelDeployed>
