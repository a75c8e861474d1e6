// The desk's search box at 5,000 and 20,000 grievances: filter + forgiving search per
// keystroke with the store's index (haystacks folded once per grievance change), against
// a naive scan that folds every grievance's text again on every keystroke. Also prints
// what building the index costs (paid once per load, in slices between tasks, then per
// changed grievance only).
// Run by `npm run bench queue-search`. Medians of alternating rounds, so load from other
// processes on this shared machine hits both alike.
import type { Grievance } from '../src/shared/grievance'
import { matchesSearchQuery, parseSearchQuery } from '../src/shared/search'
import { EMPTY_FILTER, queuePredicate } from '../src/renderer/src/features/queue/filters'
import { grievanceHaystack, updateSearchIndex } from '../src/renderer/src/features/queue/search-index'

const SIZES = [5_000, 20_000]
const ROUNDS = 5
// What an officer types, one keystroke at a time.
const TYPED = ['वी', 'वीज', 'वीजा', 'वीजा ex', 'वीजा ext', 'mha-26-1', 'paasport', 'paasport del']

const TEXTS = [
  'मेरा वीज़ा एक्सटेंशन दो महीने से लंबित है, कृपया मदद करें',
  'my passport renewal is delayed, police verification pending',
  'UPI fraud: Rs 45,000 debited after a fake call, 1930 complaint not registered',
  'पुलिस सत्यापन तीन महीने से नहीं हुआ #PassportDelay',
  'e-visa application status not updated for 3 weeks at FRRO',
  'बाढ़ राहत शिविर में पानी नहीं है, हिन्दी में जवाब दें',
]

function makeGrievances(n: number): Grievance[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `g${i}`,
    ticket: `MHA-26-${String(i + 1).padStart(6, '0')}`,
    source: {
      tweetId: `t${i}`,
      conversationId: `t${i}`,
      authorId: `a${i % 997}`,
      authorUsername: `citizen_${i % 997}`,
      text: `${TEXTS[i % TEXTS.length]} ${i}`,
      language: i % 2 ? 'en' : 'hi',
      createdAt: '2026-03-01T10:00:00Z',
      via: { kind: 'mention' as const, handle: 'HMOIndia' },
      media: [],
    },
    thread:
      i % 3 === 0
        ? [{ id: `e${i}`, kind: 'note' as const, text: 'called the FRRO office', at: '2026-03-01T11:00:00Z' }]
        : [],
    division: 'foreigners',
    matchedRules: [],
    priority: 'normal' as const,
    triage: { actionable: true, reasons: [] },
    status: 'new' as const,
    statusReason: null,
    assignee: null,
    slaDueAt: '2026-03-02T10:00:00Z',
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
    version: 1,
  }))
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

export default async function run(): Promise<void> {
  for (const n of SIZES) {
    const list = makeGrievances(n)
    const byId = new Map(list.map((g) => [g.id, g]))
    const buildStart = performance.now()
    const searchIndex = updateSearchIndex(new Map(), new Map(), byId, Number.POSITIVE_INFINITY).index
    const buildMs = performance.now() - buildStart

    let sink = 0
    const indexed = () => {
      for (const search of TYPED)
        sink += list.filter(queuePredicate({ ...EMPTY_FILTER, search }, { me: null, searchIndex })).length
    }
    const naive = () => {
      for (const search of TYPED) {
        const query = parseSearchQuery(search)
        sink += list.filter((g) => matchesSearchQuery(grievanceHaystack(g), g.ticket, query)).length
      }
    }
    indexed()
    naive()
    const ours: number[] = []
    const base: number[] = []
    for (let r = 0; r < ROUNDS; r++) {
      let t = performance.now()
      indexed()
      ours.push((performance.now() - t) / TYPED.length)
      t = performance.now()
      naive()
      base.push((performance.now() - t) / TYPED.length)
    }
    const perKey = median(ours)
    const naivePerKey = median(base)
    console.log(
      `${n.toLocaleString('en-IN')} grievances: indexed ${perKey.toFixed(2)} ms/keystroke, ` +
        `naive ${naivePerKey.toFixed(1)} ms/keystroke, ratio ${(naivePerKey / perKey).toFixed(1)}x; ` +
        `index built once in ${buildMs.toFixed(0)} ms (checksum ${sink % 1000})`,
    )
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run()
