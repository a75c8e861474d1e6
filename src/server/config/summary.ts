// What a config change changed, for the audit entry: per section, the ids added, removed
// and changed (rules, templates, divisions by id; handles by username; affiliated accounts
// by name and pattern), or just that a section changed. Never the documents themselves.
import type { ConfigChangeSummary } from '../../shared/config'
import type { OrgConfig } from '../../shared/org'
import { canonicalJson } from '../audit'

/** Ids listed per kind in one entry; past this the list ends with "… and N more". */
const IDS_SHOWN = 20

function capped(ids: string[]): string[] {
  return ids.length <= IDS_SHOWN ? ids : [...ids.slice(0, IDS_SHOWN), `… and ${ids.length - IDS_SHOWN} more`]
}

function keyed(value: unknown): Map<string, string> | null {
  if (!Array.isArray(value)) return null
  const out = new Map<string, string>()
  for (const item of value) {
    if (typeof item === 'string') out.set(item, item)
    else if (item && typeof item === 'object') {
      const o = item as Record<string, unknown>
      const id = typeof o.id === 'string' ? o.id : typeof o.username === 'string' ? o.username : null
      if (id === null) return null
      out.set(id, canonicalJson(item))
    } else return null
  }
  return out
}

function listDiff(before: unknown, after: unknown): { added: string[]; removed: string[]; changed: string[] } | null {
  const a = keyed(before ?? [])
  const b = keyed(after ?? [])
  if (!a || !b) return null
  const added = [...b.keys()].filter((id) => !a.has(id))
  const removed = [...a.keys()].filter((id) => !b.has(id))
  const changed = [...b.keys()].filter((id) => a.has(id) && a.get(id) !== b.get(id))
  return { added: capped(added), removed: capped(removed), changed: capped(changed) }
}

export function summariseChange(before: OrgConfig, after: OrgConfig): ConfigChangeSummary {
  const summary: ConfigChangeSummary = {}
  const b = before as unknown as Record<string, unknown>
  const a = after as unknown as Record<string, unknown>
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (canonicalJson(b[key] ?? null) === canonicalJson(a[key] ?? null)) continue
    if (key === 'affiliatedAccounts') {
      const was = (b[key] ?? {}) as Record<string, unknown>
      const now = (a[key] ?? {}) as Record<string, unknown>
      for (const part of ['usernames', 'patterns']) {
        const diff = listDiff(was[part], now[part])
        if (diff && (diff.added.length > 0 || diff.removed.length > 0))
          summary[`affiliatedAccounts.${part}`] = { added: diff.added, removed: diff.removed }
      }
      continue
    }
    summary[key] = listDiff(b[key], a[key]) ?? {}
  }
  return summary
}
