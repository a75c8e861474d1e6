// Organisation configuration (resources/orgs/*.json): handles, divisions, keyword
// rules, SLA and reply templates. Validated on load so a typo in a rule file is a
// clear error at start-up, not a silent routing hole.
import { z } from 'zod'
import { Priority } from './grievance'
import { SlaPolicy } from './sla/policy'

export const KeywordRule = z.object({
  id: z.string(),
  division: z.string(),
  /** Terms and phrases in English, Devanagari Hindi and romanised Hindi. */
  terms: z.array(z.string()).min(1),
  /** A tweet containing any of these is not pulled in by this rule. */
  exclude: z.array(z.string()).default([]),
  /** Only tweets that reached us through these handles (usernames, no @). */
  handles: z.array(z.string()).optional(),
  /** Raise the priority by this many steps (1 = normal→high). */
  priorityBoost: z.number().int().min(0).max(3).default(0),
  enabled: z.boolean().default(true),
})
export type KeywordRule = z.infer<typeof KeywordRule>

export const ReplyTemplate = z.object({
  id: z.string(),
  label: z.string(),
  language: z.enum(['en', 'hi']),
  /** Placeholders: {ticket}, {name}, {division}. */
  text: z.string(),
})
export type ReplyTemplate = z.infer<typeof ReplyTemplate>

/** The ways tweets reach us; also the names used by the budget governor and the admin endpoint. */
export const INGEST_SOURCES = ['mentions', 'follow-ups', 'stream', 'search'] as const
export const IngestSourceName = z.enum(INGEST_SOURCES)
export type IngestSourceName = z.infer<typeof IngestSourceName>

/**
 * Which sources run and how the monthly read budget is shared. Optional in an org file:
 * `ingestionSettings(org)` fills the defaults (mentions, search and follow-ups on; the
 * filtered stream off, because only the higher X API tiers include it).
 */
export const IngestionConfig = z.object({
  sources: z
    .object({
      mentions: z.boolean().default(true),
      search: z.boolean().default(true),
      stream: z.boolean().default(false),
      followUps: z.boolean().default(true),
    })
    .prefault({}),
  budget: z
    .object({
      /** Posts read per calendar month (X Basic tier: 15,000). X's own cap is used when lower. */
      monthlyPostsCap: z.number().int().positive().default(15_000),
      /** Most important first; the admin's order decides which source pauses first. */
      priority: z
        .array(IngestSourceName)
        .default(['mentions', 'follow-ups', 'stream', 'search'])
        .refine((list) => list.length === INGEST_SOURCES.length && new Set(list).size === list.length, {
          message: `priority must list each of ${INGEST_SOURCES.join(', ')} once`,
        }),
      /**
       * Paired with `priority`: the source in position i pauses when less than pauseBelow[i]
       * of the budget is left. The default pauses search below 20%, the stream below 10%,
       * follow-ups below 5%; mentions never.
       */
      pauseBelow: z.array(z.number().min(0).max(1)).length(INGEST_SOURCES.length).default([0, 0.05, 0.1, 0.2]),
    })
    .prefault({}),
})
export type IngestionConfig = z.infer<typeof IngestionConfig>
/** As written in an org file: every field optional. */
export type IngestionConfigInput = z.input<typeof IngestionConfig>

/** A regular expression source that compiles (checked on load, not at the first tweet). */
const Pattern = z
  .string()
  .max(200)
  .refine(
    (source) => {
      try {
        new RegExp(source, 'i')
        return true
      } catch {
        return false
      }
    },
    { message: 'not a valid regular expression' },
  )

/**
 * Accounts whose tweets are never grievances: other government handles (zonal railways,
 * police stations, other ministries) whose replies and notices reach our mentions.
 * Usernames without @, any case; patterns are case-insensitive regular expressions over
 * the username ("^(cr|wr|nr|sr)_?rly$", "police$").
 */
export const AffiliatedAccounts = z.object({
  usernames: z.array(z.string().max(64)).max(5_000).default([]),
  patterns: z.array(Pattern).max(200).default([]),
})
export type AffiliatedAccounts = z.infer<typeof AffiliatedAccounts>

/** A confidence between 0 and 1. */
const Confidence = z.number().min(0).max(1)

/**
 * The learned triage model beside the rules, and the bands it sorts tweets into:
 * `ticket` at or above `thresholds.ticket`, `review` at or above `thresholds.review`,
 * otherwise `ignore`. Thresholds absent here come from the model file.
 */
export const TriageConfig = z.object({
  /** Model file, relative to the org file (default: ../models/<org id>.model.json). */
  model: z.string().max(500).optional(),
  thresholds: z
    .object({ ticket: Confidence, review: Confidence })
    .refine((t) => t.review <= t.ticket, { message: 'thresholds.review must not be above thresholds.ticket' })
    .optional(),
})
export type TriageConfig = z.infer<typeof TriageConfig>

export const OrgConfig = z.object({
  id: z.string(),
  name: z.string(),
  /** Ticket number prefix, e.g. MHA in MHA-26-000123. */
  ticketPrefix: z.string().regex(/^[A-Z]{2,10}$/),
  handles: z
    .array(
      z.object({
        username: z.string(),
        /** The handle that posts replies and acknowledgements. */
        primary: z.boolean().default(false),
        division: z.string().optional(),
      }),
    )
    .min(1),
  divisions: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        nameHi: z.string().optional(),
        languages: z.array(z.string()).default(['en', 'hi']),
      }),
    )
    .min(1),
  /** Where actionable tweets that match no rule go. */
  defaultDivision: z.string(),
  rules: z.array(KeywordRule),
  /** Hours from creation to SLA due, by priority (wall clock): used when there is no slaPolicy. */
  sla: z.record(Priority, z.number().positive()),
  /** Working calendar, targets, CPGRAMS limits and escalation (src/shared/sla); absent = the `sla` hours. */
  slaPolicy: SlaPolicy.optional(),
  acknowledge: z.object({
    enabled: z.boolean().default(true),
    en: z.string(),
    hi: z.string(),
  }),
  templates: z.array(ReplyTemplate).default([]),
  /** Sources and read budget; see IngestionConfig. Absent = defaults. */
  ingestion: IngestionConfig.optional(),
  /** Other official accounts, never grievances. */
  affiliatedAccounts: AffiliatedAccounts.optional(),
  /** The learned model and its bands; absent = the model file by convention, its own thresholds. */
  triage: TriageConfig.optional(),
})
export type OrgConfig = z.infer<typeof OrgConfig>

/** The organisation's ingestion settings with every default filled in. */
export function ingestionSettings(org: { ingestion?: IngestionConfigInput | undefined }): IngestionConfig {
  return IngestionConfig.parse(org.ingestion ?? {})
}

/** Fill {ticket}, {name}, {division}; unknown placeholders stay visible so they get noticed. */
export function fillTemplate(text: string, values: Record<string, string | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}
