// The organisation's SLA policy, compiled once per org object: its `slaPolicy`, or the
// old `sla` hours on the wall clock; holidays default to India's gazetted list.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { OrgConfig } from '../../shared/org'
import { Holiday, legacySlaPolicy, resolveSlaPolicy, type ResolvedSlaPolicy } from '../../shared/sla'

export const DEFAULT_HOLIDAYS_FILE = new URL('../../../resources/holidays/india-central.json', import.meta.url)

let defaultHolidays: { about: string; holidays: Holiday[] } | null = null

function holidaysFile(): { about: string; holidays: Holiday[] } {
  defaultHolidays ??= z
    .object({ about: z.string().default(''), holidays: z.array(Holiday) })
    .parse(JSON.parse(readFileSync(DEFAULT_HOLIDAYS_FILE, 'utf8')))
  return defaultHolidays
}

/** India's closed central-government holidays (resources/holidays/india-central.json). */
export function indiaCentralHolidays(): Holiday[] {
  return holidaysFile().holidays
}

/** Where the list comes from (the file's `about`: which memorandum, what is provisional). */
export function indiaCentralHolidaysAbout(): string {
  return holidaysFile().about
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
