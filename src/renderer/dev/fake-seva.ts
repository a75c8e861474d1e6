// An in-memory stand-in for the desk, for working on the UI with `vite` and no backend.
// Loaded only when `import.meta.env.DEV` and no real `window.seva` exists; never in builds.
// Sign in with any username and the password "seva".
import type {
  Conflict,
  DeskEvent,
  DeskInput,
  DeskMethod,
  DeskOutput,
  SevaBridge,
  Session,
  SyncState,
  UserSettings,
} from '../../shared/desk-api'
import {
  assertTransition,
  formatTicketNumber,
  type Grievance,
  type GrievanceStatus,
  type Priority,
} from '../../shared/grievance'
import type { ActionBody, OrgSummary } from '../../shared/protocol'

const ORG: OrgSummary = {
  id: 'mha',
  name: 'Ministry of Home Affairs',
  ticketPrefix: 'MHA',
  handles: ['HMOIndia', 'CyberDost'],
  divisions: [
    { id: 'foreigners', name: 'Foreigners & Immigration', nameHi: 'विदेशी एवं आप्रवासन' },
    { id: 'police', name: 'Police Verification & Passports', nameHi: 'पुलिस सत्यापन' },
    { id: 'cyber', name: 'Cyber Crime (I4C)', nameHi: 'साइबर अपराध' },
    { id: 'general', name: 'General Grievances', nameHi: 'सामान्य शिकायत' },
  ],
  templates: [
    {
      id: 'ack-en',
      label: 'Acknowledge (English)',
      language: 'en',
      text: '@{name} We have registered your grievance {ticket} and forwarded it to the {division} desk.',
    },
    {
      id: 'ack-hi',
      label: 'पावती (हिंदी)',
      language: 'hi',
      text: '@{name} आपकी शिकायत {ticket} दर्ज कर ली गई है और {division} को भेज दी गई है।',
    },
  ],
}

const SAMPLE_TWEETS: [text: string, lang: string, division: string | null, priority: Priority][] = [
  ['@HMOIndia my e-visa application is pending for 3 weeks, no update on status', 'en', 'foreigners', 'normal'],
  ['@CyberDost मेरे खाते से UPI फ्रॉड में 20000 रुपये कट गए, कृपया मदद करें', 'hi', 'cyber', 'high'],
  ['@HMOIndia passport police verification pending since 2 months in Lucknow', 'en', 'police', 'normal'],
  ['@HMOIndia bahut pareshan hoon, police verification abhi tak nahi hua', 'hi-Latn', 'police', 'normal'],
  ['@HMOIndia flood relief camp has no drinking water, please help urgently', 'en', 'general', 'critical'],
  ['@HMOIndia OCI card reissue stuck at FRRO for months', 'en', 'foreigners', 'low'],
]

function makeGrievance(seq: number, now: number): Grievance {
  const [text, language, division, priority] = SAMPLE_TWEETS[seq % SAMPLE_TWEETS.length]
  const created = new Date(now - (seq % 9) * 3_600_000).toISOString()
  const id = `g-${seq}`
  return {
    id,
    ticket: formatTicketNumber('MHA', 2026, seq),
    source: {
      tweetId: String(1_800_000_000_000 + seq),
      conversationId: String(1_800_000_000_000 + seq),
      authorId: `u${seq}`,
      authorUsername: `citizen_${seq}`,
      text,
      language,
      createdAt: created,
      via: { kind: 'mention', handle: 'HMOIndia' },
      media: [],
    },
    thread: [{ id: `${id}-t0`, kind: 'citizen', text, at: created, by: `citizen_${seq}` }],
    division,
    matchedRules: division ? [division] : [],
    priority,
    triage: { actionable: true, reasons: ['first person + problem'] },
    status: seq % 5 === 0 ? 'in_progress' : 'new',
    statusReason: null,
    assignee: seq % 5 === 0 ? 'officer1' : null,
    slaDueAt: new Date(now + ((seq % 7) - 2) * 3_600_000).toISOString(),
    createdAt: created,
    updatedAt: created,
    version: 1,
  }
}

const NEXT_STATUS: Partial<Record<ActionBody['type'], GrievanceStatus>> = {
  claim: 'assigned',
  start: 'in_progress',
  forward: 'forwarded',
  resolve: 'resolved',
  reject: 'rejected',
  close: 'closed',
}

export function createFakeSeva(count = 40): SevaBridge {
  const now = Date.now()
  const grievances = new Map<string, Grievance>()
  for (let seq = 1; seq <= count; seq++) {
    const g = makeGrievance(seq, now)
    grievances.set(g.id, g)
  }
  const listeners = new Set<(event: DeskEvent) => void>()
  const conflicts: Conflict[] = []
  let session: Session = { user: null, serverUrl: 'http://127.0.0.1:8080' }
  let sync: SyncState = {
    status: 'logged-out',
    pending: 0,
    lastSyncedAt: null,
    lastError: null,
    serverUrl: session.serverUrl,
  }
  let nextId = 1

  const emit = (event: DeskEvent) => listeners.forEach((l) => l(event))
  const setSync = (patch: Partial<SyncState>) => {
    sync = { ...sync, ...patch }
    emit({ type: 'sync', state: sync })
  }

  function apply(g: Grievance, body: ActionBody, actionId: string): Grievance {
    const at = new Date().toISOString()
    const next: Grievance = { ...g, thread: [...g.thread], updatedAt: at }
    const status = NEXT_STATUS[body.type]
    if (status) {
      assertTransition(g.status, status)
      next.status = status
    }
    if (body.type === 'claim') next.assignee = session.user?.username ?? null
    if (body.type === 'forward') next.division = body.toDivision
    if (body.type === 'reject') next.statusReason = body.reason
    if (body.type === 'reply') {
      const failing = body.text.includes('#fail')
      next.thread.push({
        id: actionId,
        kind: 'reply',
        text: body.text,
        at,
        by: session.user?.username,
        post: { state: 'pending', attempts: 0 },
      })
      // Simulate the server posting (or failing to post) the reply a moment later.
      setTimeout(() => settleReply(g.id, actionId, failing), 1200)
    }
    if (body.type === 'retry-reply') setTimeout(() => settleReply(g.id, body.entryId, false), 1200)
    if (body.type === 'note')
      next.thread.push({ id: actionId, kind: 'note', text: body.text, at, by: session.user?.username })
    return next
  }

  function settleReply(grievanceId: string, entryId: string, failing: boolean) {
    const g = grievances.get(grievanceId)
    if (!g) return
    const thread = g.thread.map((e) =>
      e.id === entryId
        ? {
            ...e,
            post: failing
              ? { state: 'failed' as const, error: 'X answered 503 Service Unavailable', attempts: 3 }
              : { state: 'posted' as const, attempts: 1 },
          }
        : e,
    )
    grievances.set(grievanceId, { ...g, thread, version: g.version + 1 })
    emit({ type: 'grievances-changed', ids: [grievanceId] })
  }

  // Notes drive the fake network: "#offline" / "#online" flip the link (actions pile up
  // as pending while offline), "#conflict" makes the server refuse that very action.
  function simulateSync(body: ActionBody, action: Conflict['action']) {
    const text = body.type === 'note' || body.type === 'reply' ? body.text : ''
    if (text.includes('#offline')) setSync({ status: 'offline', lastError: 'Server unreachable (fake)' })
    else if (text.includes('#online'))
      setSync({ status: 'online', pending: 0, lastError: null, lastSyncedAt: new Date().toISOString() })
    else if (sync.status === 'offline') setSync({ pending: sync.pending + 1 })
    if (text.includes('#conflict')) {
      const conflict: Conflict = {
        action,
        kind: 'conflict',
        reason: 'based on version 1, the grievance is at version 3',
        grievance: grievances.get(action.grievanceId) ?? null,
        at: new Date().toISOString(),
      }
      conflicts.push(conflict)
      setTimeout(() => emit({ type: 'conflict', conflict }), 300)
    }
  }

  // Per-officer settings, as the desk core keeps them (in memory here).
  const userSettings = new Map<string, Partial<UserSettings>>()

  const handlers: { [M in DeskMethod]: (input: DeskInput<M>) => DeskOutput<M> } = {
    'session.get': () => session,
    'session.login': (input) => {
      if (input.password !== 'seva') throw new Error('Wrong username or password.')
      session = {
        user: {
          username: input.username,
          displayName: `Officer ${input.username}`,
          role: 'officer',
          divisions: ['general'],
          languages: ['en', 'hi'],
        },
        serverUrl: input.serverUrl ?? session.serverUrl,
      }
      setSync({ status: 'online', lastSyncedAt: new Date().toISOString(), serverUrl: session.serverUrl })
      return session
    },
    'session.logout': () => {
      session = { user: null, serverUrl: session.serverUrl }
      setSync({ status: 'logged-out' })
      return session
    },
    'session.change-password': (input) => {
      if (input.currentPassword !== 'seva') throw new Error('currentPassword: that is not your current password')
      session = { user: session.user, serverUrl: session.serverUrl }
      return session
    },
    // The dev fake has no second factor: its officer signs in with the password alone.
    'session.two-factor-code': () => session,
    'two-factor.status': () => ({ enabled: false, required: false }),
    'two-factor.enrol': () => {
      throw new Error('Two-factor sign-in needs the real server')
    },
    'two-factor.confirm': () => session,
    'two-factor.recovery-codes': () => ({ codes: [] }),
    'org.get': () => ORG,
    'grievances.list': () => [...grievances.values()],
    'grievances.get': (input) => grievances.get(input.id) ?? null,
    'grievances.ids': () => [...grievances.keys()],
    'grievances.get-many': (input) => input.ids.flatMap((id) => grievances.get(id) ?? []),
    // The dev fake keeps everything: nothing is older than its working set.
    'grievances.search-server': () => ({ state: 'found', grievances: [], hasMore: false, next: null }),
    'grievances.open': (input) => {
      const g = grievances.get(input.id)
      if (!g) throw new Error(`No grievance ${input.id}`)
      return g
    },
    'actions.submit': (input) => {
      const g = grievances.get(input.grievanceId)
      if (!g) throw new Error(`No grievance ${input.grievanceId}`)
      const actionId = `fake-action-${nextId++}`
      const next = apply(g, input.body, actionId)
      grievances.set(g.id, next)
      simulateSync(input.body, {
        id: actionId,
        grievanceId: g.id,
        baseVersion: g.version,
        at: next.updatedAt,
        body: input.body,
      })
      return { actionId, grievance: next }
    },
    'sync.state': () => sync,
    'sync.now': () => {
      setSync({ lastSyncedAt: new Date().toISOString() })
      return sync
    },
    'conflicts.list': () => conflicts,
    'conflicts.dismiss': (input) => {
      const index = conflicts.findIndex((c) => c.action.id === input.actionId)
      if (index !== -1) conflicts.splice(index, 1)
      return conflicts
    },
    // The fake desk signs everyone in as an officer, who does not see ingestion.
    'ingestion.status': () => null,
    'review.ignored': () => ({ tweets: [], hasMore: false, next: null }),
    'review.ticket': () => {
      throw new Error('The fake desk has no ignored tweets.')
    },
    'settings.get': () => ({ language: null, ...userSettings.get(session.user?.username ?? '') }),
    // One desk, nobody else: presence is heard and goes nowhere.
    'presence.set': () => ({}),
    // The staff screens need the real server; here they say so.
    'staff.request': () => ({ status: 503, body: { error: 'no_server', message: 'The UI-only desk has no server' } }),
    'staff.download': () => {
      throw new Error('The UI-only desk has no server to download from.')
    },
    'staff.download-cancel': () => ({}),
    'settings.set': (input) => {
      const username = session.user?.username
      if (!username) throw new Error('Sign in before changing your settings.')
      const next = { language: null, ...userSettings.get(username), ...input }
      userSettings.set(username, next)
      return next
    },
    // Like the browser desk: no updater.
    'updates.state': () => null,
  }

  return {
    async invoke<M extends DeskMethod>(method: M, input: DeskInput<M>): Promise<DeskOutput<M>> {
      const handler = handlers[method] as (input: DeskInput<M>) => DeskOutput<M>
      return handler(input)
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export function installFakeSeva(): void {
  console.info('[seva] No desk found: using the in-memory development fake (password "seva").')
  ;(window as { seva?: SevaBridge }).seva = createFakeSeva()
}
