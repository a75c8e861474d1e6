// Deterministic grievances for the desk bench and the store's tests: 2–4 KB each, with
// realistic threads (a citizen's tweet, follow-ups, our replies, internal notes), in
// Hindi and English. Grievance `i` at version `v` is always the same object.
import type { Grievance } from '../../src/shared/grievance'
import type { Change } from '../../src/shared/protocol'

const DIVISIONS = ['visa', 'cyber', 'passport', 'police', 'railways', null] as const
const STATUSES = ['new', 'assigned', 'in_progress', 'forwarded', 'resolved', 'closed'] as const
const PRIORITIES = ['critical', 'high', 'normal', 'low'] as const
const OFFICERS = ['asha', 'vikram', 'meena', 'rahul', null] as const

const EN = [
  'My e-visa application {n} has been pending for {d} days and the status page shows no update at all.',
  'I lost {n} rupees in a UPI fraud yesterday; the bank says I must file a complaint with the cyber cell first.',
  'The passport office at Ghaziabad has rescheduled my appointment {d} times, reference {n}, please help.',
  'Train {n} was cancelled without notice and the refund of my tatkal ticket has not come in {d} days.',
  'Someone is harassing my sister online from a fake profile, we reported it {d} days ago, complaint {n}.',
]
const HI = [
  'मेरा ई-वीज़ा आवेदन {n} पिछले {d} दिनों से लंबित है, कृपया सहायता करें।',
  'कल UPI धोखाधड़ी में मेरे {n} रुपये चले गए, साइबर सेल में शिकायत कैसे करें?',
  'पासपोर्ट कार्यालय ने मेरी नियुक्ति {d} बार बदल दी है, संदर्भ संख्या {n}।',
  'ट्रेन {n} रद्द हो गई और {d} दिनों से टिकट का पैसा वापस नहीं आया।',
]
const REPLIES = [
  'We are sorry for the trouble. Your grievance {t} has been registered and forwarded to the concerned division; please do not share personal details in public.',
  'आपकी शिकायत {t} दर्ज कर ली गई है और संबंधित विभाग को भेज दी गई है। कृपया सार्वजनिक रूप से व्यक्तिगत जानकारी साझा न करें।',
  'Update on {t}: the division has asked the regional office for a report; we will write again within three working days.',
]
const NOTES = [
  'Called the regional office; they confirm the file is with the verification desk. Follow up on Monday.',
  'Citizen sent the reference by DM. Checked the portal: payment received, status stuck at document scrutiny.',
  'Escalated to the nodal officer as the SLA for first response is close to breach.',
  'बैंक से बात हुई, लेन-देन पर रोक लगा दी गई है। साइबर सेल की रिपोर्ट का इंतज़ार है।',
]

/** Small, fast, seedable (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!
const fill = (text: string, r: () => number, ticket: string): string =>
  text
    .replace('{n}', String(100000 + Math.floor(r() * 900000)))
    .replace('{d}', String(1 + Math.floor(r() * 40)))
    .replace('{t}', ticket)

const BASE = Date.UTC(2026, 0, 1)
const iso = (ms: number): string => new Date(ms).toISOString()

export const grievanceId = (i: number): string => `g-${String(i).padStart(7, '0')}`

/** Grievance `i` as the server would send it at `version` (later versions add to the thread). */
export function makeGrievance(i: number, version = 1): Grievance {
  const r = random(i * 7919 + 17)
  const ticket = `MHA-26-${String(i % 1_000_000).padStart(6, '0')}`
  const hindi = r() < 0.4
  const created = BASE + i * 37_000
  const author = `citizen_${(i * 31) % 50_000}`
  const text = fill(pick(r, hindi ? HI : EN), r, ticket) + ` @HMOIndia #help${i % 97}`
  const thread: Grievance['thread'] = [
    { id: `${i}-t0`, kind: 'citizen', text, at: iso(created), by: author, tweetId: String(1e15 + i) },
  ]
  // Threads of 6–14 entries put a grievance between 2 and 4 KB, as in the scale run.
  const entries = 6 + Math.floor(r() * 9) + (version - 1)
  for (let k = 1; k < entries; k++) {
    const kind = k % 3 === 1 ? 'reply' : k % 3 === 2 ? 'note' : 'citizen'
    const at = iso(created + k * 3_600_000)
    if (kind === 'reply') {
      thread.push({
        id: `${i}-t${k}`,
        kind,
        text: fill(pick(r, REPLIES), r, ticket),
        at,
        by: pick(r, ['asha', 'vikram', 'meena']),
        post: { state: 'posted', attempts: 1 },
        tweetId: String(2e15 + i * 16 + k),
      })
    } else if (kind === 'note') {
      thread.push({ id: `${i}-t${k}`, kind, text: pick(r, NOTES), at, by: pick(r, ['asha', 'vikram']) })
    } else {
      thread.push({ id: `${i}-t${k}`, kind, text: fill(pick(r, hindi ? HI : EN), r, ticket), at, by: author })
    }
  }
  return {
    id: grievanceId(i),
    ticket,
    source: {
      tweetId: String(1e15 + i),
      conversationId: String(1e15 + i),
      authorId: String(5e9 + ((i * 31) % 50_000)),
      authorUsername: author,
      authorName: `Citizen ${(i * 31) % 50_000}`,
      text,
      language: hindi ? 'hi' : 'en',
      createdAt: iso(created),
      via: { kind: 'mention', handle: 'HMOIndia' },
      media: [],
    },
    thread,
    division: pick(r, DIVISIONS),
    matchedRules: ['visa-delay', 'upi-fraud'].slice(0, 1 + Math.floor(r() * 2)),
    priority: pick(r, PRIORITIES),
    triage: { actionable: true, reasons: ['complaint wording', 'service named'] },
    status: pick(r, STATUSES),
    statusReason: null,
    assignee: pick(r, OFFICERS),
    slaDueAt: iso(created + 72 * 3_600_000),
    createdAt: iso(created),
    updatedAt: iso(created + version * 60_000),
    version,
  }
}

/** The initial sync of `n` grievances as the server pages it: `pageSize` upserts per page, seq = i + 1. */
export function* initialSyncPages(n: number, pageSize = 500): Generator<{ changes: Change[]; last: number }> {
  for (let start = 0; start < n; start += pageSize) {
    const changes: Change[] = []
    for (let i = start; i < Math.min(n, start + pageSize); i++) {
      changes.push({ seq: i + 1, kind: 'upsert', grievance: makeGrievance(i) })
    }
    yield { changes, last: Math.min(n, start + pageSize) }
  }
}
