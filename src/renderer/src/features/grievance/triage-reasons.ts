// The server's triage reasons (English sentences made by src/shared/routing and
// src/shared/triage-model) as catalogue keys, so an officer working in Hindi reads them in
// Hindi. A reason this table does not know is shown as it came (marked as data): a newer
// server may say things this desk has no words for yet.
import { en } from '../../i18n/catalogues/areas/triage-reasons'

export interface TranslatedReason {
  key: string
  values?: Record<string, string | number>
}

type ReasonKey = keyof typeof en

const EXACT = new Map<string, ReasonKey>(
  (Object.entries(en) as [ReasonKey, string][])
    .filter(([, text]) => !text.includes('{{'))
    .map(([key, text]) => [text, key]),
)

/** The sentences with a value in them, as the server builds them. */
const PATTERNS: { pattern: RegExp; key: (m: RegExpExecArray) => TranslatedReason }[] = [
  { pattern: /^addressed to @(\w{1,15})$/, key: (m) => ({ key: 'addressedTo', values: { handle: m[1]! } }) },
  { pattern: /^matched rule (.+)$/, key: (m) => ({ key: 'matchedRule', values: { rule: m[1]! } }) },
  {
    pattern: /^priority raised (\d) steps? by rule$/,
    key: (m) => ({ key: 'raisedSteps', values: { count: Number(m[1]) } }),
  },
  {
    pattern: /^written in (.+): flagged for a reader, not dropped$/,
    key: (m) => ({ key: 'writtenInNotDropped', values: { language: m[1]! } }),
  },
  {
    pattern: /^written in (.+): flagged for a reader$/,
    key: (m) => ({ key: 'writtenIn', values: { language: m[1]! } }),
  },
  {
    pattern: /^made a ticket from ignored by (.+)$/,
    key: (m) => ({ key: 'madeTicketFromIgnoredBy', values: { user: m[1]! } }),
  },
  { pattern: /^made a ticket by (.+)$/, key: (m) => ({ key: 'madeTicketBy', values: { user: m[1]! } }) },
]

/** The catalogue key (under `triageReason.`) of a server reason, or null when it is not known. */
export function translateReason(reason: string): TranslatedReason | null {
  const exact = EXACT.get(reason)
  if (exact) return { key: `triageReason.${exact}` }
  for (const { pattern, key } of PATTERNS) {
    const m = pattern.exec(reason)
    if (m) {
      const found = key(m)
      return { ...found, key: `triageReason.${found.key}` }
    }
  }
  return null
}
