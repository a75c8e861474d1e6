// The organisation's configuration for admins (everyone else: 403):
//   GET  /api/v1/admin/config                     current version {version, author, at, comment, config}
//   PUT  /api/v1/admin/config                     {baseVersion, config, comment} → a new version (409: stale)
//   PUT  /api/v1/admin/config/sections/:section   {baseVersion, value, comment} → one section, one version
//   GET  /api/v1/admin/config/export              the current config as a JSON file (audited)
//   POST /api/v1/admin/config/import              an org document → a new version
//   GET  /api/v1/admin/config/versions            newest first
//   POST /api/v1/admin/config/rollback            {version, comment} → a new version equal to that one
//   POST /api/v1/admin/rules/preview              {rules | rule, days} → what the candidate would change
// Every change is audited with a summary of what changed; the saving instance swaps the new
// version in at once and the others follow on NOTIFY or their periodic check (sync.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  CONFIG_PATHS,
  ConfigRollback,
  ConfigSave,
  ConfigSectionSave,
  RulesPreviewRequest,
  checkOrgConfig,
  describeConfigProblems,
  type ConfigCurrent,
  type ConfigSaved,
  type ConfigVersions,
  type RulesPreview,
} from '../../shared/config'
import { LIMITS, safeString } from '../../shared/limits'
import { OrgConfig } from '../../shared/org'
import { recordAudit, audit } from '../audit'
import { requireRole } from '../auth/routes'
import type { ServerContext } from '../context'
import { HttpError } from '../http/errors'
import { parseInput } from '../http/routes'
import { triageFor } from '../review/model'
import { snapshotOf } from './live-org'
import { capturedTweets, candidateRules, previewRules } from './preview'
import { addConfigVersion, configAt, latestConfig, listConfigVersions, type NewVersion } from './store'
import { summariseChange } from './summary'
import { validOrg } from './validate'

const big = { bodyLimit: LIMITS.configBodyBytes }

/** Sections that may be saved one at a time: every top-level field but the organisation's id. */
const SECTIONS = new Set(Object.keys(OrgConfig.shape).filter((k) => k !== 'id'))
const SectionName = safeString(LIMITS.nameChars).refine((s) => SECTIONS.has(s), {
  message: `not a section of the configuration (${[...SECTIONS].join(', ')})`,
})

async function current(ctx: ServerContext): Promise<ConfigCurrent> {
  const stored = await latestConfig(ctx.db)
  if (!stored) throw new Error('config_versions is empty: the server seeds it at start')
  return stored
}

export function registerConfigRoutes(app: FastifyInstance, ctx: ServerContext): void {
  /** Stores a validated change with its audit entry, then applies it on this instance at once. */
  const save = async (
    request: FastifyRequest,
    username: string,
    change: Omit<NewVersion, 'author'>,
    action: 'config.changed' | 'config.imported' | 'config.rolled-back',
  ): Promise<ConfigSaved> => {
    let summary: ConfigSaved['summary'] = {}
    const saved = await addConfigVersion(ctx.db, { ...change, author: username }, async (tx, before, version) => {
      summary = summariseChange(before.config, change.config)
      await recordAudit(tx, {
        actor: username,
        action,
        target: `config v${version}`,
        clientAddress: request.ip,
        details: {
          from: before.version,
          version,
          ...(change.comment ? { comment: change.comment } : {}),
          ...(change.rolledBackFrom ? { restored: change.rolledBackFrom } : {}),
          changed: summary,
        },
      })
    })
    ctx.config.install(saved.version, saved.config)
    return { current: saved, summary }
  }

  app.get(CONFIG_PATHS.config, async (request): Promise<ConfigCurrent> => {
    await requireRole(ctx, request, ['admin'], 'read the configuration')
    return current(ctx)
  })

  app.put(CONFIG_PATHS.config, big, async (request): Promise<ConfigSaved> => {
    const user = await requireRole(ctx, request, ['admin'], 'change the configuration')
    const body = parseInput(ConfigSave, request.body)
    const config = validOrg(body.config, ctx.models.model)
    return save(
      request,
      user.username,
      { baseVersion: body.baseVersion, config, comment: body.comment },
      'config.changed',
    )
  })

  app.put(CONFIG_PATHS.section, big, async (request): Promise<ConfigSaved> => {
    const user = await requireRole(ctx, request, ['admin'], 'change the configuration')
    const section = parseInput(SectionName, (request.params as { section?: unknown }).section)
    const body = parseInput(ConfigSectionSave, request.body)
    const base = await configAt(ctx.db, body.baseVersion)
    if (!base) throw new HttpError(409, 'stale_config', `There is no configuration version ${body.baseVersion}; reload`)
    const config = validOrg({ ...base.config, [section]: body.value }, ctx.models.model)
    return save(
      request,
      user.username,
      { baseVersion: body.baseVersion, config, comment: body.comment },
      'config.changed',
    )
  })

  app.get(CONFIG_PATHS.export, async (request, reply) => {
    const user = await requireRole(ctx, request, ['admin'], 'export the configuration')
    const stored = await current(ctx)
    await audit(ctx.db, {
      actor: user.username,
      action: 'config.exported',
      target: `config v${stored.version}`,
      clientAddress: request.ip,
      details: { version: stored.version },
    })
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${stored.config.id}-config-v${stored.version}.json"`)
      .send(JSON.stringify(stored.config, null, 2))
  })

  app.post(CONFIG_PATHS.import, big, async (request): Promise<ConfigSaved> => {
    const user = await requireRole(ctx, request, ['admin'], 'import a configuration')
    const config = validOrg(request.body, ctx.models.model)
    const comment = parseInput(
      safeString(LIMITS.reasonChars).default(''),
      (request.query as { comment?: unknown }).comment,
    )
    return save(
      request,
      user.username,
      { baseVersion: null, config, comment: comment || 'imported' },
      'config.imported',
    )
  })

  app.get(CONFIG_PATHS.versions, async (request): Promise<ConfigVersions> => {
    await requireRole(ctx, request, ['admin'], 'read the configuration history')
    return { versions: await listConfigVersions(ctx.db) }
  })

  app.post(CONFIG_PATHS.rollback, async (request): Promise<ConfigSaved> => {
    const user = await requireRole(ctx, request, ['admin'], 'roll the configuration back')
    const body = parseInput(ConfigRollback, request.body)
    const old = await configAt(ctx.db, body.version)
    if (!old) throw new HttpError(404, 'not_found', `There is no configuration version ${body.version}`)
    // Still checked: the model or the rules of validity may have changed since.
    const config = validOrg(old.config, ctx.models.model)
    return save(
      request,
      user.username,
      {
        baseVersion: null,
        config,
        comment: body.comment || `rolled back to version ${body.version}`,
        rolledBackFrom: body.version,
      },
      'config.rolled-back',
    )
  })

  app.post(CONFIG_PATHS.rulesPreview, big, async (request): Promise<RulesPreview> => {
    await requireRole(ctx, request, ['admin'], 'preview keyword rules')
    const body = parseInput(RulesPreviewRequest, request.body)
    // The rules in force and their triage, taken together (no await in between).
    const today = ctx.config.current()
    const todayTriage = ctx.triage()
    const candidateOrg: OrgConfig = { ...today.org, rules: candidateRules(today.org.rules, body) }
    const problems = checkOrgConfig(candidateOrg).filter((p) => p.path.startsWith('rules'))
    if (problems.length > 0) throw new HttpError(400, 'invalid_config', describeConfigProblems(problems))
    const candidate = snapshotOf(candidateOrg, 0)
    const { tweets, capped } = await capturedTweets(ctx.db, body.days, new Date())
    return previewRules(
      tweets,
      { triage: todayTriage, org: today.org },
      { triage: triageFor(candidate.compiled, ctx.models.model, candidate.ownHandles), org: candidateOrg },
      { days: body.days, capped },
    )
  })
}
