// The organisation: divisions (names in English and Hindi) and reply templates.
// The desk fetches the org from the server in the background after sign-in and sends an
// `org` event when it arrives; until then (or if that event was missed while the page
// loaded) we also ask again on sync events and on a short, bounded backoff.
import { create } from 'zustand'
import type { OrgSummary } from '../../../shared/protocol'
import { i18n } from '../i18n/instance'
import { problemFromError, type Problem } from '../i18n/problem'
import { invokeDesk } from '../lib/bridge'

const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15000]

interface OrgStore {
  org: OrgSummary | null
  error: Problem | null
  load(): Promise<void>
  /** Ask again only while the org is still unknown (cheap to call on every sync event). */
  loadIfMissing(): void
  clear(): void
}

let loading: Promise<void> | null = null
let retryTimer: ReturnType<typeof setTimeout> | null = null
let retryAttempt = 0

export const useOrgStore = create<OrgStore>()((set, get) => ({
  org: null,
  error: null,

  load() {
    if (loading) return loading
    loading = (async () => {
      try {
        const org = await invokeDesk('org.get', {})
        set({ org, error: null })
        if (org === null) scheduleRetry()
        else retryAttempt = 0
      } catch (error) {
        set({ error: problemFromError(error) })
        scheduleRetry()
      } finally {
        loading = null
      }
    })()
    return loading
  },

  loadIfMissing() {
    if (get().org === null) void get().load()
  },

  clear() {
    if (retryTimer !== null) clearTimeout(retryTimer)
    retryTimer = null
    retryAttempt = 0
    set({ org: null, error: null })
  },
}))

function scheduleRetry(): void {
  if (retryTimer !== null || retryAttempt >= RETRY_DELAYS_MS.length) return
  retryTimer = setTimeout(() => {
    retryTimer = null
    useOrgStore.getState().loadIfMissing()
  }, RETRY_DELAYS_MS[retryAttempt++])
}

type Divisions = OrgSummary['divisions']
const NO_DIVISIONS: Divisions = []

/** Stable empty list: a selector returning a fresh `[]` would re-render forever. */
export function selectDivisions(state: { org: OrgSummary | null }): Divisions {
  return state.org?.divisions ?? NO_DIVISIONS
}

/** Division name in the given language (the interface's, or a reply's); falls back to English, then to the id. */
export function divisionName(org: OrgSummary | null, id: string | null, language: 'en' | 'hi' = 'en'): string {
  if (id === null) return i18n.getFixedT(language)('queue.filter.unrouted')
  const division = org?.divisions.find((d) => d.id === id)
  if (!division) return id
  return language === 'hi' && division.nameHi ? division.nameHi : division.name
}
