// Spawned by outbox-journal.test.ts and killed with SIGKILL: queues actions through the
// outbox's journal as fast as it can while whole-file writes (a settle's, dropping the
// settled actions) run beside them, and prints `queued <n>` once action n's append resolved
// and `settled <n>` once a whole write without actions below n committed. Resumes from
// what the outbox already holds, so the test can kill it over and over.
import { openOutbox } from '../../src/main/desk/outbox-store'
import { actionNumber, queuedNote } from './outbox-journal-workload'

const dir = process.argv[2]!
const files = { outbox: `${dir}/outbox.json`, outboxJournal: `${dir}/outbox-journal.jsonl` }
const { store } = await openOutbox(files, () => new Date())
const numbers = store.data.entries.map(actionNumber)
let next = Math.max(Number(process.argv[3] ?? 0), ...numbers.map((n) => n + 1))
process.stdout.write(`opened ${next}\n`)
for (;;) {
  const n = next++
  // Every 7th action, a "settle" drops everything queued below n - 3 (a whole-file write).
  if (n % 7 === 0) {
    const below = n - 3
    void store
      .update((current) => ({
        ...current,
        entries: current.entries.filter((e) => actionNumber(e) >= below),
      }))
      .then(() => process.stdout.write(`settled ${below}\n`))
  }
  await store.append(queuedNote(n))
  process.stdout.write(`queued ${n}\n`)
}
