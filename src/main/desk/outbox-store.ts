// The outbox as the desk opens it: outbox.json written whole (durably) when actions settle,
// and the journal beside it taking each submitted action as one appended line (issue 13:
// an officer action p95 ≤ 20 ms). The tests open it the same way to see what is on disk.
import { Outbox, OutboxEntry, emptyOutbox, withQueued, type deskFiles } from './desk-files'
import { DurableJSONFile } from './durable-json-file'
import { JsonStore } from './json-store'
import { recoverOutbox } from './outbox-recovery'

export type OutboxStore = JsonStore<Outbox, OutboxEntry>

export function openOutbox(files: Pick<ReturnType<typeof deskFiles>, 'outbox' | 'outboxJournal'>, clock: () => Date) {
  return JsonStore.open({
    file: files.outbox,
    adapter: new DurableJSONFile<Outbox>(files.outbox),
    schema: Outbox,
    defaultData: emptyOutbox,
    clock,
    recover: (text) => {
      const { outbox, lost } = recoverOutbox(text)
      return { data: outbox, lost }
    },
    journal: { file: files.outboxJournal, record: OutboxEntry, apply: withQueued },
  })
}
