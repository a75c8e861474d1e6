// The organisation's configuration as versions in the database (src/server/config): what
// admins read, save, import, roll back and preview over the wire, and the cross-checks an
// org must pass besides its schema. Both the server (refusing a save) and the admin screens
// (showing the problem while typing) run checkOrgConfig, so they never disagree.
import { z } from 'zod'
import { KeywordRule, OrgConfig, fillTemplate } from './org'
import { LIMITS, isStorableText, safeNonNegativeInt, safeString } from './limits'
import { extractUrls, weightedLength, MAX_TWEET_WEIGHT } from './text'
import { slaPolicyProblems } from './sla/admin'

export const CONFIG_PATHS = {
  /** GET: the current version; PUT {baseVersion, config, comment}: a new version (409 when stale). */
  config: '/api/v1/admin/config',
  /** GET: the current config as a JSON file (usable as an org file). */
  export: '/api/v1/admin/config/export',
  /** POST: an org document (as exported) becomes a new version. */
  import: '/api/v1/admin/config/import',
  /** PUT {baseVersion, value, comment}: one top-level section changed, as one new version. */
  section: '/api/v1/admin/config/sections/:section',
  /** GET: the versions, newest first. */
  versions: '/api/v1/admin/config/versions',
  /** POST {version, comment}: a new version equal to an old one. */
  rollback: '/api/v1/admin/config/rollback',
  /** POST {rules | rule, days}: what a candidate rule set would change over captured tweets. */
  rulesPreview: '/api/v1/admin/rules/preview',
} as const

export function configSectionPath(section: string): string {
  return CONFIG_PATHS.section.replace(':section', encodeURIComponent(section))
}

/** The sections the admin screens edit one at a time; any top-level key but `id` may be saved so. */
export const CONFIG_SECTIONS = ['rules', 'templates', 'acknowledge', 'divisions', 'affiliatedAccounts'] as const

/** Placeholders automatic texts and templates may use. */
export const CONFIG_PLACEHOLDERS = ['ticket', 'name', 'division'] as const

const Comment = safeString(LIMITS.reasonChars).default('')
const Version = safeNonNegativeInt

export const ConfigVersionInfo = z.object({
  version: z.number().int(),
  author: z.string(),
  at: z.string(),
  comment: z.string(),
  /** Set when this version was made by rolling back to that one. */
  rolledBackFrom: z.number().int().nullable(),
})
export type ConfigVersionInfo = z.infer<typeof ConfigVersionInfo>

export const ConfigCurrent = ConfigVersionInfo.extend({ config: OrgConfig })
export type ConfigCurrent = z.infer<typeof ConfigCurrent>

export const ConfigVersions = z.object({ versions: z.array(ConfigVersionInfo) })
export type ConfigVersions = z.infer<typeof ConfigVersions>

export const ConfigSave = z.object({ baseVersion: Version, config: OrgConfig, comment: Comment })
export type ConfigSave = z.input<typeof ConfigSave>

export const ConfigSectionSave = z.object({ baseVersion: Version, value: z.unknown(), comment: Comment })
export type ConfigSectionSave = z.input<typeof ConfigSectionSave>

export const ConfigRollback = z.object({ version: Version.min(1), comment: Comment })
export type ConfigRollback = z.input<typeof ConfigRollback>

/** What a save changed, by section: ids added, removed and changed for lists, else just "changed". */
export const ConfigChangeSummary = z.record(
  z.string(),
  z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) }).partial(),
)
export type ConfigChangeSummary = z.infer<typeof ConfigChangeSummary>

export const ConfigSaved = z.object({ current: ConfigCurrent, summary: ConfigChangeSummary })
export type ConfigSaved = z.infer<typeof ConfigSaved>

/** One problem of a config, where it is ("rules.3.division") and what is wrong. */
export interface ConfigProblem {
  path: string
  message: string
}

/** The longest values the placeholders can take, so a text that passes fits in every real post. */
function worstCaseValues(org: OrgConfig): Record<string, string> {
  const longestDivision = org.divisions.reduce((a, d) => (d.name.length > a.length ? d.name : a), '')
  return {
    ticket: `${org.ticketPrefix}-26-000000`,
    // X usernames are at most 15 characters.
    name: 'x'.repeat(15),
    division: longestDivision,
  }
}

function placeholderProblems(text: string, path: string): ConfigProblem[] {
  const known = new Set<string>(CONFIG_PLACEHOLDERS)
  const unknown = [...text.matchAll(/\{(\w*)\}/g)].map((m) => m[1] ?? '').filter((name) => !known.has(name))
  return unknown.length > 0
    ? [
        {
          path,
          message: `unknown placeholder {${unknown[0]}}: use ${CONFIG_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
        },
      ]
    : []
}

/** An acknowledgement text's weight as X counts it with the longest ticket, name and division filled in. */
export function acknowledgementWeight(org: OrgConfig, text: string): number {
  return weightedLength(fillTemplate(text, worstCaseValues(org)))
}

/** Problems of an automatic acknowledgement text: placeholders, X's length, no URL. */
export function acknowledgementProblems(org: OrgConfig, text: string, path: string): ConfigProblem[] {
  const problems = placeholderProblems(text, path)
  if (text.trim() === '') problems.push({ path, message: 'must not be empty' })
  const weight = acknowledgementWeight(org, text)
  if (weight > MAX_TWEET_WEIGHT)
    problems.push({
      path,
      message: `${weight} characters as X counts them with a ticket filled in; at most ${MAX_TWEET_WEIGHT}`,
    })
  // Automatic texts never carry a link: citizens are told never to trust one in a reply.
  if (extractUrls(text).length > 0) problems.push({ path, message: 'must not contain a URL' })
  return problems
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>()
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)))
}

function unstorable(value: unknown, path: string, out: ConfigProblem[]): void {
  if (out.length >= 20) return
  if (typeof value === 'string') {
    if (!isStorableText(value)) out.push({ path, message: 'contains a NUL character or malformed Unicode' })
  } else if (Array.isArray(value)) value.forEach((v, i) => unstorable(v, path ? `${path}.${i}` : String(i), out))
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) unstorable(v, path ? `${path}.${k}` : k, out)
}

/**
 * The cross-checks beyond OrgConfig's schema: every rule's and handle's division exists,
 * the default division exists, ids are unique, sizes fit LIMITS, templates use only known
 * placeholders, acknowledgements fit one post and carry no URL. Empty when all is well.
 */
export function checkOrgConfig(org: OrgConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = []
  unstorable(org, '', problems)
  const divisions = new Set(org.divisions.map((d) => d.id))
  if (org.divisions.length > LIMITS.configDivisions)
    problems.push({ path: 'divisions', message: `at most ${LIMITS.configDivisions} divisions` })
  for (const id of duplicates(org.divisions.map((d) => d.id)))
    problems.push({ path: 'divisions', message: `division id "${id}" is used twice` })
  org.divisions.forEach((d, i) => {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(d.id) || d.id.length > LIMITS.nameChars)
      problems.push({ path: `divisions.${i}.id`, message: 'lower-case letters, digits and dashes only' })
    if (d.name.trim() === '') problems.push({ path: `divisions.${i}.name`, message: 'must not be empty' })
  })
  if (!divisions.has(org.defaultDivision))
    problems.push({ path: 'defaultDivision', message: `"${org.defaultDivision}" is not a division` })
  org.handles.forEach((h, i) => {
    if (h.division && !divisions.has(h.division))
      problems.push({ path: `handles.${i}.division`, message: `"${h.division}" is not a division` })
  })

  if (org.rules.length > LIMITS.configRules)
    problems.push({ path: 'rules', message: `at most ${LIMITS.configRules} rules` })
  for (const id of duplicates(org.rules.map((r) => r.id)))
    problems.push({ path: 'rules', message: `rule id "${id}" is used twice` })
  org.rules.forEach((r, i) => {
    if (r.id.trim() === '' || r.id.length > LIMITS.nameChars)
      problems.push({ path: `rules.${i}.id`, message: `1 to ${LIMITS.nameChars} characters` })
    if (!divisions.has(r.division))
      problems.push({ path: `rules.${i}.division`, message: `"${r.division}" is not a division` })
    for (const key of ['terms', 'exclude'] as const) {
      const list = r[key]
      if (list.length > LIMITS.ruleTerms)
        problems.push({ path: `rules.${i}.${key}`, message: `at most ${LIMITS.ruleTerms} entries` })
      list.forEach((term, j) => {
        if (term.trim() === '') problems.push({ path: `rules.${i}.${key}.${j}`, message: 'must not be empty' })
        if (term.length > LIMITS.ruleTermChars)
          problems.push({ path: `rules.${i}.${key}.${j}`, message: `at most ${LIMITS.ruleTermChars} characters` })
      })
    }
  })

  if (org.templates.length > LIMITS.configTemplates)
    problems.push({ path: 'templates', message: `at most ${LIMITS.configTemplates} templates` })
  for (const id of duplicates(org.templates.map((t) => t.id)))
    problems.push({ path: 'templates', message: `template id "${id}" is used twice` })
  org.templates.forEach((t, i) => {
    problems.push(...placeholderProblems(t.text, `templates.${i}.text`))
    if (t.text.length > LIMITS.replyChars)
      problems.push({ path: `templates.${i}.text`, message: `at most ${LIMITS.replyChars} characters` })
    if (t.label.trim() === '') problems.push({ path: `templates.${i}.label`, message: 'must not be empty' })
  })

  problems.push(...acknowledgementProblems(org, org.acknowledge.en, 'acknowledge.en'))
  problems.push(...acknowledgementProblems(org, org.acknowledge.hi, 'acknowledge.hi'))
  if (org.slaPolicy)
    for (const p of slaPolicyProblems(org.slaPolicy, [...divisions]))
      problems.push({ path: `slaPolicy.${p.path}`, message: p.message })
  return problems
}

export function describeConfigProblems(problems: readonly ConfigProblem[]): string {
  const shown = problems.slice(0, 10).map((p) => `${p.path || '(config)'}: ${p.message}`)
  return shown.join('; ') + (problems.length > 10 ? `; and ${problems.length - 10} more` : '')
}

// ---- Keyword rules preview ----

export const RulesPreviewRequest = z
  .object({
    /** The candidate rule set (replaces the current rules)… */
    rules: z.array(KeywordRule).max(LIMITS.configRules).optional(),
    /** …or one new or changed rule (replaces the rule of its id, else is added). */
    rule: KeywordRule.optional(),
    days: z.number().int().min(1).max(LIMITS.rulesPreviewMaxDays).default(14),
  })
  .refine((r) => (r.rules === undefined) !== (r.rule === undefined), {
    message: 'send either rules (the whole candidate set) or rule (one rule), not both',
  })
export type RulesPreviewRequest = z.input<typeof RulesPreviewRequest>

const Verdict = z.object({ band: z.enum(['ticket', 'review', 'ignore']), division: z.string().nullable() })

export const PreviewExample = z.object({
  tweetId: z.string(),
  text: z.string(),
  before: Verdict,
  after: Verdict,
})
export type PreviewExample = z.infer<typeof PreviewExample>

export const PREVIEW_KINDS = ['pulledIn', 'dropped', 'moved', 'unchanged'] as const
export type PreviewKind = (typeof PREVIEW_KINDS)[number]

export const RulesPreview = z.object({
  days: z.number().int(),
  /** Captured tweets looked at (the newest `LIMITS.rulesPreviewTweets` of the days). */
  sample: z.number().int(),
  /** Whether there were more captured tweets than the sample holds. */
  capped: z.boolean(),
  counts: z.object({
    pulledIn: z.number().int(),
    dropped: z.number().int(),
    moved: z.number().int(),
    unchanged: z.number().int(),
  }),
  examples: z.object({
    pulledIn: z.array(PreviewExample),
    dropped: z.array(PreviewExample),
    moved: z.array(PreviewExample),
  }),
  /** Per candidate rule, as `seva rules test` reports them. */
  rules: z.array(
    z.object({
      id: z.string(),
      division: z.string(),
      matches: z.number().int(),
      percent: z.number(),
      flooding: z.boolean(),
    }),
  ),
  flood: z.object({
    /** Share of the sample that is a ticket or review now, and with the candidate (0–1). */
    todayShare: z.number(),
    candidateShare: z.number(),
    /** Newly actionable tweets per day over the days looked at. */
    pulledInPerDay: z.number(),
    warning: z.boolean(),
    /** Rules matching more than the flood percentage of the sample. */
    floodingRules: z.array(z.string()),
  }),
})
export type RulesPreview = z.infer<typeof RulesPreview>

/** A rule matching more than this share of the sample floods the queues (the CLI's default too). */
export const FLOOD_RULE_PERCENT = 20
/** A candidate that makes this many times today's share actionable is flagged as a flood. */
export const FLOOD_SHARE_FACTOR = 2
