// Organisation configuration (resources/orgs/*.json): handles, divisions, keyword
// rules, SLA and reply templates. Validated on load so a typo in a rule file is a
// clear error at start-up, not a silent routing hole.
import { z } from 'zod'
import { Priority } from './grievance'

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
  /** Hours from creation to SLA due, by priority. */
  sla: z.record(Priority, z.number().positive()),
  acknowledge: z.object({
    enabled: z.boolean().default(true),
    en: z.string(),
    hi: z.string(),
  }),
  templates: z.array(ReplyTemplate).default([]),
})
export type OrgConfig = z.infer<typeof OrgConfig>

/** Fill {ticket}, {name}, {division}; unknown placeholders stay visible so they get noticed. */
export function fillTemplate(text: string, values: Record<string, string | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}
