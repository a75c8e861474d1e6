// What the admin screen's SLA section needs besides the policy's schema: the cross-checks a
// saved policy must pass (run by the server through checkOrgConfig and by the screen while
// typing, so they never disagree), the default holiday list on the wire, and reading a
// year of holidays pasted as JSON or CSV.
import { z } from 'zod'
import { PRIORITIES } from '../grievance'
import { Holiday, HOLIDAYS_MAX, targetFor, type SlaPolicy } from './policy'

/** The longest holiday paste accepted (a year is about 1 kB; many years fit). */
export const HOLIDAY_PASTE_CHARS = 100_000

/** The server's default list (resources/holidays/india-central.json) and where it comes from. */
export const SlaDefaultHolidays = z.object({
  about: z.string(),
  holidays: z.array(Holiday).max(HOLIDAYS_MAX),
})
export type SlaDefaultHolidays = z.infer<typeof SlaDefaultHolidays>

/** A problem of a policy: where ("targets.high.firstResponseHours"), a code the screen words, the English text. */
export interface SlaPolicyProblem {
  path: string
  code: 'unknownDivision' | 'firstAfterResolution' | 'duplicateHoliday'
  message: string
}

/** Cross-checks the schema cannot make on its own: divisions exist, targets are in order, no holiday twice. */
export function slaPolicyProblems(policy: SlaPolicy, divisionIds: readonly string[]): SlaPolicyProblem[] {
  const problems: SlaPolicyProblem[] = []
  const known = new Set(divisionIds)
  for (const division of Object.keys(policy.divisions)) {
    if (!known.has(division))
      problems.push({
        path: `divisions.${division}`,
        code: 'unknownDivision',
        message: `"${division}" is not a division`,
      })
  }
  // The engine caps the first response at the resolution time; a target set the other way is a typo.
  const scopes: [string, string | null][] = [
    ['targets', null],
    ...Object.keys(policy.divisions).map((d): [string, string] => [`divisions.${d}`, d]),
  ]
  for (const [prefix, division] of scopes) {
    for (const priority of PRIORITIES) {
      // A division is only blamed for the priorities it changes.
      if (division && !policy.divisions[division]?.[priority]) continue
      const target = targetFor(policy, priority, division)
      if (target.firstResponseHours > target.resolutionHours)
        problems.push({
          path: `${prefix}.${priority}.firstResponseHours`,
          code: 'firstAfterResolution',
          message: 'the first response must not be due after the resolution',
        })
    }
  }
  for (const list of ['holidays', 'extraHolidays'] as const) {
    const seen = new Set<string>()
    ;(policy.calendar[list] ?? []).forEach((h, i) => {
      const key = `${h.date} ${h.name.trim().toLowerCase()}`
      if (seen.has(key))
        problems.push({
          path: `calendar.${list}.${i}`,
          code: 'duplicateHoliday',
          message: `${h.date} ${h.name} is listed twice`,
        })
      seen.add(key)
    })
  }
  return problems
}

export interface HolidayPaste {
  holidays: Holiday[]
  /** Lines (1-based; 0 for a JSON document) that are not a holiday, with their text. */
  rejected: { line: number; text: string }[]
}

const JsonHolidays = z.union([z.array(z.unknown()), z.object({ holidays: z.array(z.unknown()) })])

/**
 * Holidays pasted by an admin: a JSON array of {date, name, provisional?} (or an object with
 * `holidays`, as in resources/holidays/india-central.json), or CSV lines "YYYY-MM-DD,Name"
 * with an optional third column "provisional" (or "अनंतिम") and an optional header line.
 */
export function parseHolidayPaste(text: string): HolidayPaste {
  const trimmed = text.trim().slice(0, HOLIDAY_PASTE_CHARS)
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let document: unknown
    try {
      document = JSON.parse(trimmed)
    } catch {
      return { holidays: [], rejected: [{ line: 0, text: trimmed.slice(0, 80) }] }
    }
    const parsed = JsonHolidays.safeParse(document)
    if (!parsed.success) return { holidays: [], rejected: [{ line: 0, text: trimmed.slice(0, 80) }] }
    const items = Array.isArray(parsed.data) ? parsed.data : parsed.data.holidays
    const holidays: Holiday[] = []
    const rejected: HolidayPaste['rejected'] = []
    items.forEach((item, i) => {
      const h = Holiday.safeParse(item)
      if (h.success) holidays.push(h.data)
      else rejected.push({ line: i + 1, text: JSON.stringify(item).slice(0, 80) })
    })
    return { holidays, rejected }
  }
  const holidays: Holiday[] = []
  const rejected: HolidayPaste['rejected'] = []
  trimmed.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (line === '' || (i === 0 && /^"?date"?\s*[,;\t]/i.test(line))) return
    const [date = '', name = '', flag = ''] = splitCsvLine(line)
    // "अनंतिम" is how the Hindi screen names the column.
    const provisional = /^(provisional|true|yes|1|अनंतिम)$/i.test(flag.trim())
    const h = Holiday.safeParse({ date: date.trim(), name: name.trim(), ...(provisional ? { provisional } : {}) })
    if (h.success) holidays.push(h.data)
    else rejected.push({ line: i + 1, text: line.slice(0, 80) })
  })
  return { holidays, rejected }
}

/** One CSV line: comma, semicolon or tab separated, double quotes around a field with a separator. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',' || c === ';' || c === '\t') {
      fields.push(field)
      field = ''
    } else field += c
  }
  fields.push(field)
  return fields
}

/** The list with every year present in `imported` replaced by the imported days, in date order. */
export function replaceHolidayYears(list: readonly Holiday[], imported: readonly Holiday[]): Holiday[] {
  const years = new Set(imported.map((h) => h.date.slice(0, 4)))
  const seen = new Set<string>()
  const unique = imported.filter((h) => {
    const key = `${h.date} ${h.name.toLowerCase()}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return [...list.filter((h) => !years.has(h.date.slice(0, 4))), ...unique].sort(
    (a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name),
  )
}
