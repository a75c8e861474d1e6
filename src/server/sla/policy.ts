// The organisation's SLA policy, compiled once per org object: its `slaPolicy`, or the
// old `sla` hours on the wall clock; holidays default to India's gazetted list.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { OrgConfig } from '../../shared/org'
import { Holiday, legacySlaPolicy, resolveSlaPolicy, type ResolvedSlaPolicy } from '../../shared/sla'

export const DEFAULT_HOLIDAYS_FILE = new URL('../../../resources/holidays/india-central.json', import.meta.url)

let defaultHolidays: Holiday[] | null = null

/** India's closed central-government holidays (resources/holidays/india-central.json). */
export function indiaCentralHolidays(): Holiday[] {
  defaultHolidays ??= z
    .object({ holidays: z.array(Holiday) })
    .parse(JSON.parse(readFileSync(DEFAULT_HOLIDAYS_FILE, 'utf8'))).holidays
  return defaultHolidays
}

const compiled = new WeakMap<OrgConfig, ResolvedSlaPolicy>()

export function slaPolicyOf(org: OrgConfig): ResolvedSlaPolicy {
  let resolved = compiled.get(org)
  if (!resolved) {
    resolved = resolveSlaPolicy(org.slaPolicy ?? legacySlaPolicy(org.sla), indiaCentralHolidays())
    compiled.set(org, resolved)
  }
  return resolved
}
