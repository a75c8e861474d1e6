// Spawned by grievance-store.test.ts and killed with SIGKILL at chosen moments: opens the
// store with tiny thresholds (so segments seal, checkpoints and compactions happen every
// few pages) and applies the workload's pages until killed. Prints `durable <cursor>`
// once a page's promise resolved, and `event <type>` for the store's maintenance.
import { LogGrievanceStore } from '../../src/main/desk/grievance-store'
import { pageAt } from './grievance-store-workload'

const dir = process.argv[2]!
const { store } = await LogGrievanceStore.open({
  dir,
  segmentBytes: 64 * 1024,
  checkpointBytes: 96 * 1024,
  compactMinGarbageBytes: 48 * 1024,
  compactGarbageRatio: 0.1,
  chainMinSlack: 40,
  // Checkpoints say which kind they are: `event checkpoint-start delta`.
  onEvent: (event) => process.stdout.write(`event ${event.type}${'kind' in event ? ` ${event.kind}` : ''}\n`),
})
process.stdout.write(`opened ${store.meta.cursor}\n`)
for (let p = store.meta.cursor / 20 + 1; p < 5_000; p++) {
  const { changes, last } = pageAt(p)
  await store.applyChangesPage(changes, last, new Date().toISOString())
  process.stdout.write(`durable ${last}\n`)
}
