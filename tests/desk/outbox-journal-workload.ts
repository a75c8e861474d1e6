// The actions outbox-journal.test.ts and its writer queue: action n is a note on g<n % 5>.
import type { OutboxEntry } from '../../src/main/desk/desk-files'

export const queuedNote = (n: number): OutboxEntry => ({
  action: {
    id: `action-${n}`,
    grievanceId: `g${n % 5}`,
    baseVersion: 1,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    body: { type: 'note', text: `note ${n}: ${'x'.repeat(n % 300)}` },
  },
  owner: { serverUrl: 'http://127.0.0.1:1', username: 'officer.cyber' },
})

export const actionNumber = (entry: OutboxEntry): number => Number(entry.action.id.split('-').at(-1))
